#include "pool/plane_mean.h"

#include "core/parallel.h"
#include "core/simd.h"

namespace poolkit {
namespace {

using namespace simd;
using namespace cascade;

// One of ATen's 8-lane AVX2 vectors, as two 4-lane halves.
struct Vec8 {
  v128 lo, hi;
};

inline Vec8 zero8() { return {f32x4_splat(0.f), f32x4_splat(0.f)}; }
inline Vec8 load8(const float* p) { return {f32x4_load(p), f32x4_load(p + 4)}; }
inline void add8(Vec8& acc, Vec8 x) {
  acc.lo = f32x4_add(acc.lo, x.lo);
  acc.hi = f32x4_add(acc.hi, x.hi);
}

// ATen's row_sum over `vectors` 8-float vectors, with its multi_row_sum inlined: four
// interleaved partial sums, folded into coarser levels every 2^power rows of four vectors.
Vec8 vector_row_sum(const float* x, int64_t vectors) {
  const int64_t size = vectors / kRows;
  const int64_t power = level_power(size);
  const int64_t step = int64_t{1} << power;
  const int64_t mask = step - 1;
  Vec8 acc[kLevels][kRows];
  for (auto& level : acc)
    for (Vec8& a : level) a = zero8();
  int64_t i = 0;
  while (i + step <= size) {
    Vec8 a0 = acc[0][0], a1 = acc[0][1], a2 = acc[0][2], a3 = acc[0][3];
    for (const int64_t end = i + step; i < end; ++i) {
      const float* p = x + i * kRows * kLanes;
      add8(a0, load8(p));
      add8(a1, load8(p + 8));
      add8(a2, load8(p + 16));
      add8(a3, load8(p + 24));
    }
    acc[0][0] = a0, acc[0][1] = a1, acc[0][2] = a2, acc[0][3] = a3;
    for (int64_t j = 1; j < kLevels; ++j) {
      for (int64_t k = 0; k < kRows; ++k) {
        add8(acc[j][k], acc[j - 1][k]);
        acc[j - 1][k] = zero8();
      }
      if ((i & (mask << (j * power))) != 0) break;
    }
  }
  for (; i < size; ++i)
    for (int64_t k = 0; k < kRows; ++k) add8(acc[0][k], load8(x + (i * kRows + k) * kLanes));
  for (int64_t j = 1; j < kLevels; ++j)
    for (int64_t k = 0; k < kRows; ++k) add8(acc[0][k], acc[j][k]);
  // row_sum: the vectors left over after the rows of four, then the partial sums.
  for (int64_t v = size * kRows; v < vectors; ++v) add8(acc[0][0], load8(x + v * kLanes));
  for (int64_t k = 1; k < kRows; ++k) add8(acc[0][0], acc[0][k]);
  return acc[0][0];
}

float cascade_sum(const float* x, int64_t n) {
  const int64_t vectors = n / kLanes;
  const Vec8 partials = vector_row_sum(x, vectors);
  float sum = 0.f;
  for (int64_t k = vectors * kLanes; k < n; ++k) sum += x[k];
  float lanes[8];
  f32x4_store(lanes, partials.lo);
  f32x4_store(lanes + 4, partials.hi);
  for (float lane : lanes) sum += lane;
  return sum;
}

}  // namespace

void plane_mean(const float* input, float* output, int64_t planes, int64_t plane_size) {
  // Planes shorter than one vector take ATen's scalar path, which the reference spells out.
  if (plane_size < kLanes) {
    plane_mean_reference(input, output, planes, plane_size);
    return;
  }
  parallel_for(planes, plane_size, [&](int64_t begin, int64_t end) {
    for (int64_t p = begin; p < end; ++p) {
      output[p] =
          (0.f + cascade_sum(input + p * plane_size, plane_size)) / static_cast<float>(plane_size);
    }
  });
}

}  // namespace poolkit
