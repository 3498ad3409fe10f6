// Random kernel inputs that exercise PyTorch's max rules: NaNs with random payloads and signs
// (which NaN wins), infinities, signed zeros and small integers (ties).
#pragma once

#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <random>
#include <vector>

namespace poolkit::testing {

inline float payload_nan(std::mt19937& rng) {
  uint32_t bits = 0x7FC00000u | (rng() & 0x3FFFFFu) | (rng() & 1u) << 31;
  float x;
  std::memcpy(&x, &bits, sizeof x);
  return x;
}

inline std::vector<float> special_floats(std::mt19937& rng, size_t count) {
  std::uniform_real_distribution<float> uniform(-2.f, 2.f);
  std::uniform_int_distribution<int> pick(0, 19);
  std::vector<float> v(count);
  for (float& x : v) {
    const int r = pick(rng);
    x = r == 0   ? payload_nan(rng)
        : r == 1 ? -std::numeric_limits<float>::infinity()
        : r == 2 ? std::numeric_limits<float>::infinity()
        : r == 3 ? (rng() & 1 ? -0.f : 0.f)
        : r < 9  ? std::round(uniform(rng))
                 : uniform(rng);
  }
  return v;
}

}  // namespace poolkit::testing
