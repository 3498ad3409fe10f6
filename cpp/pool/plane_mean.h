// The mean of each N*C plane, as PyTorch 1.13 computes adaptive_avg_pool{1,2,3}d with an output
// size of all ones: input.mean(spatial dims), i.e. ATen's cascade_sum then one division by the
// plane's size. The cascade sums in the order ATen's AVX2 build does (8-lane vectors, 4
// interleaved partial sums, levels of 16 chunks), so the means are PyTorch's bit for bit when it
// reduces each plane in one piece (always, except a single plane of 32768 or more values with
// several threads, which ATen splits across them).
#pragma once

#include <cstdint>

namespace poolkit {

// The SIMD kernel: ATen's 8-lane vectors as pairs of 4-lane ones.
void plane_mean(const float* input, float* output, int64_t planes, int64_t plane_size);

// The scalar reference twin, lane by lane.
void plane_mean_reference(const float* input, float* output, int64_t planes, int64_t plane_size);

namespace cascade {
// ATen's Vectorized<float>::size() on AVX2, and the constants of its multi_row_sum.
constexpr int64_t kLanes = 8;
constexpr int64_t kRows = 4;
constexpr int64_t kLevels = 4;

// multi_row_sum's chunk size: 16, or more for very long rows.
inline int64_t level_power(int64_t size) {
  int64_t ceil_log2 = 1;
  if (size > 2) ceil_log2 = 64 - __builtin_clzll(static_cast<unsigned long long>(size - 1));
  return ceil_log2 / kLevels > 4 ? ceil_log2 / kLevels : 4;
}
}  // namespace cascade

}  // namespace poolkit
