#include <algorithm>
#include <cmath>
#include <limits>

#include "pool/dilated_window.h"
#include "pool/max_pool2d.h"

namespace poolkit {

void max_pool2d_reference(const float* input, float* output, int32_t* indices,
                          const Pool2dGeometry& g) {
  for (int64_t p = 0; p < g.planes; ++p) {
    const float* in = input + p * g.in_h * g.in_w;
    for (int64_t oh = 0; oh < g.out_h; ++oh) {
      for (int64_t ow = 0; ow < g.out_w; ++ow) {
        int64_t h0 = oh * g.stride_h - g.pad_h;
        int64_t w0 = ow * g.stride_w - g.pad_w;
        const int64_t h1 = std::min(h0 + (g.kernel_h - 1) * g.dilation_h + 1, g.in_h);
        const int64_t w1 = std::min(w0 + (g.kernel_w - 1) * g.dilation_w + 1, g.in_w);
        h0 = first_tap_inside(h0, g.dilation_h);
        w0 = first_tap_inside(w0, g.dilation_w);
        float best = -std::numeric_limits<float>::infinity();
        int64_t best_index = h0 * g.in_w + w0;
        for (int64_t h = h0; h < h1; h += g.dilation_h) {
          for (int64_t w = w0; w < w1; w += g.dilation_w) {
            const float v = in[h * g.in_w + w];
            if (v > best || std::isnan(v)) {
              best = v;
              best_index = h * g.in_w + w;
            }
          }
        }
        const int64_t o = (p * g.out_h + oh) * g.out_w + ow;
        output[o] = best;
        if (indices) indices[o] = static_cast<int32_t>(best_index);
      }
    }
  }
}

}  // namespace poolkit
