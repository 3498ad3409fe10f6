#include <cmath>
#include <limits>
#include <vector>

#include "pool/fractional_max_pool.h"

namespace poolkit {

void fractional_max_pool_reference(const float* input, const float* samples, float* output,
                                   int32_t* indices, const FractionalPoolGeometry& g) {
  if (g.planes == 0) return;  // as in fractional_max_pool.cpp
  std::vector<int64_t> start_d(g.out_d), start_h(g.out_h), start_w(g.out_w);
  const int64_t in_plane = g.in_d * g.in_h * g.in_w;
  for (int64_t p = 0; p < g.planes; ++p) {
    const float* s = samples + p * g.samples_per_plane;
    fractional_intervals(s[g.sample_d], g.in_d, g.out_d, g.kernel_d, start_d.data());
    fractional_intervals(s[g.sample_h], g.in_h, g.out_h, g.kernel_h, start_h.data());
    fractional_intervals(s[g.sample_w], g.in_w, g.out_w, g.kernel_w, start_w.data());
    const float* in = input + p * in_plane;
    for (int64_t od = 0; od < g.out_d; ++od) {
      for (int64_t oh = 0; oh < g.out_h; ++oh) {
        for (int64_t ow = 0; ow < g.out_w; ++ow) {
          const int64_t d0 = start_d[od], h0 = start_h[oh], w0 = start_w[ow];
          float best = -std::numeric_limits<float>::infinity();
          int64_t best_index = (d0 * g.in_h + h0) * g.in_w + w0;
          for (int64_t d = d0; d < d0 + g.kernel_d; ++d) {
            for (int64_t h = h0; h < h0 + g.kernel_h; ++h) {
              for (int64_t w = w0; w < w0 + g.kernel_w; ++w) {
                const int64_t i = (d * g.in_h + h) * g.in_w + w;
                if (in[i] > best || std::isnan(in[i])) {
                  best = in[i];
                  best_index = i;
                }
              }
            }
          }
          const int64_t o = ((p * g.out_d + od) * g.out_h + oh) * g.out_w + ow;
          output[o] = best;
          if (indices) indices[o] = static_cast<int32_t>(best_index);
        }
      }
    }
  }
}

}  // namespace poolkit
