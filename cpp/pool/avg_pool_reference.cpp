#include <algorithm>

#include "pool/avg_pool.h"

namespace poolkit {

void avg_pool_reference(const float* input, float* output, const AvgPoolGeometry& g) {
  const int64_t volume = g.in_d * g.in_h * g.in_w;
  float* out = output;
  for (int64_t p = 0; p < g.planes; ++p) {
    const float* in = input + p * volume;
    for (int64_t od = 0; od < g.out_d; ++od) {
      for (int64_t oh = 0; oh < g.out_h; ++oh) {
        for (int64_t ow = 0; ow < g.out_w; ++ow, ++out) {
          int64_t d0 = od * g.stride_d - g.pad_d;
          int64_t h0 = oh * g.stride_h - g.pad_h;
          int64_t w0 = ow * g.stride_w - g.pad_w;
          int64_t d1 = std::min(d0 + g.kernel_d, g.in_d + g.pad_d);
          int64_t h1 = std::min(h0 + g.kernel_h, g.in_h + g.pad_h);
          int64_t w1 = std::min(w0 + g.kernel_w, g.in_w + g.pad_w);
          const int64_t pool_size = (d1 - d0) * (h1 - h0) * (w1 - w0);
          d0 = std::max<int64_t>(d0, 0);
          h0 = std::max<int64_t>(h0, 0);
          w0 = std::max<int64_t>(w0, 0);
          d1 = std::min(d1, g.in_d);
          h1 = std::min(h1, g.in_h);
          w1 = std::min(w1, g.in_w);
          *out = 0.f;
          if (d0 >= d1 || h0 >= h1 || w0 >= w1) continue;
          const int64_t divisor = g.divisor_override    ? g.divisor_override
                                  : g.count_include_pad ? pool_size
                                                        : (d1 - d0) * (h1 - h0) * (w1 - w0);
          float sum = 0.f;
          for (int64_t d = d0; d < d1; ++d)
            for (int64_t h = h0; h < h1; ++h)
              for (int64_t w = w0; w < w1; ++w) sum += in[(d * g.in_h + h) * g.in_w + w];
          // ATen zeroes the output and adds the quotient: 0 + x turns a -0 quotient into +0.
          *out += sum / static_cast<float>(divisor);
        }
      }
    }
  }
}

}  // namespace poolkit
