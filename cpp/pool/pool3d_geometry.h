// The shape of one 3d pooling call after its arguments have been checked (pool_shape.h):
// kernels take this and trust it.
#pragma once

#include <cstdint>

#include "pool/pool_shape.h"

namespace poolkit {

struct Pool3dGeometry {
  int64_t planes;  // N * C: each (n, c) volume is pooled on its own
  int64_t in_d, in_h, in_w;
  int64_t out_d, out_h, out_w;
  int64_t kernel_d, kernel_h, kernel_w;
  int64_t stride_d, stride_h, stride_w;
  int64_t pad_d, pad_h, pad_w;
  int64_t dilation_d, dilation_h, dilation_w;
};

// The geometry of a checked call: input and output shapes (4D or 5D) and its window arguments.
inline Pool3dGeometry pool3d_geometry(const Shape& in, const Shape& out, const WindowArgs& a) {
  const size_t r = in.size();
  return {r == 5 ? in[0] * in[1] : in[0],
          in[r - 3],
          in[r - 2],
          in[r - 1],
          out[r - 3],
          out[r - 2],
          out[r - 1],
          a.kernel_size[0],
          a.kernel_size[1],
          a.kernel_size[2],
          a.stride[0],
          a.stride[1],
          a.stride[2],
          a.padding[0],
          a.padding[1],
          a.padding[2],
          a.dilation[0],
          a.dilation[1],
          a.dilation[2]};
}

}  // namespace poolkit
