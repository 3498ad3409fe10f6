#include <cmath>

#include "conv/conv2d.h"

namespace poolkit {

void conv2d_reference(const float* input, const float* weight, const float* bias, float* output,
                      const Conv2dGeometry& g, Activation activation) {
  const int64_t in_per_group = g.in_channels_per_group();
  const int64_t out_per_group = g.out_channels_per_group();
  for (int64_t n = 0; n < g.batch; ++n) {
    for (int64_t oc = 0; oc < g.out_channels; ++oc) {
      const int64_t first_ic = oc / out_per_group * in_per_group;
      for (int64_t oh = 0; oh < g.out_h; ++oh) {
        for (int64_t ow = 0; ow < g.out_w; ++ow) {
          float sum = 0.f;
          for (int64_t i = 0; i < in_per_group; ++i) {
            const float* plane = input + ((n * g.in_channels) + first_ic + i) * g.in_h * g.in_w;
            for (int64_t kh = 0; kh < g.kernel_h; ++kh) {
              const int64_t ih = oh * g.stride_h - g.pad_h + kh * g.dilation_h;
              if (ih < 0 || ih >= g.in_h) continue;
              for (int64_t kw = 0; kw < g.kernel_w; ++kw) {
                const int64_t iw = ow * g.stride_w - g.pad_w + kw * g.dilation_w;
                if (iw < 0 || iw >= g.in_w) continue;
                sum += weight[((oc * in_per_group + i) * g.kernel_h + kh) * g.kernel_w + kw] *
                       plane[ih * g.in_w + iw];
              }
            }
          }
          if (bias) sum += bias[oc];
          if (activation == Activation::kRelu && !(sum > 0.f) && !std::isnan(sum)) sum = 0.f;
          output[((n * g.out_channels + oc) * g.out_h + oh) * g.out_w + ow] = sum;
        }
      }
    }
  }
}

}  // namespace poolkit
