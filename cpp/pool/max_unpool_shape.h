// PyTorch's rules for max_unpool{1,2,3}d's output size (F._unpool_output_size and the
// max_unpooling*_forward checks), checked before any memory is touched.
#pragma once

#include "pool/pool_shape.h"

namespace poolkit {

struct UnpoolArgs {
  Shape kernel_size, stride, padding;  // one entry per spatial dimension
  Shape output_size;                   // empty: PyTorch's default, else one entry per dimension
};

// PyTorch's default output size for one dimension: (in - 1) * stride + kernel - 2 * padding.
int64_t unpool_default_size(int64_t input, int64_t kernel, int64_t stride, int64_t padding);

// The output shape, or a message naming the argument, its value and the rule. Beyond PyTorch,
// kernelSize and stride must be positive, padding non-negative and every output size at least
// 1 (PyTorch computes odd sizes from such arguments or returns an empty tensor).
ShapeResult max_unpool_output_shape(const char* op, const Shape& input_shape,
                                    const Shape& indices_shape, const UnpoolArgs& args);

}  // namespace poolkit
