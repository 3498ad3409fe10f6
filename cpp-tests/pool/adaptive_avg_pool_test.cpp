#include "pool/adaptive_avg_pool.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <map>
#include <random>

#include "pool/plane_mean.h"
#include "pool/pool_shape.h"
#include "support/bits.h"
#include "support/fixture.h"
#include "support/nan_bits.h"
#include "support/random_data.h"

namespace poolkit {
namespace {

using testing::pick;

using testing::bits_any_nan;
using testing::fixture_tensor;
using testing::float_bits;

std::vector<float> random_input(size_t n, std::mt19937& rng, bool specials) {
  std::uniform_real_distribution<float> uniform(-2.f, 2.f);
  std::vector<float> v(n);
  for (float& x : v) {
    const int r = static_cast<int>(rng() % 40);
    x = !specials ? uniform(rng)
        : r == 0  ? std::numeric_limits<float>::quiet_NaN()
        : r == 1  ? std::numeric_limits<float>::infinity()
        : r == 2  ? -std::numeric_limits<float>::infinity()
        : r == 3  ? -0.f
        : r < 12  ? std::round(uniform(rng))
                  : uniform(rng);
  }
  return v;
}

// What adaptive_avg_pool{1,2,3}d runs for a checked shape, with the SIMD or the reference kernels.
std::vector<float> run(bool simd, const std::vector<float>& input,
                       const AdaptiveAvgPoolGeometry& g) {
  std::vector<float> out(static_cast<size_t>(g.planes * g.out_d * g.out_h * g.out_w));
  if (adaptive_avg_pool_is_mean(g)) {
    (simd ? plane_mean : plane_mean_reference)(input.data(), out.data(), g.planes,
                                               g.in_d * g.in_h * g.in_w);
  } else {
    (simd ? adaptive_avg_pool : adaptive_avg_pool_reference)(input.data(), out.data(), g);
  }
  return out;
}

// Plane counts 1..9 cover every tail of the four-plane groups; sizes both sides of the output.
TEST(AdaptiveAvgPoolKernel, MatchesReferenceBitForBit) {
  std::mt19937 rng(21);
  int compared = 0;
  for (int64_t planes = 1; planes <= 9; ++planes) {
    for (int trial = 0; trial < 40; ++trial) {
      const size_t dims = static_cast<size_t>(1 + trial % 3);
      Shape in_shape{planes};
      OutputSize output_size;
      for (size_t i = 0; i < dims; ++i) {
        const int64_t size = pick(rng, 1, 11);
        in_shape.push_back(size);
        output_size.push_back(
            pick(rng, 0, 5) == 0 ? std::nullopt : std::optional<int64_t>(pick(rng, 1, size + 3)));
      }
      const ShapeResult out = adaptive_pool_output_shape("adaptiveAvgPool", in_shape, output_size);
      ASSERT_TRUE(out.ok()) << out.error;
      const std::vector<float> input =
          random_input(static_cast<size_t>(element_count(in_shape)), rng, true);
      const AdaptiveAvgPoolGeometry g = adaptive_avg_pool_geometry(in_shape, out.shape, dims);
      ASSERT_EQ(bits_any_nan(run(true, input, g)), bits_any_nan(run(false, input, g)))
          << planes << " planes, " << dims << "d";
      ++compared;
    }
  }
  EXPECT_EQ(compared, 360);
}

// Plane sizes around every boundary of ATen's cascade: a vector (8), a row of four vectors (32),
// a chunk (16 rows: 512), a fold into the third level (8192) and into the fourth (131072).
// (Chunks grow past 16 rows only beyond 2^19 rows, 16 million values: not swept here.)
TEST(PlaneMeanKernel, MatchesReferenceBitForBit) {
  std::mt19937 rng(8);
  for (int64_t size :
       {1,   2,   3,   5,   7,    8,    9,    15,   31,   32,    33,     63,     100,
        511, 512, 513, 784, 4095, 8191, 8192, 8193, 9000, 20000, 131071, 131072, 131080}) {
    const int64_t planes = size > 100000 ? 1 : 3;
    const std::vector<float> input =
        random_input(static_cast<size_t>(planes * size), rng, size < 1000);
    std::vector<float> fast(planes), ref(planes);
    plane_mean(input.data(), fast.data(), planes, size);
    plane_mean_reference(input.data(), ref.data(), planes, size);
    ASSERT_EQ(bits_any_nan(fast), bits_any_nan(ref)) << "plane size " << size;
  }
}

// The cascade's order is observable: a naive left-to-right sum rounds differently.
TEST(PlaneMeanKernel, IsNotANaiveSum) {
  std::mt19937 rng(2);
  const std::vector<float> input = random_input(784 * 16, rng, false);
  int differs = 0;
  for (int p = 0; p < 16; ++p) {
    float mean = 0.f, naive = 0.f;
    plane_mean_reference(input.data() + p * 784, &mean, 1, 784);
    for (int i = 0; i < 784; ++i) naive += input[p * 784 + i];
    differs += float_bits(mean) != float_bits(naive / 784.f);
  }
  EXPECT_GT(differs, 0);
}

OutputSize fixture_output_size(const nlohmann::json& value, size_t dims) {
  if (value.is_number()) return OutputSize(dims, value.get<int64_t>());
  OutputSize size;
  for (const auto& v : value)
    size.push_back(v.is_null() ? std::nullopt : std::optional<int64_t>(v.get<int64_t>()));
  return size;
}

// An empty batch makes the output empty but does not make a huge output size harmless: the
// kernels still work out the size of each plane from the shape (2^90 here, past int64). Found by
// the fuzzer: the bound on the output's elements multiplied in the batch of 0 and let it through.
TEST(AdaptiveAvgPoolShape, EmptyBatchDoesNotExcuseHugeOutputSizes) {
  const int64_t big = int64_t{1} << 30;
  EXPECT_EQ(adaptive_pool_output_shape("adaptiveAvgPool3d", {0, 1, 2, 2, 2}, {big, big, big}).error,
            "adaptiveAvgPool3d: outputSize=[1073741824, 1073741824, 1073741824] asks for an output "
            "of shape [0, 1, 1073741824, 1073741824, 1073741824], more than 2^31 - 1 elements per "
            "batch item");
  EXPECT_EQ(adaptive_pool_output_shape("adaptiveAvgPool3d", {0, 1, 2, 2, 2}, {4, 4, 4}).shape,
            (Shape{0, 1, 4, 4, 4}));
}

TEST(AdaptiveAvgPoolFixtures, MatchPyTorchBitForBit) {
  const nlohmann::json fixture = testing::load_fixture("adaptive_avg_pool");
  std::map<std::string, int> matched, mean_path, rejected, refused;
  for (const auto& c : fixture.at("cases")) {
    SCOPED_TRACE(c.at("name").get<std::string>());
    const std::string op = c.at("op");
    const size_t dims = static_cast<size_t>(op[op.size() - 2] - '0');
    const std::string js_op = "adaptiveAvgPool" + std::to_string(dims) + "d";
    const OutputSize size = fixture_output_size(c.at("args").at("output_size"), dims);
    const testing::FixtureTensor input = fixture_tensor(c.at("input"));
    if (size.size() != dims) {  // the JavaScript layer rejects this before C++ sees it
      ++rejected[op];
      continue;
    }
    const ShapeResult out = adaptive_pool_output_shape(js_op.c_str(), input.shape, size);
    if (c.contains("error") || c.contains("poolkit_rejects")) {
      EXPECT_FALSE(out.ok()) << "expected a rejection";
      EXPECT_EQ(out.error.rfind(js_op + ": ", 0), 0u) << out.error;
      ++(c.contains("error") ? rejected : refused)[op];
      continue;
    }
    ASSERT_TRUE(out.ok()) << out.error;
    const testing::FixtureTensor expected = fixture_tensor(c.at("output"));
    ASSERT_EQ(out.shape, expected.shape);
    const AdaptiveAvgPoolGeometry g = adaptive_avg_pool_geometry(input.shape, out.shape, dims);
    EXPECT_EQ(bits_any_nan(run(true, input.floats, g)), bits_any_nan(expected.floats));
    EXPECT_EQ(bits_any_nan(run(false, input.floats, g)), bits_any_nan(expected.floats));
    ++matched[op];
    mean_path[op] += adaptive_avg_pool_is_mean(g);
  }
  for (const char* op : {"adaptive_avg_pool1d", "adaptive_avg_pool2d", "adaptive_avg_pool3d"}) {
    EXPECT_GE(matched[op], 40) << op;
    EXPECT_GE(mean_path[op], 8) << op;
    EXPECT_GE(rejected[op] + refused[op], 5) << op;
  }
}

}  // namespace
}  // namespace poolkit
