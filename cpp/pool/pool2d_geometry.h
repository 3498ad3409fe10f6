// The shape of one 2d pooling call after its arguments have been checked (pool_shape.h):
// kernels take this and trust it.
#pragma once

#include <cstdint>

#include "pool/pool_shape.h"

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

// The geometry of a checked call: input and output shapes (3D or 4D) and its window arguments.
inline Pool2dGeometry pool2d_geometry(const Shape& in, const Shape& out, const WindowArgs& a) {
  const size_t r = in.size();
  return {r == 4 ? in[0] * in[1] : in[0],
          in[r - 2],
          in[r - 1],
          out[r - 2],
          out[r - 1],
          a.kernel_size[0],
          a.kernel_size[1],
          a.stride[0],
          a.stride[1],
          a.padding[0],
          a.padding[1],
          a.dilation[0],
          a.dilation[1]};
}

}  // namespace poolkit
