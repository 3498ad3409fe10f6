// The shape of one average-pooling call after its arguments have been checked (pool_shape.h).
// One struct serves 1d, 2d and 3d: ATen runs avg_pool1d as avg_pool2d on an (N, C, 1, L) view,
// and its 2d and 3d kernels sum in the same d, h, w scan order, so a 1d or 2d call is a 3d call
// whose outer extents are 1.
#pragma once

#include <cstdint>

#include "pool/pool_shape.h"

namespace poolkit {

struct AvgPoolGeometry {
  int64_t planes;  // N * C: each (n, c) volume is pooled on its own
  int64_t in_d, in_h, in_w;
  int64_t out_d, out_h, out_w;
  int64_t kernel_d, kernel_h, kernel_w;
  int64_t stride_d, stride_h, stride_w;
  int64_t pad_d, pad_h, pad_w;
  bool count_include_pad;
  int64_t divisor_override;  // 0: none (0 itself is rejected by the shape check)
};

// The geometry of a call whose output shape avg_pool_output_shape accepted; 1 to 3 spatial
// dimensions, given by the length of args.kernel_size.
inline AvgPoolGeometry avg_pool_geometry(const Shape& in, const Shape& out, const WindowArgs& args,
                                         bool count_include_pad, int64_t divisor_override) {
  const size_t dims = args.kernel_size.size();
  const size_t first = in.size() - dims;
  // Spatial values padded on the outside to three dimensions with `fill`.
  auto at = [dims](const Shape& s, size_t offset, size_t i, int64_t fill) {
    return i + dims < 3 ? fill : s[offset + i + dims - 3];
  };
  int64_t planes = 1;
  for (size_t i = 0; i < first; ++i) planes *= in[i];
  return {planes,
          at(in, first, 0, 1),
          at(in, first, 1, 1),
          at(in, first, 2, 1),
          at(out, first, 0, 1),
          at(out, first, 1, 1),
          at(out, first, 2, 1),
          at(args.kernel_size, 0, 0, 1),
          at(args.kernel_size, 0, 1, 1),
          at(args.kernel_size, 0, 2, 1),
          at(args.stride, 0, 0, 1),
          at(args.stride, 0, 1, 1),
          at(args.stride, 0, 2, 1),
          at(args.padding, 0, 0, 0),
          at(args.padding, 0, 1, 0),
          at(args.padding, 0, 2, 0),
          count_include_pad,
          divisor_override};
}

}  // namespace poolkit
