// ReLU as PyTorch 1.13 computes it (clamp_min(x, 0), i.e. x < 0 ? 0 : x): -0 and NaN pass
// through unchanged. Any shape: it works on a flat run of floats.
#pragma once

#include <cstdint>
#include <cstring>

namespace poolkit {

// The SIMD kernel.
void relu(const float* input, float* output, int64_t count);

// The scalar reference twin.
void relu_reference(const float* input, float* output, int64_t count);

// x < 0 ? +0 : x, decided on the bits: clang 14 turns the float spellings of it we tried (even
// one masking the bits after a float compare) into wasm's f32.max, which makes -0 into +0 and
// replaces NaNs.
inline float relu_scalar(float x) {
  uint32_t bits;
  std::memcpy(&bits, &x, sizeof bits);
  // Negative and below zero: sign bit set, magnitude in (0, inf]; -0 and NaNs are kept.
  if (bits > 0x80000000u && bits <= 0xFF800000u) bits = 0;
  std::memcpy(&x, &bits, sizeof bits);
  return x;
}

}  // namespace poolkit
