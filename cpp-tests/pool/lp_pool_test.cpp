#include "pool/lp_pool.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <map>
#include <random>

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
using testing::fixture_tuple;
using testing::float_bits;

template <typename Kernel>
std::vector<float> run(Kernel kernel, const std::vector<float>& input, const AvgPoolGeometry& g,
                       double p) {
  std::vector<float> out(static_cast<size_t>(g.planes * g.out_d * g.out_h * g.out_w));
  std::vector<float> scratch(input.size());
  kernel(input.data(), out.data(), scratch.data(), g, p);
  return out;
}

TEST(LpPoolKernel, MatchesReferenceBitForBit) {
  std::mt19937 rng(31);
  std::uniform_real_distribution<float> uniform(-2.f, 2.f);
  const double norms[] = {1, 2, 3, 0.5, 1.5, 2.5, 4, 1.0 / 3, 7};
  int compared = 0;
  for (int64_t w = 1; w <= 19; ++w) {
    for (int trial = 0; trial < 20; ++trial) {
      const size_t dims = static_cast<size_t>(1 + trial % 2);
      WindowArgs a;
      for (size_t i = 0; i < dims; ++i) {
        a.kernel_size.push_back(pick(rng, 1, 4));
        a.stride.push_back(pick(rng, 1, 3));
        a.padding.push_back(0);
        a.dilation.push_back(1);
      }
      a.ceil_mode = pick(rng, 0, 1) == 1;
      Shape in_shape{pick(rng, 1, 2), pick(rng, 1, 3)};
      if (dims == 2) in_shape.push_back(pick(rng, 1, 6));
      in_shape.push_back(w);
      const double p = norms[pick(rng, 0, 8)];
      const ShapeResult out = lp_pool_output_shape("lpPool", in_shape, a, p);
      if (!out.ok()) continue;
      std::vector<float> input(static_cast<size_t>(element_count(in_shape)));
      for (float& v : input) {
        const int64_t r = pick(rng, 0, 29);
        v = r == 0   ? std::numeric_limits<float>::quiet_NaN()
            : r == 1 ? std::numeric_limits<float>::infinity()
            : r == 2 ? -0.f
                     : uniform(rng);
      }
      const AvgPoolGeometry g = avg_pool_geometry(in_shape, out.shape, a, true, 0);
      ASSERT_EQ(bits_any_nan(run(lp_pool, input, g, p)),
                bits_any_nan(run(lp_pool_reference, input, g, p)))
          << "width " << w << ", p " << p;
      ++compared;
    }
  }
  EXPECT_GT(compared, 250);
}

// PyTorch computes x.pow(p) and out.pow(1 / p) with Sleef's vector powf on most elements and
// std::pow on the rest, which may differ by an ulp; poolkit uses std::pow throughout. Where p
// makes both pows exact arithmetic (1, 2 and 0.5: copy, x * x, sqrt) the results are PyTorch's bit
// for bit; elsewhere within 1e-6 relative.
bool exact_norm(double p) { return p == 1 || p == 2 || p == 0.5; }

bool close(float got, float want) {
  if (std::isnan(want)) return std::isnan(got);
  if (float_bits(got) == float_bits(want)) return true;
  return std::fabs(got - want) <= 1e-6f * std::fabs(want);
}

TEST(LpPoolFixtures, MatchPyTorch) {
  const nlohmann::json fixture = testing::load_fixture("lp_pool");
  std::map<std::string, int> matched, rejected, refused;
  int bit_exact = 0, inexact_values = 0;
  for (const auto& c : fixture.at("cases")) {
    SCOPED_TRACE(c.at("name").get<std::string>());
    const std::string op = c.at("op");
    const size_t dims = static_cast<size_t>(op[op.size() - 2] - '0');
    const std::string js_op = "lpPool" + std::to_string(dims) + "d";
    const auto& args = c.at("args");
    const Shape kernel = fixture_tuple(args.at("kernel_size"), dims);
    const Shape stride =
        args.at("stride").is_null() ? kernel : fixture_tuple(args.at("stride"), dims);
    const WindowArgs a{kernel, stride, Shape(dims, 0), Shape(dims, 1),
                       args.at("ceil_mode").get<bool>()};
    const auto& norm = args.at("norm_type");
    const double p = norm.is_string() ? std::stod(norm.get<std::string>()) : norm.get<double>();
    const testing::FixtureTensor input = fixture_tensor(c.at("input"));
    const ShapeResult out = lp_pool_output_shape(js_op.c_str(), input.shape, a, p);
    if (c.contains("error") || c.contains("poolkit_rejects")) {
      EXPECT_FALSE(out.ok()) << "expected a rejection";
      EXPECT_EQ(out.error.rfind(js_op + ": ", 0), 0u) << out.error;
      ++(c.contains("error") ? rejected : refused)[op];
      continue;
    }
    ASSERT_TRUE(out.ok()) << out.error;
    const testing::FixtureTensor expected = fixture_tensor(c.at("output"));
    ASSERT_EQ(out.shape, expected.shape);
    const AvgPoolGeometry g = avg_pool_geometry(input.shape, out.shape, a, true, 0);
    for (auto kernel_fn : {lp_pool, lp_pool_reference}) {
      const std::vector<float> got = run(kernel_fn, input.floats, g, p);
      if (exact_norm(p)) {
        EXPECT_EQ(bits_any_nan(got), bits_any_nan(expected.floats));
        continue;
      }
      const std::vector<uint32_t> got_bits = bits_any_nan(got);
      const std::vector<uint32_t> want_bits = bits_any_nan(expected.floats);
      for (size_t i = 0; i < got.size(); ++i) {
        EXPECT_TRUE(close(got[i], expected.floats[i]))
            << "at " << i << ": " << got[i] << " vs PyTorch " << expected.floats[i];
        inexact_values += got_bits[i] != want_bits[i];
      }
    }
    bit_exact += bits_any_nan(run(lp_pool, input.floats, g, p)) == bits_any_nan(expected.floats);
    ++matched[op];
  }
  for (const char* op : {"lp_pool1d", "lp_pool2d"}) {
    EXPECT_GE(matched[op], 40) << op;
    EXPECT_GE(rejected[op], 5) << op;
    EXPECT_EQ(refused[op], 2) << op;
  }
  std::printf("lp_pool fixtures: %d of %d cases bit-exact, %d values within tolerance only\n",
              bit_exact, matched["lp_pool1d"] + matched["lp_pool2d"], inexact_values);
}

}  // namespace
}  // namespace poolkit
