// MaxPool1d runs on the MaxPool2d kernels over planes of height 1, as PyTorch's own
// max_pool1d_with_indices does (it unsqueezes to 2d): same scan order, same NaN and tie rules,
// and indices within a plane of height 1 are the positions along the length.
#pragma once

#include "pool/pool2d_geometry.h"
#include "pool/pool_shape.h"

namespace poolkit {

// The 2d geometry of a checked 1d call: input and output shapes (2D or 3D), 1d window arguments.
inline Pool2dGeometry max_pool1d_geometry(const Shape& in, const Shape& out, const WindowArgs& a) {
  const size_t r = in.size();
  return {r == 3 ? in[0] * in[1] : in[0],
          1,
          in[r - 1],
          1,
          out[r - 1],
          1,
          a.kernel_size[0],
          1,
          a.stride[0],
          0,
          a.padding[0],
          1,
          a.dilation[0]};
}

}  // namespace poolkit
