// Seeded random values and choices shared by the kernel tests.
#pragma once

#include <cstdint>
#include <limits>
#include <random>
#include <vector>

namespace poolkit::testing {

inline std::vector<float> random_values(std::mt19937& rng, int64_t count, double nan_rate = 0) {
  std::uniform_real_distribution<float> uniform(-1.f, 1.f);
  std::uniform_real_distribution<double> chance(0, 1);
  std::vector<float> v(static_cast<size_t>(count));
  for (float& x : v)
    x = chance(rng) < nan_rate ? std::numeric_limits<float>::quiet_NaN() : uniform(rng);
  return v;
}

// An integer in [low, high].
inline int64_t pick(std::mt19937& rng, int64_t low, int64_t high) {
  return std::uniform_int_distribution<int64_t>(low, high)(rng);
}

}  // namespace poolkit::testing
