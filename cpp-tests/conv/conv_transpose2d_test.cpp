#include "conv/conv_transpose2d.h"

#include <gtest/gtest.h>

#include <random>

#include "conv/conv_shape.h"
#include "support/close.h"
#include "support/conv_test_data.h"
#include "support/fixture.h"

namespace poolkit {
namespace {

using testing::all_close;
using testing::pick;
using testing::random_values;

std::vector<float> run_simd(const std::vector<float>& input, const std::vector<float>& weight,
                            const float* bias, const ConvShapeResult& shape) {
  std::vector<float> out(static_cast<size_t>(element_count(shape.shape)));
  const PackedWeights packed = PackedWeights::for_conv_transpose2d(weight.data(), shape.geometry);
  EXPECT_TRUE(packed.ok());
  EXPECT_TRUE(conv_transpose2d(input.data(), packed, bias, out.data(), shape.geometry));
  return out;
}

std::vector<float> run_reference(const std::vector<float>& input, const std::vector<float>& weight,
                                 const float* bias, const ConvShapeResult& shape) {
  std::vector<float> out(static_cast<size_t>(element_count(shape.shape)));
  conv_transpose2d_reference(input.data(), weight.data(), bias, out.data(), shape.geometry);
  return out;
}

// Input widths 1..20 (every tail of the 8-wide tiles), output channels per group 1..7 (with
// kernels of 1 to 12 taps, every tail of the 6-row blocks), the exact-tiling path (kernel ==
// stride) half the time, output padding, dilation, groups and NaN.
TEST(ConvTranspose2dKernel, MatchesReference) {
  std::mt19937 rng(9);
  int compared = 0, exact = 0;
  for (int64_t trial = 0; trial < 300; ++trial) {
    const int64_t groups = pick(rng, 0, 3) == 0 ? pick(rng, 2, 3) : 1;
    const int64_t kh = pick(rng, 1, 3), kw = pick(rng, 1, 4);
    ConvTranspose2dArgs args{{pick(rng, 1, 3), pick(rng, 1, 3)},
                             {pick(rng, 0, 1), pick(rng, 0, 2)},
                             {0, 0},
                             {pick(rng, 1, 2), pick(rng, 1, 2)},
                             groups,
                             {}};
    if (trial % 2 == 0) args = {{kh, kw}, {0, 0}, {0, 0}, {1, 1}, groups, {}};
    if (trial % 5 == 1) args.output_padding = {pick(rng, 0, 1), pick(rng, 0, 1)};
    const Shape weight_shape{groups * pick(rng, 1, 4), pick(rng, 1, 7), kh, kw};
    const Shape input_shape{pick(rng, 1, 2), weight_shape[0], pick(rng, 1, 6), 1 + trial % 20};
    const ConvShapeResult shape =
        conv_transpose2d_output_shape("convTranspose2d", input_shape, weight_shape, nullptr, args);
    if (!shape.ok()) continue;
    const std::vector<float> input =
        random_values(rng, element_count(input_shape), trial % 10 == 3 ? 0.02 : 0);
    const std::vector<float> weight = random_values(rng, element_count(weight_shape));
    const std::vector<float> bias = random_values(rng, shape.geometry.out_channels);
    const float* b = trial % 4 == 0 ? nullptr : bias.data();
    ASSERT_TRUE(
        all_close(run_simd(input, weight, b, shape), run_reference(input, weight, b, shape), 1e-5))
        << "input " << format_shape(input_shape) << " weight " << format_shape(weight_shape)
        << " stride " << format_shape(args.stride) << " padding " << format_shape(args.padding);
    ++compared;
    exact += trial % 2 == 0 && args.output_padding == Shape{0, 0};
  }
  EXPECT_GT(compared, 250);
  EXPECT_GT(exact, 100);
}

ConvTranspose2dArgs fixture_args(const nlohmann::json& args) {
  ConvTranspose2dArgs a{testing::fixture_tuple(args.at("stride"), 2),
                        testing::fixture_tuple(args.at("padding"), 2),
                        testing::fixture_tuple(args.at("output_padding"), 2),
                        testing::fixture_tuple(args.at("dilation"), 2),
                        args.at("groups").get<int64_t>(),
                        {}};
  if (!args.at("output_size").is_null()) {
    const Shape size = args.at("output_size").get<Shape>();
    a.output_size = {size[size.size() - 2], size[size.size() - 1]};
  }
  return a;
}

TEST(ConvTranspose2dFixtures, MatchPyTorch) {
  const nlohmann::json fixture = testing::load_fixture("conv_transpose2d");
  int matched = 0, rejected = 0;
  for (const auto& c : fixture.at("cases")) {
    SCOPED_TRACE(c.at("name").get<std::string>());
    const testing::FixtureTensor input = testing::fixture_tensor(c.at("input"));
    const testing::FixtureTensor weight = testing::fixture_tensor(c.at("weight"));
    testing::FixtureTensor bias_holder;
    const Shape* bias_shape;
    const float* bias = testing::optional_data(c, "bias", bias_holder, &bias_shape);
    const ConvShapeResult shape = conv_transpose2d_output_shape(
        "convTranspose2d", input.shape, weight.shape, bias_shape, fixture_args(c.at("args")));
    if (c.contains("error")) {
      EXPECT_FALSE(shape.ok()) << "PyTorch rejects this: " << c.at("error");
      EXPECT_EQ(shape.error.rfind("convTranspose2d: ", 0), 0u) << shape.error;
      ++rejected;
      continue;
    }
    ASSERT_TRUE(shape.ok()) << shape.error;
    const testing::FixtureTensor expected = testing::fixture_tensor(c.at("output"));
    ASSERT_EQ(shape.shape, expected.shape);
    EXPECT_TRUE(
        all_close(run_simd(input.floats, weight.floats, bias, shape), expected.floats, 1e-5));
    EXPECT_TRUE(
        all_close(run_reference(input.floats, weight.floats, bias, shape), expected.floats, 1e-5));
    ++matched;
  }
  EXPECT_GE(matched, 80);
  EXPECT_GE(rejected, 10);
}

}  // namespace
}  // namespace poolkit
