#include "pool/adaptive_avg_pool.h"

namespace poolkit {

void adaptive_avg_pool_reference(const float* input, float* output,
                                 const AdaptiveAvgPoolGeometry& g) {
  const int64_t volume = g.in_d * g.in_h * g.in_w;
  float* out = output;
  for (int64_t p = 0; p < g.planes; ++p) {
    const float* in = input + p * volume;
    for (int64_t od = 0; od < g.out_d; ++od) {
      const int64_t d0 = adaptive_start(od, g.out_d, g.in_d);
      const int64_t d1 = adaptive_end(od, g.out_d, g.in_d);
      for (int64_t oh = 0; oh < g.out_h; ++oh) {
        const int64_t h0 = adaptive_start(oh, g.out_h, g.in_h);
        const int64_t h1 = adaptive_end(oh, g.out_h, g.in_h);
        for (int64_t ow = 0; ow < g.out_w; ++ow, ++out) {
          const int64_t w0 = adaptive_start(ow, g.out_w, g.in_w);
          const int64_t w1 = adaptive_end(ow, g.out_w, g.in_w);
          float sum = 0.f;
          for (int64_t d = d0; d < d1; ++d)
            for (int64_t h = h0; h < h1; ++h)
              for (int64_t w = w0; w < w1; ++w) sum += in[(d * g.in_h + h) * g.in_w + w];
          *out = sum / static_cast<float>(d1 - d0) / static_cast<float>(h1 - h0) /
                 static_cast<float>(w1 - w0);
        }
      }
    }
  }
}

}  // namespace poolkit
