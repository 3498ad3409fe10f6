#include <array>

#include "pool/plane_mean.h"

namespace poolkit {
namespace {

using namespace cascade;

// A row of `size` elements, each `width` consecutive floats (width 8: an AVX2 vector, width 1: a
// float), summed lane by lane the way ATen's row_sum and multi_row_sum do.
template <int64_t kWidth>
using Lanes = std::array<float, kWidth>;

template <int64_t kWidth>
void add(Lanes<kWidth>& acc, const float* x) {
  for (int64_t l = 0; l < kWidth; ++l) acc[l] += x[l];
}

template <int64_t kWidth>
void add(Lanes<kWidth>& acc, const Lanes<kWidth>& x) {
  for (int64_t l = 0; l < kWidth; ++l) acc[l] += x[l];
}

// multi_row_sum: element (i, k) is at x + (i * kRows + k) * kWidth.
template <int64_t kWidth>
std::array<Lanes<kWidth>, kRows> multi_row_sum(const float* x, int64_t size) {
  const int64_t power = level_power(size);
  const int64_t step = int64_t{1} << power;
  const int64_t mask = step - 1;
  Lanes<kWidth> acc[kLevels][kRows] = {};
  int64_t i = 0;
  while (i + step <= size) {
    for (int64_t j = 0; j < step; ++j, ++i)
      for (int64_t k = 0; k < kRows; ++k) add<kWidth>(acc[0][k], x + (i * kRows + k) * kWidth);
    for (int64_t j = 1; j < kLevels; ++j) {
      for (int64_t k = 0; k < kRows; ++k) {
        add<kWidth>(acc[j][k], acc[j - 1][k]);
        acc[j - 1][k] = {};
      }
      if ((i & (mask << (j * power))) != 0) break;
    }
  }
  for (; i < size; ++i)
    for (int64_t k = 0; k < kRows; ++k) add<kWidth>(acc[0][k], x + (i * kRows + k) * kWidth);
  for (int64_t j = 1; j < kLevels; ++j)
    for (int64_t k = 0; k < kRows; ++k) add<kWidth>(acc[0][k], acc[j][k]);
  return {acc[0][0], acc[0][1], acc[0][2], acc[0][3]};
}

template <int64_t kWidth>
Lanes<kWidth> row_sum(const float* x, int64_t size) {
  const int64_t size_ilp = size / kRows;
  auto partial = multi_row_sum<kWidth>(x, size_ilp);
  for (int64_t i = size_ilp * kRows; i < size; ++i) add<kWidth>(partial[0], x + i * kWidth);
  for (int64_t k = 1; k < kRows; ++k) add<kWidth>(partial[0], partial[k]);
  return partial[0];
}

// cascade_sum over one contiguous plane: vectorized_inner_sum when the plane fills a vector,
// scalar_inner_sum otherwise.
float cascade_sum(const float* x, int64_t n) {
  if (n < kLanes) return row_sum<1>(x, n)[0];
  const int64_t vectors = n / kLanes;
  const Lanes<kLanes> partials = row_sum<kLanes>(x, vectors);
  float sum = 0.f;
  for (int64_t k = vectors * kLanes; k < n; ++k) sum += x[k];
  for (int64_t l = 0; l < kLanes; ++l) sum += partials[l];
  return sum;
}

}  // namespace

void plane_mean_reference(const float* input, float* output, int64_t planes, int64_t plane_size) {
  for (int64_t p = 0; p < planes; ++p) {
    // sum_out accumulates into a zeroed output; mean_out then divides by the element count.
    output[p] =
        (0.f + cascade_sum(input + p * plane_size, plane_size)) / static_cast<float>(plane_size);
  }
}

}  // namespace poolkit
