#include "conv/conv2d_winograd.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <random>

#include "conv/conv_shape.h"
#include "support/bits.h"
#include "support/close.h"
#include "support/conv_test_data.h"

namespace poolkit {
namespace {

using testing::all_close;
using testing::pick;
using testing::random_values;

constexpr float kInf = std::numeric_limits<float>::infinity();

struct Problem {
  Conv2dGeometry g;
  Shape out_shape;
  std::vector<float> input, weight, bias;
};

Problem random_problem(std::mt19937& rng) {
  for (;;) {
    Conv2dArgs args{{1, 1}, {0, 0}, {1, 1}, 1, false};
    const int64_t padding = pick(rng, 0, 2);
    if (padding == 2) {
      args.same_padding = true;
    } else {
      args.padding = {padding, pick(rng, 0, 1)};
    }
    const Shape weight_shape{pick(rng, 1, 13), pick(rng, 8, 19), 3, 3};
    const Shape input_shape{pick(rng, 1, 2), weight_shape[1], pick(rng, 1, 12), pick(rng, 1, 40)};
    const ConvShapeResult shape =
        conv2d_output_shape("conv2d", input_shape, weight_shape, nullptr, args);
    if (!shape.ok()) continue;
    return {shape.geometry, shape.shape, random_values(rng, element_count(input_shape)),
            random_values(rng, element_count(weight_shape)), random_values(rng, weight_shape[0])};
  }
}

// One of the SIMD paths (conv2d_winograd or conv2d_direct) on the problem's packed weights.
using Kernel = bool (*)(const PlaneView*, const PackedWeights&, const float*, float*,
                        const Conv2dGeometry&, Activation);

std::vector<float> run(Kernel kernel, const Problem& p, const float* bias, Activation act) {
  std::vector<float> out(static_cast<size_t>(element_count(p.out_shape)));
  const PackedWeights packed = PackedWeights::for_conv2d(p.weight.data(), p.g);
  std::vector<PlaneView> views;
  for (int64_t i = 0; i < p.g.batch * p.g.in_channels; ++i)
    views.push_back({p.input.data() + i * p.g.in_h * p.g.in_w, p.g.in_w});
  EXPECT_TRUE(kernel(views.data(), packed, bias, out.data(), p.g, act));
  return out;
}

std::vector<float> run_winograd(const Problem& p, const float* bias, Activation act) {
  return run(conv2d_winograd, p, bias, act);
}

std::vector<float> run_direct(const Problem& p, const float* bias, Activation act) {
  return run(conv2d_direct, p, bias, act);
}

std::vector<float> run_winograd_reference(const Problem& p, const float* bias, Activation act) {
  std::vector<float> out(static_cast<size_t>(element_count(p.out_shape)));
  conv2d_winograd_reference(p.input.data(), p.weight.data(), bias, out.data(), p.g, act);
  return out;
}

std::vector<float> run_reference(const Problem& p, const float* bias, Activation act) {
  std::vector<float> out(static_cast<size_t>(element_count(p.out_shape)));
  conv2d_reference(p.input.data(), p.weight.data(), bias, out.data(), p.g, act);
  return out;
}

// Equal as floats (so +0 == -0) or both NaN.
::testing::AssertionResult same_values(const std::vector<float>& got,
                                       const std::vector<float>& want) {
  for (size_t i = 0; i < want.size(); ++i)
    if (!(got[i] == want[i] || (std::isnan(got[i]) && std::isnan(want[i]))))
      return ::testing::AssertionFailure()
             << "element " << i << ": " << got[i] << " vs " << want[i];
  return ::testing::AssertionSuccess();
}

std::string describe(const Problem& p) {
  const Conv2dGeometry& g = p.g;
  return "batch " + std::to_string(g.batch) + " in " + std::to_string(g.in_channels) + "x" +
         std::to_string(g.in_h) + "x" + std::to_string(g.in_w) + " out " +
         std::to_string(g.out_channels) + "x" + std::to_string(g.out_h) + "x" +
         std::to_string(g.out_w) + " pad " + std::to_string(g.pad_h) + "," +
         std::to_string(g.pad_w);
}

// Output widths 1..42 cover every tail of the 16-column tile groups, output
// channels 1..13 every tail of the 5-row blocks; heights and padding every tail of the 2-row
// tiles.
TEST(Conv2dWinograd, MatchesItsReferenceTwinExactlyAndTheDirectDefinitionClosely) {
  std::mt19937 rng(11);
  for (int64_t trial = 0; trial < 120; ++trial) {
    const Problem p = random_problem(rng);
    ASSERT_TRUE(winograd_applies(p.g));
    for (Activation act : {Activation::kNone, Activation::kRelu}) {
      const float* bias = trial % 4 == 0 ? nullptr : p.bias.data();
      const std::vector<float> got = run_winograd(p, bias, act);
      ASSERT_TRUE(same_values(got, run_winograd_reference(p, bias, act))) << describe(p);
      ASSERT_TRUE(all_close(got, run_reference(p, bias, act), 1e-5)) << describe(p);
    }
  }
}

// A NaN reaches exactly the outputs whose 3x3 windows see it (not the whole 2x2 tile, as a
// transform would spread it), and an infinity gives the direct path's infinities, not the
// NaN of inf - inf.
TEST(Conv2dWinograd, NonFiniteInputsGiveTheDirectPathsValues) {
  std::mt19937 rng(12);
  for (int64_t trial = 0; trial < 40; ++trial) {
    Problem p = random_problem(rng);
    for (float& x : p.input) {
      const int64_t roll = pick(rng, 0, 60);
      if (roll == 0) x = std::numeric_limits<float>::quiet_NaN();
      if (roll == 1) x = kInf;
      if (roll == 2) x = -kInf;
    }
    for (Activation act : {Activation::kNone, Activation::kRelu}) {
      const std::vector<float> got = run_winograd(p, p.bias.data(), act);
      const std::vector<float> direct = run_direct(p, p.bias.data(), act);
      ASSERT_TRUE(same_values(got, run_winograd_reference(p, p.bias.data(), act))) << describe(p);
      for (size_t i = 0; i < got.size(); ++i) {
        if (std::isfinite(direct[i])) {
          ASSERT_TRUE(std::isfinite(got[i])) << describe(p) << " element " << i;
        } else if (std::isnan(direct[i])) {
          // Which NaN comes out of NaN + NaN depends on the machine's operand order, which
          // compilers may swap (addition commutes); only NaN-ness is part of the contract.
          ASSERT_TRUE(std::isnan(got[i])) << describe(p) << " element " << i;
        } else {
          ASSERT_EQ(got[i], direct[i]) << describe(p) << " element " << i;
        }
      }
    }
  }
}

TEST(Conv2dWinograd, NonFiniteWeightsTakeTheDirectPathEverywhere) {
  std::mt19937 rng(13);
  Problem p = random_problem(rng);
  p.weight[p.weight.size() / 2] = kInf;
  const std::vector<float> got = run_winograd(p, p.bias.data(), Activation::kNone);
  EXPECT_EQ(testing::float_bits(got),
            testing::float_bits(run_direct(p, p.bias.data(), Activation::kNone)));
  EXPECT_TRUE(same_values(got, run_winograd_reference(p, p.bias.data(), Activation::kNone)));
}

// conv2d picks Winograd for the UNet's layers, which read cat([up, crop(skip)]) through views.
TEST(Conv2dWinograd, ConvolvesAConcatenationOfCropsThroughViews) {
  std::mt19937 rng(14);
  const int64_t up_c = 5, skip_c = 4, h = 13, w = 37;
  const testing::CroppedConcat input = testing::cropped_concat(rng, up_c, skip_c, h, w, 17, 45);
  const testing::ViewsConv conv =
      testing::conv2d_through_views(rng, input, up_c + skip_c, h, w, 7, 3);
  ASSERT_TRUE(winograd_applies(conv.geometry));
  std::vector<float> want(conv.got.size());
  conv2d_winograd_reference(input.concatenated.data(), conv.weight.data(), conv.bias.data(),
                            want.data(), conv.geometry, Activation::kRelu);
  EXPECT_TRUE(same_values(conv.got, want));
}

TEST(Conv2dWinograd, AppliesToUngroupedStrideOne3x3LayersWithEnoughChannels) {
  const Conv2dGeometry unet{1, 64, 30, 30, 64, 28, 28, 3, 3, 1, 1, 0, 0, 1, 1, 1};
  EXPECT_TRUE(winograd_applies(unet));
  Conv2dGeometry g = unet;
  g.in_channels = 1;  // the UNet's first layer: too little depth to amortise the transforms
  EXPECT_FALSE(winograd_applies(g));
  g = unet, g.stride_w = 2;
  EXPECT_FALSE(winograd_applies(g));
  g = unet, g.dilation_h = 2;
  EXPECT_FALSE(winograd_applies(g));
  g = unet, g.groups = 2;
  EXPECT_FALSE(winograd_applies(g));
  g = unet, g.kernel_w = 5;
  EXPECT_FALSE(winograd_applies(g));
}

}  // namespace
}  // namespace poolkit
