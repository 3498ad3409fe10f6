#include "pool/avg_pool.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <map>
#include <optional>
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

template <typename Kernel>
std::vector<float> run(Kernel kernel, const std::vector<float>& input, const AvgPoolGeometry& g) {
  std::vector<float> out(static_cast<size_t>(g.planes * g.out_d * g.out_h * g.out_w));
  kernel(input.data(), out.data(), g);
  return out;
}

// Sweeps widths 1..19 (every tail of the 4-wide blocks), 1 to 3 spatial dimensions, strides 1..4
// (each load path), padding, ceil mode, both countIncludePad settings and divisorOverride, with
// NaN, infinities, signed zeros and small integers in the data.
TEST(AvgPoolKernel, MatchesReferenceBitForBit) {
  std::mt19937 rng(11);
  std::uniform_real_distribution<float> uniform(-2.f, 2.f);
  int compared = 0;
  for (int64_t w = 1; w <= 19; ++w) {
    for (int trial = 0; trial < 45; ++trial) {
      const size_t dims = static_cast<size_t>(1 + trial % 3);
      WindowArgs a;
      for (size_t i = 0; i < dims; ++i) {
        const int64_t k = pick(rng, 1, 4);
        a.kernel_size.push_back(k);
        a.stride.push_back(pick(rng, 1, 4));
        a.padding.push_back(pick(rng, 0, k / 2));
        a.dilation.push_back(1);
      }
      a.ceil_mode = pick(rng, 0, 1) == 1;
      Shape in_shape{2, pick(rng, 1, 3)};
      for (size_t i = 0; i + 1 < dims; ++i) in_shape.push_back(pick(rng, 1, 6));
      in_shape.push_back(w);
      const int64_t divisor = pick(rng, 0, 3) == 0 ? pick(rng, -5, 9) : 0;
      const ShapeResult out = avg_pool_output_shape(
          "avgPool", in_shape, a, divisor ? std::optional<int64_t>(divisor) : std::nullopt);
      if (!out.ok()) continue;
      std::vector<float> input(static_cast<size_t>(element_count(in_shape)));
      for (float& v : input) {
        const int64_t r = pick(rng, 0, 29);
        v = r == 0   ? std::numeric_limits<float>::quiet_NaN()
            : r == 1 ? -std::numeric_limits<float>::infinity()
            : r == 2 ? std::numeric_limits<float>::infinity()
            : r == 3 ? -0.f
            : r < 10 ? std::round(uniform(rng))
                     : uniform(rng);
      }
      const AvgPoolGeometry g =
          avg_pool_geometry(in_shape, out.shape, a, pick(rng, 0, 1) == 1, divisor);
      ASSERT_EQ(bits_any_nan(run(avg_pool, input, g)),
                bits_any_nan(run(avg_pool_reference, input, g)))
          << "width " << w << ", " << dims << "d";
      ++compared;
    }
  }
  EXPECT_GT(compared, 500);
}

// Long rows, where nearly every output is in a block of 16 or 4, for each specialised stride
// and kernel width (the benchmark's k3 s1 p1 among them).
TEST(AvgPoolKernel, MatchesReferenceOnWideRows) {
  const Shape in_shape{1, 3, 9, 112};
  std::vector<float> input(static_cast<size_t>(element_count(in_shape)));
  std::mt19937 rng(5);
  std::uniform_real_distribution<float> uniform(-1.f, 1.f);
  for (float& v : input) v = uniform(rng);
  for (int64_t kernel : {2, 3, 4}) {
    for (int64_t stride : {1, 2, 3}) {
      const WindowArgs a{{kernel, kernel}, {stride, stride}, {1, 1}, {1, 1}, false};
      const ShapeResult out = avg_pool_output_shape("avgPool2d", in_shape, a, std::nullopt);
      ASSERT_TRUE(out.ok()) << out.error;
      for (bool include : {false, true}) {
        const AvgPoolGeometry g = avg_pool_geometry(in_shape, out.shape, a, include, 0);
        EXPECT_EQ(bits_any_nan(run(avg_pool, input, g)),
                  bits_any_nan(run(avg_pool_reference, input, g)))
            << "kernel " << kernel << ", stride " << stride;
      }
    }
  }
}

