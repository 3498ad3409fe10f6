#include "conv/conv_transpose2d.h"

namespace poolkit {

void conv_transpose2d_reference(const float* input, const float* weight, const float* bias,
                                float* output, const Conv2dGeometry& g) {
  const int64_t in_per_group = g.in_channels_per_group();
  const int64_t out_per_group = g.out_channels_per_group();
  const int64_t out_plane = g.out_h * g.out_w;
  for (int64_t n = 0; n < g.batch; ++n) {
    float* out = output + n * g.out_channels * out_plane;
    for (int64_t oc = 0; oc < g.out_channels; ++oc)
      for (int64_t i = 0; i < out_plane; ++i) out[oc * out_plane + i] = 0.f;
    for (int64_t ic = 0; ic < g.in_channels; ++ic) {
      const int64_t group = ic / in_per_group;
      for (int64_t ih = 0; ih < g.in_h; ++ih) {
        for (int64_t iw = 0; iw < g.in_w; ++iw) {
          const float x = input[((n * g.in_channels + ic) * g.in_h + ih) * g.in_w + iw];
          for (int64_t o = 0; o < out_per_group; ++o) {
            const int64_t oc = group * out_per_group + o;
            for (int64_t kh = 0; kh < g.kernel_h; ++kh) {
              const int64_t oh = ih * g.stride_h - g.pad_h + kh * g.dilation_h;
              if (oh < 0 || oh >= g.out_h) continue;
              for (int64_t kw = 0; kw < g.kernel_w; ++kw) {
                const int64_t ow = iw * g.stride_w - g.pad_w + kw * g.dilation_w;
                if (ow < 0 || ow >= g.out_w) continue;
                out[oc * out_plane + oh * g.out_w + ow] +=
                    x * weight[((ic * out_per_group + o) * g.kernel_h + kh) * g.kernel_w + kw];
              }
            }
          }
        }
      }
    }
    if (bias)
      for (int64_t oc = 0; oc < g.out_channels; ++oc)
        for (int64_t i = 0; i < out_plane; ++i) out[oc * out_plane + i] += bias[oc];
  }
}

}  // namespace poolkit
