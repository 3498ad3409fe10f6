#include "pool/lp_pool.h"

#include "core/simd.h"
#include "pool/avg_pool.h"

namespace poolkit {
namespace {

using namespace simd;

// x.pow(e) over n floats: the exponents ATen turns into exact arithmetic run 4 lanes at a time,
// the general case element by element (there is no vector pow that matches ATen's scalar one).
void pow_in_place(const float* in, float* out, int64_t n, double e) {
  int64_t i = 0;
  if (e == 1.0 || e == 0.5 || e == 2.0 || e == 3.0) {
    for (; i + 4 <= n; i += 4) {
      const v128 x = f32x4_load(in + i);
      v128 y = x;
      if (e == 0.5) y = f32x4_sqrt(x);
      if (e == 2.0) y = f32x4_mul(x, x);
      if (e == 3.0) y = f32x4_mul(f32x4_mul(x, x), x);
      f32x4_store(out + i, y);
    }
  }
  for (; i < n; ++i) out[i] = torch_pow(in[i], e);
}

// sign(v) * relu(abs(v)) * area, four at a time, with ATen's vector formula for sign.
void scale_signed(float* v, int64_t n, float area) {
  const v128 zero = f32x4_splat(0.f), one = f32x4_splat(1.f), area_vec = f32x4_splat(area);
  int64_t i = 0;
  for (; i + 4 <= n; i += 4) {
    const v128 x = f32x4_load(v + i);
    const v128 sign = f32x4_sub(v128_select(one, zero, f32x4_gt(x, zero)),
                                v128_select(one, zero, f32x4_lt(x, zero)));
    f32x4_store(v + i, f32x4_mul(f32x4_mul(sign, f32x4_abs(x)), area_vec));
  }
  for (; i < n; ++i) v[i] = signed_relu_abs(v[i]) * area;
}

}  // namespace

void lp_pool(const float* input, float* output, float* scratch, const AvgPoolGeometry& g,
             double norm_type) {
  pow_in_place(input, scratch, g.planes * g.in_d * g.in_h * g.in_w, norm_type);
  avg_pool(scratch, output, g);
  const int64_t out_count = g.planes * g.out_d * g.out_h * g.out_w;
  scale_signed(output, out_count, static_cast<float>(g.kernel_d * g.kernel_h * g.kernel_w));
  pow_in_place(output, output, out_count, 1.0 / norm_type);
}

}  // namespace poolkit