// Windows reaching 64 columns or more are pooled one scalar cell at a time at the row ends;
// narrower ones in clipped vector blocks, each lane with its own divisor.
TEST(AvgPoolKernel, MatchesReferenceWithWideWindows) {
  std::mt19937 rng(23);
  std::uniform_real_distribution<float> uniform(-1.f, 1.f);
  int compared = 0;
  for (int trial = 0; trial < 40; ++trial) {
    const int64_t kw = pick(rng, 40, 90);
    const WindowArgs a{{pick(rng, 1, 3), kw},
                       {pick(rng, 1, 2), pick(rng, 1, 5)},
                       {0, pick(rng, 0, kw / 2)},
                       {1, 1},
                       pick(rng, 0, 1) == 1};
    const Shape in_shape{1, 2, pick(rng, 3, 6), pick(rng, kw / 2 + 1, 200)};
    const ShapeResult out = avg_pool_output_shape("avgPool2d", in_shape, a, std::nullopt);
    if (!out.ok()) continue;
    std::vector<float> input(static_cast<size_t>(element_count(in_shape)));
    for (float& v : input) v = uniform(rng);
    const AvgPoolGeometry g = avg_pool_geometry(in_shape, out.shape, a, pick(rng, 0, 1) == 1, 0);
    ASSERT_EQ(bits_any_nan(run(avg_pool, input, g)),
              bits_any_nan(run(avg_pool_reference, input, g)))
        << "input " << format_shape(in_shape) << " kernel width " << kw << " stride " << a.stride[1]
        << " padding " << a.padding[1];
    ++compared;
  }
  EXPECT_GT(compared, 30);
}

TEST(AvgPoolFixtures, MatchPyTorchBitForBit) {
  const nlohmann::json fixture = testing::load_fixture("avg_pool");
  std::map<std::string, int> matched, rejected;
  for (const auto& c : fixture.at("cases")) {
    SCOPED_TRACE(c.at("name").get<std::string>());
    const std::string op = c.at("op");
    const size_t dims = static_cast<size_t>(op[op.size() - 2] - '0');
    const char* js_op = dims == 1 ? "avgPool1d" : dims == 2 ? "avgPool2d" : "avgPool3d";
    const auto& args = c.at("args");
    const Shape kernel = fixture_tuple(args.at("kernel_size"), dims);
    const Shape stride =
        args.at("stride").is_null() ? kernel : fixture_tuple(args.at("stride"), dims);
    const WindowArgs a{kernel, stride, fixture_tuple(args.at("padding"), dims), Shape(dims, 1),
                       args.at("ceil_mode").get<bool>()};
    std::optional<int64_t> divisor;
    if (args.contains("divisor_override") && !args.at("divisor_override").is_null())
      divisor = args.at("divisor_override").get<int64_t>();
    const testing::FixtureTensor input = fixture_tensor(c.at("input"));
    const ShapeResult out = avg_pool_output_shape(js_op, input.shape, a, divisor);
    if (c.contains("error")) {
      EXPECT_FALSE(out.ok()) << "PyTorch rejects this: " << c.at("error");
      EXPECT_EQ(out.error.rfind(std::string(js_op) + ": ", 0), 0u) << out.error;
      ++rejected[op];
      continue;
    }
    ASSERT_TRUE(out.ok()) << out.error;
    const testing::FixtureTensor expected = fixture_tensor(c.at("output"));
    ASSERT_EQ(out.shape, expected.shape);
    const AvgPoolGeometry g = avg_pool_geometry(
        input.shape, out.shape, a, args.at("count_include_pad").get<bool>(), divisor.value_or(0));
    EXPECT_EQ(bits_any_nan(run(avg_pool, input.floats, g)), bits_any_nan(expected.floats));
    EXPECT_EQ(bits_any_nan(run(avg_pool_reference, input.floats, g)),
              bits_any_nan(expected.floats));
    ++matched[op];
  }
  for (const char* op : {"avg_pool1d", "avg_pool2d", "avg_pool3d"}) {
    EXPECT_GE(matched[op], 40) << op;
    EXPECT_GE(rejected[op], 8) << op;
  }
}

}  // namespace
}  // namespace poolkit
