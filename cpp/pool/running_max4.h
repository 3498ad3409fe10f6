// The running maximum of four output cells, shared by the max-pooling kernels.
//
// The exact rule is the scalar one, applied in scan order: a candidate replaces the maximum
// when it is greater or NaN, which gives the reference's bits (sign of zero, NaN payload) and
// indices. Without indices there is a cheaper rule: wasm's pseudo-maximum
// pmax(best, v) = best < v ? v : best is exactly "replace when greater" while no NaN is
// involved, and a running sum (NaN once an input is NaN, or harmlessly when +inf meets -inf)
// tells which blocks must be redone with the exact rule.
#pragma once

#include <cstdint>
#include <limits>

#include "core/simd.h"

namespace poolkit {

template <bool kIndices, bool kFast>
struct RunningMax4 {
  static_assert(!(kIndices && kFast), "the fast rule keeps no indices");
  simd::v128 best = simd::f32x4_splat(-std::numeric_limits<float>::infinity());
  simd::v128 index;
  simd::v128 sum = simd::f32x4_splat(0.f);

  explicit RunningMax4(simd::v128 first_index) : index(first_index) {}

  void update(simd::v128 v, simd::v128 candidate_index) {
    using namespace simd;
    if (kFast) {
      best = f32x4_pmax(best, v);
      sum = f32x4_add(sum, v);
      return;
    }
    const v128 take = v128_or(f32x4_gt(v, best), f32x4_is_nan(v));
    best = v128_select(v, best, take);
    if (kIndices) index = v128_select(candidate_index, index, take);
  }

  // False when a fast block saw a NaN: nothing is stored, and the caller redoes it exactly.
  bool store(float* out, int32_t* idx) const {
    using namespace simd;
    if (kFast && v128_any_true(f32x4_is_nan(sum))) return false;
    f32x4_store(out, best);
    if (kIndices) i32x4_store(idx, index);
    return true;
  }
};

}  // namespace poolkit
