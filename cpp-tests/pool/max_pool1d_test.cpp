#include "pool/max_pool1d.h"

#include <gtest/gtest.h>

#include <random>

#include "pool/max_pool2d.h"
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

// The 2d kernels on planes of height 1: lengths 1..40 cover every block tail of the SIMD path.
TEST(MaxPool1dKernel, MatchesReferenceBitForBit) {
  std::mt19937 rng(5);
  int compared = 0;
  for (int64_t length = 1; length <= 40; ++length) {
    for (int trial = 0; trial < 20; ++trial) {
      const int64_t k = pick(rng, 1, 5);
      const WindowArgs a{
          {k}, {pick(rng, 1, 3)}, {pick(rng, 0, k / 2)}, {pick(rng, 1, 3)}, pick(rng, 0, 1) == 1};
      const Shape in_shape{3, length};
      const ShapeResult out = window_pool_output_shape("maxPool1d", in_shape, a);
      if (!out.ok()) continue;
      const std::vector<float> input = testing::special_floats(rng, 3 * length);
      const Pool2dGeometry g = max_pool1d_geometry(in_shape, out.shape, a);
      for (bool with_indices : {false, true}) {
        const Pooled fast = run(max_pool2d, input, g, with_indices);
        const Pooled ref = run(max_pool2d_reference, input, g, with_indices);
        ASSERT_EQ(float_bits(fast.values), float_bits(ref.values)) << "length " << length;
        ASSERT_EQ(fast.indices, ref.indices) << "length " << length;
        ++compared;
      }
    }
  }
  EXPECT_GT(compared, 800);
}

TEST(MaxPool1dFixtures, MatchPyTorchBitForBit) {
  const nlohmann::json fixture = testing::load_fixture("max_pool1d");
  int matched = 0, rejected = 0;
  for (const auto& c : fixture.at("cases")) {
    SCOPED_TRACE(c.at("name").get<std::string>());
    const auto& args = c.at("args");
    const WindowArgs a = testing::fixture_window_args(args, 1);
    const testing::FixtureTensor input = fixture_tensor(c.at("input"));
    const ShapeResult out = window_pool_output_shape("maxPool1d", input.shape, a);
    if (c.contains("error")) {
      EXPECT_FALSE(out.ok()) << "PyTorch rejects this: " << c.at("error");
      EXPECT_EQ(out.error.rfind("maxPool1d: ", 0), 0u) << out.error;
      ++rejected;
      continue;
    }
    ASSERT_TRUE(out.ok()) << out.error;
    const testing::FixtureTensor expected = fixture_tensor(c.at("output"));
    const testing::FixtureTensor expected_indices = fixture_tensor(c.at("indices"));
    ASSERT_EQ(out.shape, expected.shape);
    const Pool2dGeometry g = max_pool1d_geometry(input.shape, out.shape, a);
    expect_pytorch_max({max_pool2d, max_pool2d_reference}, input.floats, g, expected,
                       expected_indices);
    ++matched;
  }
  EXPECT_GE(matched, 60);
  EXPECT_GE(rejected, 10);
}

}  // namespace
}  // namespace poolkit
