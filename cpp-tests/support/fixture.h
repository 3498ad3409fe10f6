// Reads the PyTorch reference cases in js-tests/fixtures (written by scripts/fixtures/*.py).
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "pool/pool_shape.h"

namespace poolkit::testing {

struct FixtureTensor {
  Shape shape;
  std::vector<float> floats;  // dtype float32
  std::vector<int32_t> ints;  // dtype int32
};

nlohmann::json load_fixture(const std::string& op);
FixtureTensor fixture_tensor(const nlohmann::json& tensor);

// PyTorch accepts an int or a tuple for each window argument; returns `dims` values.
Shape fixture_tuple(const nlohmann::json& value, size_t dims);

// A max-pool case's args {kernel_size, stride (None = kernel_size), padding, dilation,
// ceil_mode} as WindowArgs with `dims` values each.
WindowArgs fixture_window_args(const nlohmann::json& args, size_t dims);

}  // namespace poolkit::testing
