// PyTorch's pooling shape rules (ATen's Pool.h and pool*_shape_check), written once for 1 to 3
// spatial dimensions. Every pooling op checks its arguments here before touching memory, so a
// bad argument becomes a message for JavaScript instead of an out-of-bounds access.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/shape.h"

namespace poolkit {

// Sliding-window arguments, one entry per spatial dimension (outermost first).
struct WindowArgs {
  Shape kernel_size;
  Shape stride;
  Shape padding;
  Shape dilation;
  bool ceil_mode = false;
};

// ATen's pooling_output_shape_pad_lr: floor or ceil of (in + 2p - d(k-1) - 1) / s, plus one; in
// ceil mode the last window is dropped if it would start in the right padding.
int64_t pooling_output_size(int64_t input, int64_t kernel, int64_t stride, int64_t padding,
                            int64_t dilation, bool ceil_mode);

// The checks PyTorch's max_pool{1,2,3}d and avg_pool make, in PyTorch's order. `op` is the
// JavaScript name used in messages (e.g. "maxPool2d"); argument names in messages are the
// JavaScript API's camelCase names, because that is what the user typed.
ShapeResult window_pool_output_shape(const char* op, const Shape& input_shape,
                                     const WindowArgs& args);

// avg_pool{1,2,3}d: the window checks above, then what only average pooling checks: a
// divisorOverride that is not zero and fits the int ATen's 3d kernel converts it to, and (3d
// only, like ATen's pool3d_shape_check) an input at least as large as the kernel, padding or not.
ShapeResult avg_pool_output_shape(const char* op, const Shape& input_shape, const WindowArgs& args,
                                  std::optional<int64_t> divisor_override);

// adaptive pooling: one output size per spatial dimension, an empty entry keeping the input's
// size (PyTorch's None). Sizes below 1 are rejected (PyTorch returns an empty tensor for 0).
using OutputSize = std::vector<std::optional<int64_t>>;
ShapeResult adaptive_pool_output_shape(const char* op, const Shape& input_shape,
                                       const OutputSize& output_size);

// lp_pool{1,2}d: a normType that is positive and finite (PyTorch fails on 0 but accepts negative
// and infinite values, which give no norm), then avg_pool's checks.
ShapeResult lp_pool_output_shape(const char* op, const Shape& input_shape, const WindowArgs& args,
                                 double norm_type);

}  // namespace poolkit
