// AdaptiveAvgPool1d/2d/3d with ATen's CPU semantics. Window o of a dimension covers
// [floor(o * in / out), ceil((o + 1) * in / out)); its values are summed in float in d, h, w scan
// order and the sum is divided by the window's depth, then its height, then its width (three
// roundings, as ATen's kernels do; a 1d or 2d call divides by 1 first, which changes nothing).
//
// ATen routes an all-ones output size elsewhere (input.mean over the spatial dimensions, a
// cascaded sum): see plane_mean.h.
#pragma once

#include <cstdint>

#include "pool/adaptive_pool_geometry.h"
#include "pool/pool_shape.h"

namespace poolkit {

struct AdaptiveAvgPoolGeometry {
  int64_t planes;  // N * C
  int64_t in_d, in_h, in_w;
  int64_t out_d, out_h, out_w;
};

// The geometry of a call whose output shape adaptive_pool_output_shape accepted.
inline AdaptiveAvgPoolGeometry adaptive_avg_pool_geometry(const Shape& in, const Shape& out,
                                                          size_t dims) {
  const size_t first = in.size() - dims;
  auto at = [&](const Shape& s, size_t i) { return i + dims < 3 ? 1 : s[first + i + dims - 3]; };
  int64_t planes = 1;
  for (size_t i = 0; i < first; ++i) planes *= in[i];
  return {planes, at(in, 0), at(in, 1), at(in, 2), at(out, 0), at(out, 1), at(out, 2)};
}

// PyTorch 1.13 takes the mean path when every output size is 1.
inline bool adaptive_avg_pool_is_mean(const AdaptiveAvgPoolGeometry& g) {
  return g.out_d == 1 && g.out_h == 1 && g.out_w == 1;
}

// The SIMD kernel: four planes at a time, one per lane (every plane has the same windows).
void adaptive_avg_pool(const float* input, float* output, const AdaptiveAvgPoolGeometry& g);

// The scalar reference twin.
void adaptive_avg_pool_reference(const float* input, float* output,
                                 const AdaptiveAvgPoolGeometry& g);

}  // namespace poolkit
