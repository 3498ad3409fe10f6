// Random tensors and fixture arguments shared by the convolution tests.
#pragma once

#include <gtest/gtest.h>

#include <limits>
#include <nlohmann/json.hpp>
#include <random>
#include <vector>

#include "conv/conv2d.h"
#include "conv/conv_shape.h"
#include "pool/pool_shape.h"
#include "support/fixture.h"
#include "support/random_data.h"

namespace poolkit::testing {

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

// conv2d with ReLU, stride 1 and no padding over `input`'s views (channels x h x w), with
// random k x k weights and bias for `out_channels`, as a UNet decoder runs it. Each test
// convolves input.concatenated with the same weights by its own reference.
struct ViewsConv {
  Conv2dGeometry geometry{};
  std::vector<float> weight, bias, got;
};

inline ViewsConv conv2d_through_views(std::mt19937& rng, const CroppedConcat& input,
                                      int64_t channels, int64_t h, int64_t w, int64_t out_channels,
                                      int64_t k) {
  const Shape weight_shape{out_channels, channels, k, k};
  const ConvShapeResult shape = conv2d_output_shape("conv2d", {1, channels, h, w}, weight_shape,
                                                    nullptr, {{1, 1}, {0, 0}, {1, 1}, 1});
  ViewsConv c;
  if (!shape.ok()) {
    ADD_FAILURE() << shape.error;
    return c;
  }
  c.geometry = shape.geometry;
  c.weight = random_values(rng, element_count(weight_shape));
  c.bias = random_values(rng, out_channels);
  c.got.resize(static_cast<size_t>(element_count(shape.shape)));
  const PackedWeights packed = PackedWeights::for_conv2d(c.weight.data(), c.geometry);
  EXPECT_TRUE(conv2d(input.views.data(), packed, c.bias.data(), c.got.data(), c.geometry,
                     Activation::kRelu));
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
