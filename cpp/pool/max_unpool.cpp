#include "pool/max_unpool.h"

#include "core/simd.h"

namespace poolkit {

using namespace simd;

int64_t max_unpool_find_invalid(const int32_t* indices, int64_t count, int64_t out_plane) {
  // As unsigned numbers, negative indices are huge, so one comparison checks both ends.
  const v128 limit = i32x4_splat(static_cast<int32_t>(out_plane));
  int64_t i = 0;
  for (; i + 16 <= count; i += 16) {
    const v128 bad = v128_or(v128_or(u32x4_ge(i32x4_load(indices + i), limit),
                                     u32x4_ge(i32x4_load(indices + i + 4), limit)),
                             v128_or(u32x4_ge(i32x4_load(indices + i + 8), limit),
                                     u32x4_ge(i32x4_load(indices + i + 12), limit)));
    if (v128_any_true(bad)) break;  // the scalar loop below finds which one
  }
  for (; i < count; ++i)
    if (indices[i] < 0 || indices[i] >= out_plane) return i;
  return -1;
}

void max_unpool(const float* input, const int32_t* indices, float* output,
                const UnpoolGeometry& g) {
  const int64_t count = g.planes * g.out_plane;
  const v128 zero = f32x4_splat(0.f);
  int64_t i = 0;
  for (; i + 4 <= count; i += 4) f32x4_store(output + i, zero);
  for (; i < count; ++i) output[i] = 0.f;
  for (int64_t p = 0; p < g.planes; ++p) {
    float* out = output + p * g.out_plane;
    const float* in = input + p * g.in_plane;
    const int32_t* idx = indices + p * g.in_plane;
    for (int64_t j = 0; j < g.in_plane; ++j) out[idx[j]] = in[j];
  }
}

}  // namespace poolkit
