#include <algorithm>
#include <cmath>
#include <limits>

#include "pool/dilated_window.h"
#include "pool/max_pool3d.h"

namespace poolkit {

void max_pool3d_reference(const float* input, float* output, int32_t* indices,
                          const Pool3dGeometry& g) {
  const int64_t in_volume = g.in_d * g.in_h * g.in_w;
  for (int64_t p = 0; p < g.planes; ++p) {
    const float* in = input + p * in_volume;
    for (int64_t od = 0; od < g.out_d; ++od) {
      for (int64_t oh = 0; oh < g.out_h; ++oh) {
        for (int64_t ow = 0; ow < g.out_w; ++ow) {
          int64_t d0 = od * g.stride_d - g.pad_d;
          int64_t h0 = oh * g.stride_h - g.pad_h;
          int64_t w0 = ow * g.stride_w - g.pad_w;
          const int64_t d1 = std::min(d0 + (g.kernel_d - 1) * g.dilation_d + 1, g.in_d);
          const int64_t h1 = std::min(h0 + (g.kernel_h - 1) * g.dilation_h + 1, g.in_h);
          const int64_t w1 = std::min(w0 + (g.kernel_w - 1) * g.dilation_w + 1, g.in_w);
          d0 = first_tap_inside(d0, g.dilation_d);
          h0 = first_tap_inside(h0, g.dilation_h);
          w0 = first_tap_inside(w0, g.dilation_w);
          float best = -std::numeric_limits<float>::infinity();
          int64_t best_index = (d0 * g.in_h + h0) * g.in_w + w0;
          for (int64_t d = d0; d < d1; d += g.dilation_d) {
            for (int64_t h = h0; h < h1; h += g.dilation_h) {
              for (int64_t w = w0; w < w1; w += g.dilation_w) {
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
