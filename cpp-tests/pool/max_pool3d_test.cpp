#include "pool/max_pool3d.h"

#include <gtest/gtest.h>

#include <chrono>
#include <cmath>
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

// Sweeps widths 1..19 (every tail of the 4-wide blocks), strides 1..3 (each load path, and the
// kernel-2 stride-2 path), dilation, padding and ceil mode, with NaN payloads, infinities,
// signed zeros and ties in the data.
TEST(MaxPool3dKernel, MatchesReferenceBitForBit) {
  std::mt19937 rng(11);
  int compared = 0, k2s2 = 0;
  for (int64_t w = 1; w <= 19; ++w) {
    for (int trial = 0; trial < 30; ++trial) {
      const int64_t kd = pick(rng, 1, 3), kh = pick(rng, 1, 3), kw = pick(rng, 1, 4);
      const bool common = trial % 3 == 0;  // the benchmark's kernel 2, stride 2
      const WindowArgs a{
          common ? Shape{2, 2, 2} : Shape{kd, kh, kw},
          common ? Shape{2, 2, 2} : Shape{pick(rng, 1, 3), pick(rng, 1, 3), pick(rng, 1, 3)},
          {pick(rng, 0, kd / 2), pick(rng, 0, kh / 2),
           common ? pick(rng, 0, 1) : pick(rng, 0, kw / 2)},
          {pick(rng, 1, 2), pick(rng, 1, 2), common ? 1 : pick(rng, 1, 2)},
          pick(rng, 0, 1) == 1};
      const Shape in_shape{2, pick(rng, 1, 4), pick(rng, 1, 5), w};
      const ShapeResult out = window_pool_output_shape("maxPool3d", in_shape, a);
      if (!out.ok()) continue;
      std::vector<float> input =
          testing::special_floats(rng, static_cast<size_t>(element_count(in_shape)));
      // Half the inputs without NaN: the values-only kernel's fast rule keeps only NaN-free
      // blocks (others are redone exactly), so both outcomes need covering.
      if (trial % 2 == 1)
        for (float& v : input) v = std::isnan(v) ? -0.f : v;
      const Pool3dGeometry g = pool3d_geometry(in_shape, out.shape, a);
      for (bool with_indices : {false, true}) {
        const Pooled fast = run(max_pool3d, input, g, with_indices);
        const Pooled ref = run(max_pool3d_reference, input, g, with_indices);
        ASSERT_EQ(float_bits(fast.values), float_bits(ref.values)) << "width " << w;
        ASSERT_EQ(fast.indices, ref.indices) << "width " << w;
        ++compared;
        k2s2 += common;
      }
    }
  }
  EXPECT_GT(compared, 600);
  EXPECT_GT(k2s2, 150);
}

// As in 2d (max_pool2d_test.cpp): every window of this kernel covers the whole input, and moving
// its start out of the padding must not take a billion steps. Found by the fuzzer.
TEST(MaxPool3dKernel, HugeKernelThatIsMostlyPaddingIsFast) {
  const int64_t k = 2147483647, p = 1073741823;
  const WindowArgs a{{k, k, k}, {1, 1, 1}, {p, p, p}, {1, 1, 1}, false};
  const Shape in_shape{1, 2, 1, 3};
  const ShapeResult out = window_pool_output_shape("maxPool3d", in_shape, a);
  ASSERT_TRUE(out.ok()) << out.error;
  ASSERT_EQ(out.shape, in_shape);
  const std::vector<float> input{1, 7, 3, 4, 2, 6};
  const Pool3dGeometry g = pool3d_geometry(in_shape, out.shape, a);
  const auto start = std::chrono::steady_clock::now();
  for (auto kernel : {max_pool3d, max_pool3d_reference}) {
    for (bool with_indices : {false, true}) {
      const Pooled pooled = run(kernel, input, g, with_indices);
      EXPECT_EQ(pooled.values, std::vector<float>(6, 7.f));
      if (with_indices) EXPECT_EQ(pooled.indices, std::vector<int32_t>(6, 1));
    }
  }
  const auto elapsed = std::chrono::steady_clock::now() - start;
  EXPECT_LT(std::chrono::duration_cast<std::chrono::milliseconds>(elapsed).count(), 500);
}

TEST(MaxPool3dFixtures, MatchPyTorchBitForBit) {
  const nlohmann::json fixture = testing::load_fixture("max_pool3d");
  int matched = 0, rejected = 0;
  for (const auto& c : fixture.at("cases")) {
    SCOPED_TRACE(c.at("name").get<std::string>());
    const auto& args = c.at("args");
    const WindowArgs a = testing::fixture_window_args(args, 3);
    const testing::FixtureTensor input = fixture_tensor(c.at("input"));
    const ShapeResult out = window_pool_output_shape("maxPool3d", input.shape, a);
    if (c.contains("error")) {
      EXPECT_FALSE(out.ok()) << "PyTorch rejects this: " << c.at("error");
      EXPECT_EQ(out.error.rfind("maxPool3d: ", 0), 0u) << out.error;
      ++rejected;
      continue;
    }
    ASSERT_TRUE(out.ok()) << out.error;
    const testing::FixtureTensor expected = fixture_tensor(c.at("output"));
    const testing::FixtureTensor expected_indices = fixture_tensor(c.at("indices"));
    ASSERT_EQ(out.shape, expected.shape);
    const Pool3dGeometry g = pool3d_geometry(input.shape, out.shape, a);
    expect_pytorch_max({max_pool3d, max_pool3d_reference}, input.floats, g, expected,
                       expected_indices);
    ++matched;
  }
  EXPECT_GE(matched, 60);
  EXPECT_GE(rejected, 12);
}

}  // namespace
}  // namespace poolkit
