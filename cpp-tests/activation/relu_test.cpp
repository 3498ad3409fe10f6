#include "activation/relu.h"

#include <gtest/gtest.h>

#include <limits>
#include <random>

#include "support/bits.h"
#include "support/fixture.h"

namespace poolkit {
namespace {

using testing::fixture_tensor;
using testing::float_bits;

template <typename Kernel>
std::vector<float> run(Kernel kernel, const std::vector<float>& input) {
  std::vector<float> out(input.size());
  kernel(input.data(), out.data(), static_cast<int64_t>(input.size()));
  return out;
}

TEST(ReluKernel, MatchesReferenceBitForBitAtEveryLength) {
  std::mt19937 rng(3);
  std::uniform_real_distribution<float> uniform(-2.f, 2.f);
  for (size_t n = 0; n <= 41; ++n) {
    std::vector<float> input(n);
    for (size_t i = 0; i < n; ++i) {
      const int r = static_cast<int>(rng() % 8);
      input[i] = r == 0   ? std::numeric_limits<float>::quiet_NaN()
                 : r == 1 ? -std::numeric_limits<float>::quiet_NaN()
                 : r == 2 ? -0.f
                          : uniform(rng);
    }
    ASSERT_EQ(float_bits(run(relu, input)), float_bits(run(relu_reference, input))) << n;
  }
}

TEST(ReluKernel, KeepsNegativeZeroAndNaN) {
  const std::vector<float> input{-0.f, std::numeric_limits<float>::quiet_NaN(), -3.f, 2.f};
  const std::vector<float> out = run(relu, input);
  EXPECT_TRUE(std::signbit(out[0]));
  EXPECT_TRUE(std::isnan(out[1]));
  EXPECT_EQ(float_bits(out[2]), float_bits(0.f));
  EXPECT_EQ(out[3], 2.f);
}

TEST(ReluFixtures, MatchPyTorchBitForBit) {
  const nlohmann::json fixture = testing::load_fixture("relu");
  int matched = 0;
  for (const auto& c : fixture.at("cases")) {
    SCOPED_TRACE(c.at("name").get<std::string>());
    const testing::FixtureTensor input = fixture_tensor(c.at("input"));
    const testing::FixtureTensor expected = fixture_tensor(c.at("output"));
    EXPECT_EQ(float_bits(run(relu, input.floats)), float_bits(expected.floats));
    EXPECT_EQ(float_bits(run(relu_reference, input.floats)), float_bits(expected.floats));
    ++matched;
  }
  EXPECT_GE(matched, 40);
}

}  // namespace
}  // namespace poolkit
