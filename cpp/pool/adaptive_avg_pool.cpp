#include "pool/adaptive_avg_pool.h"

#include "core/simd.h"

namespace poolkit {
namespace {

using namespace simd;

// Output cells of planes [p, p + lanes) for one window, lanes <= 4. Each lane is one plane and
// adds the same offsets in the same order as the reference does, so the results are its own.
template <int kLanes>
inline void pool_window(const float* in, int64_t volume, const AdaptiveAvgPoolGeometry& g,
                        int64_t d0, int64_t d1, int64_t h0, int64_t h1, int64_t w0, int64_t w1,
                        float* out, int64_t out_volume) {
  v128 sum = f32x4_splat(0.f);
  for (int64_t d = d0; d < d1; ++d) {
    for (int64_t h = h0; h < h1; ++h) {
      const float* row = in + (d * g.in_h + h) * g.in_w;
      for (int64_t w = w0; w < w1; ++w) {
        const float* x = row + w;
        sum = f32x4_add(
            sum, f32x4_make(x[0], kLanes > 1 ? x[volume] : 0.f, kLanes > 2 ? x[2 * volume] : 0.f,
                            kLanes > 3 ? x[3 * volume] : 0.f));
      }
    }
  }
  sum = f32x4_div(sum, f32x4_splat(static_cast<float>(d1 - d0)));
  sum = f32x4_div(sum, f32x4_splat(static_cast<float>(h1 - h0)));
  sum = f32x4_div(sum, f32x4_splat(static_cast<float>(w1 - w0)));
  float lanes[4];
  f32x4_store(lanes, sum);
  for (int l = 0; l < kLanes; ++l) out[l * out_volume] = lanes[l];
}

template <int kLanes>
void pool_planes(const float* in, float* out, const AdaptiveAvgPoolGeometry& g) {
  const int64_t volume = g.in_d * g.in_h * g.in_w;
  const int64_t out_volume = g.out_d * g.out_h * g.out_w;
  for (int64_t od = 0; od < g.out_d; ++od) {
    const int64_t d0 = adaptive_start(od, g.out_d, g.in_d);
    const int64_t d1 = adaptive_end(od, g.out_d, g.in_d);
    for (int64_t oh = 0; oh < g.out_h; ++oh) {
      const int64_t h0 = adaptive_start(oh, g.out_h, g.in_h);
      const int64_t h1 = adaptive_end(oh, g.out_h, g.in_h);
      for (int64_t ow = 0; ow < g.out_w; ++ow) {
        const int64_t w0 = adaptive_start(ow, g.out_w, g.in_w);
        const int64_t w1 = adaptive_end(ow, g.out_w, g.in_w);
        pool_window<kLanes>(in, volume, g, d0, d1, h0, h1, w0, w1,
                            out + (od * g.out_h + oh) * g.out_w + ow, out_volume);
      }
    }
  }
}

}  // namespace

void adaptive_avg_pool(const float* input, float* output, const AdaptiveAvgPoolGeometry& g) {
  const int64_t volume = g.in_d * g.in_h * g.in_w;
  const int64_t out_volume = g.out_d * g.out_h * g.out_w;
  int64_t p = 0;
  for (; p + 4 <= g.planes; p += 4) pool_planes<4>(input + p * volume, output + p * out_volume, g);
  const float* in = input + p * volume;
  float* out = output + p * out_volume;
  switch (g.planes - p) {
    case 3:
      pool_planes<3>(in, out, g);
      break;
    case 2:
      pool_planes<2>(in, out, g);
      break;
    case 1:
      pool_planes<1>(in, out, g);
      break;
    default:
      break;
  }
}

}  // namespace poolkit
