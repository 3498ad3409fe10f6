#include "pool/max_unpool.h"

namespace poolkit {

int64_t max_unpool_find_invalid_reference(const int32_t* indices, int64_t count,
                                          int64_t out_plane) {
  for (int64_t i = 0; i < count; ++i)
    if (indices[i] < 0 || indices[i] >= out_plane) return i;
  return -1;
}

void max_unpool_reference(const float* input, const int32_t* indices, float* output,
                          const UnpoolGeometry& g) {
  for (int64_t i = 0; i < g.planes * g.out_plane; ++i) output[i] = 0.f;
  for (int64_t p = 0; p < g.planes; ++p) {
    float* out = output + p * g.out_plane;
    for (int64_t i = p * g.in_plane; i < (p + 1) * g.in_plane; ++i) out[indices[i]] = input[i];
  }
}

}  // namespace poolkit
