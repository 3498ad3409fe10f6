#include "conv/conv2d.h"

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

struct Problem {
  Conv2dGeometry g;
  Shape out_shape;
  std::vector<float> input, weight, bias;
};

std::vector<float> run_simd(const Problem& p, const float* bias, Activation act) {
  std::vector<float> out(static_cast<size_t>(element_count(p.out_shape)));
  const PackedWeights packed = PackedWeights::for_conv2d(p.weight.data(), p.g);
  EXPECT_TRUE(packed.ok());
  EXPECT_TRUE(conv2d(p.input.data(), packed, bias, out.data(), p.g, act));
  return out;
}

std::vector<float> run_reference(const Problem& p, const float* bias, Activation act) {
  std::vector<float> out(static_cast<size_t>(element_count(p.out_shape)));
  conv2d_reference(p.input.data(), p.weight.data(), bias, out.data(), p.g, act);
  return out;
}

// Output widths 1..21 cover every tail of the 8-wide tiles and chunks of them; output channels
// per group 1..13 every tail of the 6-row blocks; strides, dilation, padding (including
// 'same'), groups and NaN in the input.
TEST(Conv2dKernel, MatchesReference) {
  std::mt19937 rng(3);
  int compared = 0;
  for (int64_t trial = 0; trial < 260; ++trial) {
    const int64_t groups = pick(rng, 0, 3) == 0 ? pick(rng, 2, 3) : 1;
    const int64_t kh = pick(rng, 1, 4), kw = pick(rng, 1, 4);
    Conv2dArgs args{{pick(rng, 1, 2), pick(rng, 1, 3)},
                    {pick(rng, 0, 2), pick(rng, 0, 2)},
                    {pick(rng, 1, 2), pick(rng, 1, 2)},
                    groups,
                    false};
    if (pick(rng, 0, 4) == 0) args.stride = {1, 1}, args.same_padding = true;
    if (trial % 3 == 0) args.stride[1] = 1;  // more often the vector-copied tiles
    const Shape weight_shape{groups * pick(rng, 1, 13), pick(rng, 1, 4), kh, kw};
    const Shape input_shape{pick(rng, 1, 2), weight_shape[1] * groups, pick(rng, 1, 9),
                            pick(rng, 1, 30)};
    const ConvShapeResult shape =
        conv2d_output_shape("conv2d", input_shape, weight_shape, nullptr, args);
    if (!shape.ok()) continue;
    Problem p{shape.geometry, shape.shape,
              random_values(rng, element_count(input_shape), trial % 10 == 0 ? 0.02 : 0),
              random_values(rng, element_count(weight_shape)), random_values(rng, weight_shape[0])};
    for (Activation act : {Activation::kNone, Activation::kRelu}) {
      const float* bias = trial % 4 == 0 ? nullptr : p.bias.data();
      ASSERT_TRUE(all_close(run_simd(p, bias, act), run_reference(p, bias, act), 1e-5))
          << "input " << format_shape(input_shape) << " weight " << format_shape(weight_shape)
          << " stride " << format_shape(args.stride) << " padding "
          << (args.same_padding ? "same" : format_shape(args.padding)) << " dilation "
          << format_shape(args.dilation) << " groups " << groups;
      ++compared;
    }
  }
  EXPECT_GT(compared, 300);
}

// A UNet decoder convolves cat([up, crop(skip)]) through plane views, without building it.
// Kernel 1 checks that a 1x1 convolution of cropped planes is not mistaken for a contiguous one.
TEST(Conv2dKernel, ConvolvesAConcatenationOfCropsThroughViews) {
  std::mt19937 rng(5);
  const int64_t up_c = 3, skip_c = 2, h = 11, w = 21;
  const testing::CroppedConcat input = testing::cropped_concat(rng, up_c, skip_c, h, w, 15, 27);
  for (int64_t k : {3, 1}) {
    const testing::ViewsConv conv =
        testing::conv2d_through_views(rng, input, up_c + skip_c, h, w, 7, k);
    std::vector<float> want(conv.got.size());
    conv2d_reference(input.concatenated.data(), conv.weight.data(), conv.bias.data(), want.data(),
                     conv.geometry, Activation::kRelu);
    EXPECT_TRUE(all_close(conv.got, want, 1e-5)) << "kernel " << k;
  }
}

Conv2dArgs fixture_args(const nlohmann::json& args) {
  Conv2dArgs a{testing::fixture_tuple(args.at("stride"), 2),
               {0, 0},
               testing::fixture_tuple(args.at("dilation"), 2),
               args.at("groups").get<int64_t>(),
               false};
  const nlohmann::json& padding = args.at("padding");
  if (padding.is_string()) {
    a.same_padding = padding == "same";
  } else {
    a.padding = testing::fixture_tuple(padding, 2);
  }
  return a;
}

TEST(Conv2dFixtures, MatchPyTorch) {
  const nlohmann::json fixture = testing::load_fixture("conv2d");
  int matched = 0, rejected = 0;
  for (const auto& c : fixture.at("cases")) {
    SCOPED_TRACE(c.at("name").get<std::string>());
    const testing::FixtureTensor input = testing::fixture_tensor(c.at("input"));
    const testing::FixtureTensor weight = testing::fixture_tensor(c.at("weight"));
    testing::FixtureTensor bias_holder;
    const Shape* bias_shape;
    const float* bias = testing::optional_data(c, "bias", bias_holder, &bias_shape);
    const ConvShapeResult shape = conv2d_output_shape("conv2d", input.shape, weight.shape,
                                                      bias_shape, fixture_args(c.at("args")));
    if (c.contains("error")) {
      EXPECT_FALSE(shape.ok()) << "PyTorch rejects this: " << c.at("error");
      EXPECT_EQ(shape.error.rfind("conv2d: ", 0), 0u) << shape.error;
      ++rejected;
      continue;
    }
    ASSERT_TRUE(shape.ok()) << shape.error;
    const testing::FixtureTensor expected = testing::fixture_tensor(c.at("output"));
    ASSERT_EQ(shape.shape, expected.shape);
    const Problem p{shape.geometry, shape.shape, input.floats, weight.floats, {}};
    EXPECT_TRUE(all_close(run_simd(p, bias, Activation::kNone), expected.floats, 1e-5));
    EXPECT_TRUE(all_close(run_reference(p, bias, Activation::kNone), expected.floats, 1e-5));
    ++matched;
  }
  EXPECT_GE(matched, 80);
  EXPECT_GE(rejected, 10);
}

}  // namespace
}  // namespace poolkit
