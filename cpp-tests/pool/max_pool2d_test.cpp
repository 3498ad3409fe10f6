#include "pool/max_pool2d.h"

#include <gtest/gtest.h>

#include <chrono>
#include <cmath>
#include <limits>
#include <random>

#include "pool/pool_shape.h"
#include "support/bits.h"
#include "support/fixture.h"
#include "support/max_pool_support.h"
#include "support/random_data.h"

namespace poolkit {
namespace {

using testing::pick;

using testing::expect_pytorch_max;
using testing::Pooled;
using testing::run;

using testing::fixture_tensor;
using testing::float_bits;

// Sweeps widths 1..19 (every tail of the 4-wide blocks), strides 1..3 (each load path),
// dilation, padding and ceil mode, with NaN, infinities and ties in the data.
TEST(MaxPool2dKernel, MatchesReferenceBitForBit) {
  std::mt19937 rng(7);
  std::uniform_real_distribution<float> uniform(-2.f, 2.f);
  int compared = 0;
  for (int64_t w = 1; w <= 19; ++w) {
    for (int trial = 0; trial < 30; ++trial) {
      const int64_t kh = pick(rng, 1, 4), kw = pick(rng, 1, 4);
      const WindowArgs a{{kh, kw},
                         {pick(rng, 1, 3), pick(rng, 1, 3)},
                         {pick(rng, 0, kh / 2), pick(rng, 0, kw / 2)},
                         {pick(rng, 1, 2), pick(rng, 1, 2)},
                         pick(rng, 0, 1) == 1};
      const Shape in_shape{2, pick(rng, 1, 7), w};
      const ShapeResult out = window_pool_output_shape("maxPool2d", in_shape, a);
      if (!out.ok()) continue;
      std::vector<float> input(static_cast<size_t>(element_count(in_shape)));
      for (float& v : input) {
        const int64_t r = pick(rng, 0, 19);
        v = r == 0   ? std::numeric_limits<float>::quiet_NaN()
            : r == 1 ? -std::numeric_limits<float>::infinity()
            : r == 2 ? -0.f
            : r < 8  ? std::round(uniform(rng))
                     : uniform(rng);
      }
      const Pool2dGeometry g = pool2d_geometry(in_shape, out.shape, a);
      for (bool with_indices : {false, true}) {
        const Pooled fast = run(max_pool2d, input, g, with_indices);
        const Pooled ref = run(max_pool2d_reference, input, g, with_indices);
        ASSERT_EQ(float_bits(fast.values), float_bits(ref.values)) << "width " << w;
        ASSERT_EQ(fast.indices, ref.indices) << "width " << w;
        ++compared;
      }
    }
  }
  EXPECT_GT(compared, 400);
}

// The 2x2 stride-2 window (the UNet's pool) has its own block in the separable path; sweep it
// on its own.
TEST(MaxPool2dKernel, K2S2PathMatchesReferenceBitForBit) {
  std::mt19937 rng(11);
  int compared = 0;
  for (int64_t w = 2; w <= 27; ++w) {
    for (int64_t pad = 0; pad <= 1; ++pad) {
      for (bool ceil_mode : {false, true}) {
        const WindowArgs a{{2, 2}, {2, 2}, {pad, pad}, {1, 1}, ceil_mode};
        const Shape in_shape{3, 5, w};
        const ShapeResult out = window_pool_output_shape("maxPool2d", in_shape, a);
        ASSERT_TRUE(out.ok()) << out.error;
        std::vector<float> input(static_cast<size_t>(element_count(in_shape)));
        for (float& v : input) {
          const int64_t r = static_cast<int64_t>(rng() % 16);
          v = r == 0   ? std::numeric_limits<float>::quiet_NaN()
              : r == 1 ? -0.f
              : r == 2 ? 0.f
                       : static_cast<float>(static_cast<int>(rng() % 7) - 3);
        }
        const Pool2dGeometry g = pool2d_geometry(in_shape, out.shape, a);
        ASSERT_EQ(float_bits(run(max_pool2d, input, g, false).values),
                  float_bits(run(max_pool2d_reference, input, g, false).values))
            << "width " << w << " pad " << pad;
        ++compared;
      }
    }
  }
  EXPECT_EQ(compared, 26 * 4);
}

// Without indices every window takes the separable path (max_pool2d_separable.cpp), which works
// on chunks of 64 output rows: tall planes cross chunk borders, and a NaN in one chunk sends
// that chunk (and only it) back to the exact path. Blocks at the row ends read the row clipped
// (rows narrower than one vector included); +inf beside the -inf padding is a false NaN alarm,
// which must still give the exact answer.
// `three_high_stride_two` fixes the window's height at 3, stride 2 and dilation 1, the rows
// that pool_row_pair fuses.
void expect_separable_matches_reference(std::mt19937& rng, int64_t max_kernel_w, int trials,
                                        bool three_high_stride_two = false) {
  int compared = 0;
  for (int trial = 0; trial < trials; ++trial) {
    const int64_t kh = three_high_stride_two ? 3 : pick(rng, 1, 5), kw = pick(rng, 1, max_kernel_w);
    const WindowArgs a{{kh, kw},
                       {three_high_stride_two ? 2 : pick(rng, 1, 3), pick(rng, 1, 3)},
                       {pick(rng, 0, kh / 2), pick(rng, 0, kw / 2)},
                       {three_high_stride_two ? 1 : pick(rng, 1, 2), pick(rng, 1, 3)},
                       pick(rng, 0, 1) == 1};
    const Shape in_shape{pick(rng, 1, 3), pick(rng, 1, 160), pick(rng, 1, 40 + 3 * max_kernel_w)};
    const ShapeResult out = window_pool_output_shape("maxPool2d", in_shape, a);
    if (!out.ok()) continue;
    const int64_t nan_every = trial % 3 == 0 ? 500 : 0;
    const bool with_inf = trial % 4 == 1;
    std::vector<float> input(static_cast<size_t>(element_count(in_shape)));
    for (float& v : input) {
      const int64_t r = pick(rng, 0, 9);
      v = nan_every && pick(rng, 0, nan_every) == 0 ? std::numeric_limits<float>::quiet_NaN()
          : with_inf && pick(rng, 0, 300) == 0      ? std::numeric_limits<float>::infinity()
          : r == 0                                  ? -0.f
          : r == 1                                  ? 0.f
          : r == 2                                  ? -std::numeric_limits<float>::infinity()
                                                    : static_cast<float>(pick(rng, -4, 4));
    }
    const Pool2dGeometry g = pool2d_geometry(in_shape, out.shape, a);
    ASSERT_EQ(float_bits(run(max_pool2d, input, g, false).values),
              float_bits(run(max_pool2d_reference, input, g, false).values))
        << "input " << format_shape(in_shape) << " kernel " << kh << "x" << kw << " stride "
        << a.stride[0] << "x" << a.stride[1] << " padding " << a.padding[0] << "x" << a.padding[1]
        << " dilation " << a.dilation[0] << "x" << a.dilation[1];
    ++compared;
  }
  EXPECT_GT(compared, trials * 2 / 3);
}

TEST(MaxPool2dKernel, SeparablePathMatchesReferenceAcrossChunks) {
  std::mt19937 rng(13);
  expect_separable_matches_reference(rng, 5, 300);
}

// 3-high, stride-2 windows carry the row two windows share from one output row to the next
// (pool_row_pair); chunk starts, the top and bottom rows and NaN chunks take the general path.
TEST(MaxPool2dKernel, SeparablePathMatchesReferenceForThreeHighStrideTwo) {
  std::mt19937 rng(19);
  expect_separable_matches_reference(rng, 5, 200, true);
}

// Windows reaching 64 columns or more are pooled one scalar cell at a time at the row ends.
TEST(MaxPool2dKernel, SeparablePathMatchesReferenceWithWideWindows) {
  std::mt19937 rng(17);
  expect_separable_matches_reference(rng, 40, 60);
}

// kernelSize 2^31 - 1 with padding 2^30 - 1 is legal (at most half the kernel), and every window
// then covers the whole input, so every output is the plane's maximum (PyTorch 1.13 agrees, after
// 2.6 s for this 2x3 input). Found by the fuzzer: ATen's way of moving a window start out of the
// padding, one dilation step at a time, took a billion steps per window, and parallel_for's work
// estimate, out_w * kernel_h * kernel_w, overflowed int64.
TEST(MaxPool2dKernel, HugeKernelThatIsMostlyPaddingIsFast) {
  const int64_t k = 2147483647, p = 1073741823;
  const WindowArgs a{{k, k}, {1, 1}, {p, p}, {1, 1}, false};
  const Shape in_shape{1, 2, 3};
  const ShapeResult out = window_pool_output_shape("maxPool2d", in_shape, a);
  ASSERT_TRUE(out.ok()) << out.error;
  ASSERT_EQ(out.shape, in_shape);
  const std::vector<float> input{1, 7, 3, 4, 2, 6};
  const Pool2dGeometry g = pool2d_geometry(in_shape, out.shape, a);
  const auto start = std::chrono::steady_clock::now();
  for (auto kernel : {max_pool2d, max_pool2d_reference}) {
    for (bool with_indices : {false, true}) {
      const Pooled pooled = run(kernel, input, g, with_indices);
      EXPECT_EQ(pooled.values, std::vector<float>(6, 7.f));
      if (with_indices) EXPECT_EQ(pooled.indices, std::vector<int32_t>(6, 1));
    }
  }
  const auto elapsed = std::chrono::steady_clock::now() - start;
  EXPECT_LT(std::chrono::duration_cast<std::chrono::milliseconds>(elapsed).count(), 500);
}

TEST(MaxPool2dFixtures, MatchPyTorchBitForBit) {
  const nlohmann::json fixture = testing::load_fixture("max_pool2d");
  int matched = 0, rejected = 0;
  for (const auto& c : fixture.at("cases")) {
    SCOPED_TRACE(c.at("name").get<std::string>());
    const auto& args = c.at("args");
    const WindowArgs a = testing::fixture_window_args(args, 2);
    const testing::FixtureTensor input = fixture_tensor(c.at("input"));
    const ShapeResult out = window_pool_output_shape("maxPool2d", input.shape, a);
    if (c.contains("error")) {
      EXPECT_FALSE(out.ok()) << "PyTorch rejects this: " << c.at("error");
      EXPECT_EQ(out.error.rfind("maxPool2d: ", 0), 0u) << out.error;
      ++rejected;
      continue;
    }
    ASSERT_TRUE(out.ok()) << out.error;
    const testing::FixtureTensor expected = fixture_tensor(c.at("output"));
    const testing::FixtureTensor expected_indices = fixture_tensor(c.at("indices"));
    ASSERT_EQ(out.shape, expected.shape);
    const Pool2dGeometry g = pool2d_geometry(input.shape, out.shape, a);
    expect_pytorch_max({max_pool2d, max_pool2d_reference}, input.floats, g, expected,
                       expected_indices);
    ++matched;
  }
  EXPECT_GE(matched, 200);
  EXPECT_GE(rejected, 10);
}

}  // namespace
}  // namespace poolkit
