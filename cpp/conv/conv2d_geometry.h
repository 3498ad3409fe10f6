// The shape of one conv2d or conv_transpose2d call after its arguments have been checked
// (conv_shape.h): kernels take this and trust it. For the transposed convolution, "in" is its
// input and "out" its (larger) output; the kernel is still kernel_h x kernel_w.
#pragma once

#include <cstdint>

namespace poolkit {

struct Conv2dGeometry {
  int64_t batch;
  int64_t in_channels, in_h, in_w;
  int64_t out_channels, out_h, out_w;
  int64_t kernel_h, kernel_w;
  int64_t stride_h, stride_w;
  // Top and left padding. The bottom and right padding follow from the output size, so the
  // asymmetric padding of PyTorch's padding='same' (the extra row or column goes bottom/right)
  // and a transposed convolution's outputPadding need no fields of their own.
  int64_t pad_h, pad_w;
  int64_t dilation_h, dilation_w;
  int64_t groups;

  int64_t in_channels_per_group() const { return in_channels / groups; }
  int64_t out_channels_per_group() const { return out_channels / groups; }
};

enum class Activation { kNone, kRelu };

}  // namespace poolkit
