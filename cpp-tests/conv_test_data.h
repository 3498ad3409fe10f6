// Random tensors and fixture arguments shared by the convolution tests.
#pragma once

#include <limits>
#include <nlohmann/json.hpp>
#include <random>
#include <vector>

#include "conv2d.h"
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

// cat([up, centre crop of skip]) two ways: as the plane views a UNet decoder convolves, and as
// the contiguous tensor the references take. The views point into `up` and `skip`, so the
// struct moves but does not copy.
struct CroppedConcat {
  std::vector<float> up, skip, concatenated;
  std::vector<PlaneView> views;

  CroppedConcat() = default;
  CroppedConcat(CroppedConcat&&) = default;
  CroppedConcat(const CroppedConcat&) = delete;
};

inline CroppedConcat cropped_concat(std::mt19937& rng, int64_t up_c, int64_t skip_c, int64_t h,
                                    int64_t w, int64_t skip_h, int64_t skip_w) {
  CroppedConcat c;
  c.up = random_values(rng, up_c * h * w);
  c.skip = random_values(rng, skip_c * skip_h * skip_w);
  const int64_t dh = (skip_h - h) / 2, dw = (skip_w - w) / 2;
  c.concatenated = c.up;
  for (int64_t ch = 0; ch < up_c; ++ch) c.views.push_back({c.up.data() + ch * h * w, w});
  for (int64_t ch = 0; ch < skip_c; ++ch) {
    const float* plane = c.skip.data() + ch * skip_h * skip_w;
    c.views.push_back({plane + dh * skip_w + dw, skip_w});
    for (int64_t y = 0; y < h; ++y)
      for (int64_t x = 0; x < w; ++x) c.concatenated.push_back(plane[(y + dh) * skip_w + x + dw]);
  }
  return c;
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
