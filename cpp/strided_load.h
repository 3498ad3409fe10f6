// Four floats `stride` apart, as the pooling kernels read a row of windows.
#pragma once

#include <cstdint>

#include "simd.h"

namespace poolkit {

// p[0], p[s], p[2s], p[3s]. Stride 2 (the common pooling case) uses two loads and a shuffle,
// reading p[0..7]. kStride, when not 0, is the stride known at compile time.
template <int kStride = 0>
inline simd::v128 load_strided(const float* p, int64_t stride) {
  using namespace simd;
  const int64_t s = kStride ? kStride : stride;
  if (s == 1) return f32x4_load(p);
  if (s == 2) return f32x4_even(f32x4_load(p), f32x4_load(p + 4));
  return f32x4_make(p[0], p[s], p[2 * s], p[3 * s]);
}

// The last float a load_strided touches, relative to its first.
inline int64_t strided_reach(int64_t stride) { return stride == 2 ? 7 : 3 * stride; }

}  // namespace poolkit
