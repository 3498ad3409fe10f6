#include "conv/gemm_microkernel.h"

#include "core/simd.h"

namespace poolkit {

using namespace simd;

void gemm_microkernel(size_t depth, const float* a, const float* b, float* c) {
  constexpr int kVectors = kGemmCols / 4;
  static_assert(kGemmCols % 4 == 0, "the tile is a whole number of vectors wide");
  v128 acc[kGemmRows][kVectors];
  for (int r = 0; r < kGemmRows; ++r)
    for (int v = 0; v < kVectors; ++v) acc[r][v] = f32x4_splat(0.f);
  for (size_t k = 0; k < depth; ++k, a += kGemmRows, b += kGemmCols) {
    v128 bv[kVectors];
    for (int v = 0; v < kVectors; ++v) bv[v] = f32x4_load(b + 4 * v);
    for (int r = 0; r < kGemmRows; ++r) {
      const v128 w = f32x4_load_splat(a + r);
      for (int v = 0; v < kVectors; ++v) acc[r][v] = f32x4_add(acc[r][v], f32x4_mul(w, bv[v]));
    }
  }
  for (int r = 0; r < kGemmRows; ++r)
    for (int v = 0; v < kVectors; ++v) f32x4_store(c + r * kGemmCols + 4 * v, acc[r][v]);
}

}  // namespace poolkit
