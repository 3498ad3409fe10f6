// Random tensors and fixture arguments shared by the convolution tests.
#pragma once

#include <limits>
#include <nlohmann/json.hpp>
#include <random>
#include <vector>

#include "fixture.h"
#include "pool_shape.h"

namespace poolkit::testing {

inline std::vector<float> random_values(std::mt19937& rng, int64_t count, double nan_rate = 0) {
  std::uniform_real_distribution<float> uniform(-1.f, 1.f);
  std::uniform_real_distribution<double> chance(0, 1);
  std::vector<float> v(static_cast<size_t>(count));
  for (float& x : v)
    x = chance(rng) < nan_rate ? std::numeric_limits<float>::quiet_NaN() : uniform(rng);
  return v;
}

inline int64_t pick(std::mt19937& rng, int64_t low, int64_t high) {
  return std::uniform_int_distribution<int64_t>(low, high)(rng);
}

// A fixture's optional tensor (bias), or null.
inline const float* optional_data(const nlohmann::json& c, const char* name, FixtureTensor& holder,
                                  const Shape** shape) {
  if (!c.contains(name)) {
    *shape = nullptr;
    return nullptr;
  }
  holder = fixture_tensor(c.at(name));
  *shape = &holder.shape;
  return holder.floats.data();
}

}  // namespace poolkit::testing
