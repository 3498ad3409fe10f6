// LPPool1d/2d exactly as torch.nn.functional.lp_pool{1,2}d composes it in PyTorch 1.13:
//   out = avg_pool(x.pow(p), kernel, stride, padding=0, ceil_mode)   (countIncludePad)
//   (sign(out) * relu(abs(out))).mul(kernel area).pow(1 / p)
// so p = 1 gives a signed sum, a ceil-mode window hanging past the input is averaged over its
// clipped size and then scaled by the full kernel area, and a negative input with a fractional p
// gives NaN.
#pragma once

#include <cmath>
#include <cstdint>

#include "pool/avg_pool_geometry.h"

namespace poolkit {

// `scratch` holds x.pow(p): as many floats as the input. `g` is the avg_pool geometry (padding
// 0, countIncludePad, no divisorOverride).
void lp_pool(const float* input, float* output, float* scratch, const AvgPoolGeometry& g,
             double norm_type);

// The scalar reference twin.
void lp_pool_reference(const float* input, float* output, float* scratch, const AvgPoolGeometry& g,
                       double norm_type);

// torch.pow(float tensor, exponent) element by element, with ATen's special cases: its general
// case computes in double (its vectorized path uses Sleef's powf and can differ by an ulp; we
// take the scalar path's answer everywhere).
inline float torch_pow(float x, double exponent) {
  if (exponent == 1.0) return x;
  if (exponent == 0.5) return std::sqrt(x);
  if (exponent == 2.0) return x * x;
  if (exponent == 3.0) return x * x * x;
  return static_cast<float>(std::pow(static_cast<double>(x), exponent));
}

// sign(v) * relu(abs(v)): v itself, except that -0 becomes +0 and NaN loses its sign.
inline float signed_relu_abs(float v) {
  const float sign = static_cast<float>((0.f < v) - (v < 0.f));
  return sign * std::fabs(v);
}

}  // namespace poolkit
