#include "pool/adaptive_max_pool.h"

#include <gtest/gtest.h>

#include <random>

#include "pool/pool_shape.h"
#include "support/bits.h"
#include "support/fixture.h"
#include "support/max_pool_support.h"
#include "support/random_data.h"
#include "support/special_floats.h"

namespace poolkit {
namespace {

using testing::pick;

using testing::expect_pytorch_max;
using testing::Pooled;
using testing::run;

using testing::fixture_tensor;
using testing::float_bits;

TEST(AdaptivePoolShape, RejectsWhatPyTorchRejectsAndOutputSizeZero) {
  EXPECT_EQ(adaptive_pool_output_shape("adaptiveMaxPool2d", {1, 1, 4, 4}, {2, 0}).error,
            "adaptiveMaxPool2d: outputSize must be at least 1 in every dimension, got "
            "outputSize=[2, 0]");
  EXPECT_EQ(adaptive_pool_output_shape("adaptiveMaxPool1d", {4}, {2}).error,
            "adaptiveMaxPool1d: input must be 2D or 3D (C, L) or (N, C, L), got a 1D tensor of "
            "shape [4]");
  EXPECT_EQ(adaptive_pool_output_shape("adaptiveMaxPool2d", {1, 1, 4, 4}, {65536, 65536}).error,
            "adaptiveMaxPool2d: outputSize=[65536, 65536] asks for an output of shape [1, 1, "
            "65536, 65536], more than 2^31 - 1 elements");
  EXPECT_EQ(adaptive_pool_output_shape("adaptiveMaxPool3d", {0, 2, 3, 4, 5}, {1, 2, 3}).shape,
            (Shape{0, 2, 1, 2, 3}));
}

// Input widths 1..40 against output widths up to two past them: windows from 1 to 40 columns
// wide (every tail of the 4-wide vectors, one or both lane sets), overlapping windows when the
// output is the larger, and 1d, 2d and 3d planes.
TEST(AdaptiveMaxPoolKernel, MatchesReferenceBitForBit) {
  std::mt19937 rng(17);
  int compared = 0;
  for (int64_t in_w = 1; in_w <= 40; ++in_w) {
    for (int trial = 0; trial < 12; ++trial) {
      const size_t dims = static_cast<size_t>(pick(rng, 1, 3));
      Shape in_shape{2}, out_size;
      if (dims == 3) in_shape.push_back(pick(rng, 1, 4)), out_size.push_back(pick(rng, 1, 5));
      if (dims >= 2) in_shape.push_back(pick(rng, 1, 5)), out_size.push_back(pick(rng, 1, 6));
      in_shape.push_back(in_w);
      out_size.push_back(pick(rng, 1, in_w + 2));
      const ShapeResult out = adaptive_pool_output_shape(
          "adaptiveMaxPool", in_shape, OutputSize(out_size.begin(), out_size.end()));
      ASSERT_TRUE(out.ok()) << out.error;
      const std::vector<float> input =
          testing::special_floats(rng, static_cast<size_t>(element_count(in_shape)));
      const AdaptivePoolGeometry g = adaptive_pool_geometry(in_shape, out.shape, dims);
      for (bool with_indices : {false, true}) {
        const Pooled fast = run(adaptive_max_pool, input, g, with_indices);
        const Pooled ref = run(adaptive_max_pool_reference, input, g, with_indices);
        ASSERT_EQ(float_bits(fast.values), float_bits(ref.values)) << "width " << in_w;
        ASSERT_EQ(fast.indices, ref.indices) << "width " << in_w;
        ++compared;
      }
    }
  }
  EXPECT_EQ(compared, 40 * 12 * 2);
}

void expect_fixtures_match(size_t dims) {
  const std::string op = "adaptive_max_pool" + std::to_string(dims) + "d";
  const std::string js_op = "adaptiveMaxPool" + std::to_string(dims) + "d";
  const nlohmann::json fixture = testing::load_fixture(op);
  int matched = 0, rejected = 0;
  for (const auto& c : fixture.at("cases")) {
    SCOPED_TRACE(c.at("name").get<std::string>());
    const testing::FixtureTensor input = fixture_tensor(c.at("input"));
    const auto& size = c.at("args").at("output_size");
    // Rejected before C++ by the JavaScript layer: a missing size, or the wrong number of sizes.
    if (size.is_null() || (size.is_array() && size.size() != dims)) continue;
    Shape output_size;
    for (size_t i = 0; i < dims; ++i) {
      const auto& v = size.is_array() ? size[i] : size;
      // None keeps the input's size (the JavaScript layer resolves null the same way).
      output_size.push_back(v.is_null() ? input.shape[input.shape.size() - dims + i]
                                        : v.get<int64_t>());
    }
    const ShapeResult out = adaptive_pool_output_shape(
        js_op.c_str(), input.shape, OutputSize(output_size.begin(), output_size.end()));
    if (!c.contains("output")) {
      EXPECT_FALSE(out.ok()) << "should be rejected: " << c.dump().substr(0, 200);
      EXPECT_EQ(out.error.rfind(js_op + ": ", 0), 0u) << out.error;
      ++rejected;
      continue;
    }
    ASSERT_TRUE(out.ok()) << out.error;
    const testing::FixtureTensor expected = fixture_tensor(c.at("output"));
    const testing::FixtureTensor expected_indices = fixture_tensor(c.at("indices"));
    ASSERT_EQ(out.shape, expected.shape);
    const AdaptivePoolGeometry g = adaptive_pool_geometry(input.shape, out.shape, dims);
    expect_pytorch_max({adaptive_max_pool, adaptive_max_pool_reference}, input.floats, g, expected,
                       expected_indices);
    ++matched;
  }
  EXPECT_GE(matched, 60);
  EXPECT_GE(rejected, 7);
}

TEST(AdaptiveMaxPoolFixtures, MatchPyTorchBitForBit1d) { expect_fixtures_match(1); }
TEST(AdaptiveMaxPoolFixtures, MatchPyTorchBitForBit2d) { expect_fixtures_match(2); }
TEST(AdaptiveMaxPoolFixtures, MatchPyTorchBitForBit3d) { expect_fixtures_match(3); }

}  // namespace
}  // namespace poolkit
