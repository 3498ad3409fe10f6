#include <cmath>
#include <limits>

#include "pool/adaptive_max_pool.h"

namespace poolkit {

void adaptive_max_pool_reference(const float* input, float* output, int32_t* indices,
                                 const AdaptivePoolGeometry& g) {
  const int64_t in_plane = g.in_d * g.in_h * g.in_w;
  for (int64_t p = 0; p < g.planes; ++p) {
    const float* in = input + p * in_plane;
    for (int64_t od = 0; od < g.out_d; ++od) {
      const int64_t d0 = adaptive_start(od, g.out_d, g.in_d);
      const int64_t d1 = adaptive_end(od, g.out_d, g.in_d);
      for (int64_t oh = 0; oh < g.out_h; ++oh) {
        const int64_t h0 = adaptive_start(oh, g.out_h, g.in_h);
        const int64_t h1 = adaptive_end(oh, g.out_h, g.in_h);
        for (int64_t ow = 0; ow < g.out_w; ++ow) {
          const int64_t w0 = adaptive_start(ow, g.out_w, g.in_w);
          const int64_t w1 = adaptive_end(ow, g.out_w, g.in_w);
          float best = -std::numeric_limits<float>::infinity();
          int64_t best_index = (d0 * g.in_h + h0) * g.in_w + w0;
          for (int64_t d = d0; d < d1; ++d) {
            for (int64_t h = h0; h < h1; ++h) {
              for (int64_t w = w0; w < w1; ++w) {
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
