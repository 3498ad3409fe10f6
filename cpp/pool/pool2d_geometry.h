// The shape of one 2d pooling call after its arguments have been checked (pool_shape.h):
// kernels take this and trust it.
#pragma once

#include <cstdint>

namespace poolkit {

struct Pool2dGeometry {
  int64_t planes;  // N * C: each (n, c) plane is pooled on its own
  int64_t in_h, in_w;
  int64_t out_h, out_w;
  int64_t kernel_h, kernel_w;
  int64_t stride_h, stride_w;
  int64_t pad_h, pad_w;
  int64_t dilation_h, dilation_w;
};

}  // namespace poolkit
