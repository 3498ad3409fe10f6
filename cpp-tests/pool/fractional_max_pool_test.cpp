#include "pool/fractional_max_pool.h"

#include <gtest/gtest.h>

#include <chrono>
#include <limits>
#include <random>

#include "pool/fractional_max_pool_shape.h"
#include "support/bits.h"
#include "support/fixture.h"
#include "support/random_data.h"
#include "support/special_floats.h"

namespace poolkit {
namespace {

using testing::pick;

using testing::fixture_tensor;
using testing::fixture_tuple;
using testing::float_bits;

struct Pooled {
  std::vector<float> values;
  std::vector<int32_t> indices;
};

template <typename Kernel>
Pooled run(Kernel kernel, const std::vector<float>& input, const std::vector<float>& samples,
           const FractionalPoolGeometry& g, bool with_indices) {
  const size_t n = static_cast<size_t>(g.planes * g.out_d * g.out_h * g.out_w);
  Pooled p{std::vector<float>(n), std::vector<int32_t>(with_indices ? n : 0)};
  kernel(input.data(), samples.data(), p.values.data(), with_indices ? p.indices.data() : nullptr,
         g);
  return p;
}

TEST(FractionalMaxPoolShape, MessagesNameArgumentValueAndRule) {
  const char* op = "fractionalMaxPool2d";
  EXPECT_EQ(fractional_max_pool_output_shape(op, {1, 2, 5, 5}, {2, 2}, {5, 2}, {1, 2, 2}).error,
            "fractionalMaxPool2d: kernelSize=[2, 2] is too large for outputSize=[5, 2] and input "
            "size [5, 5]: outputSize + kernelSize - 1 must be at most the input size in every "
            "dimension");
  EXPECT_EQ(fractional_max_pool_output_shape("fractionalMaxPool3d", {1, 5, 5, 5}, {2, 2, 2},
                                             {4, 2, 2}, {1, 1, 3})
                .error,
            "fractionalMaxPool3d: kernelSize=[2, 2, 2] is too large for outputSize=[4, 2, 2] and "
            "input size [5, 5, 5]: outputSize + kernelSize - 1 must be less than the input size in "
            "every dimension");
  EXPECT_EQ(fractional_max_pool_output_shape(op, {1, 2, 5, 5}, {0, 2}, {2, 2}, {1, 2, 2}).error,
            "fractionalMaxPool2d: kernelSize must be greater than zero, got kernelSize=[0, 2]");
  EXPECT_EQ(fractional_max_pool_output_shape(op, {1, 2, 5, 5}, {2, 2}, {2, 0}, {1, 2, 2}).error,
            "fractionalMaxPool2d: outputSize must be at least 1 in every dimension, got "
            "outputSize=[2, 0]");
  EXPECT_EQ(fractional_max_pool_output_shape(op, {2, 3, 5, 5}, {2, 2}, {2, 2}, {1, 3, 2}).error,
            "fractionalMaxPool2d: randomSamples must have shape [2, 3, 2] (N, C, 2) or more rows, "
            "got shape [1, 3, 2]");
  // More rows than the batch: the first N are used, as in current PyTorch.
  EXPECT_TRUE(fractional_max_pool_output_shape(op, {3, 5, 5}, {2, 2}, {2, 2}, {2, 3, 2}).ok());
  EXPECT_EQ(fractional_max_pool_output_shape(op, {3, 5, 5}, {2, 2}, {2, 2}, {3, 2}).error,
            "fractionalMaxPool2d: randomSamples must have shape [1, 3, 2] (1, C, 2) for unbatched "
            "input or more rows, got shape [3, 2]");
  const float samples[] = {0.5f, 0.25f, 0.f, 1.f};
  EXPECT_EQ(check_fractional_samples(op, samples, {1, 2, 2}),
            "fractionalMaxPool2d: randomSamples must lie in [0, 1), as torch.rand makes them, got "
            "1 at randomSamples[0, 1, 1]");
  const float nan[] = {std::numeric_limits<float>::quiet_NaN(), 0.5f};
  EXPECT_EQ(check_fractional_samples(op, nan, {1, 1, 2}),
            "fractionalMaxPool2d: randomSamples must lie in [0, 1), as torch.rand makes them, got "
            "nan at randomSamples[0, 0, 0]");
  EXPECT_EQ(check_fractional_samples(op, samples, {1, 1, 2}), "");
}

// The kernels trust that every window lies inside the input; PyTorch's formula guarantees it for
// samples in [0, 1) (the only ones poolkit accepts), float rounding included.
TEST(FractionalIntervals, StayInsideTheInputAndEndAtItsEnd) {
  std::mt19937 rng(1);
  std::uniform_real_distribution<float> unit(0.f, 1.f);
  for (int trial = 0; trial < 20000; ++trial) {
    const int64_t in = 2 + static_cast<int64_t>(rng() % 3000);
    const int64_t k = 1 + static_cast<int64_t>(rng() % std::min<int64_t>(in - 1, 8));
    const int64_t out = 1 + static_cast<int64_t>(rng() % (in - k + 1));
    float u = unit(rng);
    if (trial % 10 == 0) u = std::nextafter(1.f, 0.f);
    if (trial % 10 == 1) u = 0.f;
    std::vector<int64_t> starts(static_cast<size_t>(out));
    fractional_intervals(u, in, out, k, starts.data());
    for (int64_t s : starts) ASSERT_TRUE(s >= 0 && s <= in - k) << in << " " << out << " " << k;
    ASSERT_EQ(starts.back(), in - k);
  }
}

// Output widths 1..19 (every tail of the 4-wide blocks) with random kernels, sizes and samples.
TEST(FractionalMaxPoolKernel, MatchesReferenceBitForBit) {
  std::mt19937 rng(21);
  std::uniform_real_distribution<float> unit(0.f, 1.f);
  int compared = 0;
  for (int64_t out_w = 1; out_w <= 19; ++out_w) {
    for (int trial = 0; trial < 24; ++trial) {
      const size_t dims = trial % 2 ? 3 : 2;
      const bool batched = trial % 3 != 0;
      Shape in_shape, kernel, output;
      if (batched) in_shape.push_back(pick(rng, 1, 2));
      in_shape.push_back(pick(rng, 1, 3));
      const int64_t fit = dims == 3 ? 1 : 0;
      for (size_t d = 0; d + 1 < dims; ++d) {
        const int64_t k = pick(rng, 1, 3), o = pick(rng, 1, 4);
        kernel.push_back(k), output.push_back(o),
            in_shape.push_back(o + k - 1 + fit + pick(rng, 0, 4));
      }
      const int64_t kw = pick(rng, 1, 4);
      kernel.push_back(kw), output.push_back(out_w);
      in_shape.push_back(out_w + kw - 1 + fit + pick(rng, 0, 2 * out_w));
      const Shape samples_shape{batched ? in_shape[0] : 1, in_shape[batched ? 1 : 0],
                                static_cast<int64_t>(dims)};
      const ShapeResult out = fractional_max_pool_output_shape("fractionalMaxPool", in_shape,
                                                               kernel, output, samples_shape);
      ASSERT_TRUE(out.ok()) << out.error;
      const std::vector<float> input =
          testing::special_floats(rng, static_cast<size_t>(element_count(in_shape)));
      std::vector<float> samples(static_cast<size_t>(element_count(samples_shape)));
      for (float& s : samples) s = unit(rng);
      const FractionalPoolGeometry g = fractional_pool_geometry(in_shape, output, kernel);
      for (bool with_indices : {false, true}) {
        const Pooled fast = run(fractional_max_pool, input, samples, g, with_indices);
        const Pooled ref = run(fractional_max_pool_reference, input, samples, g, with_indices);
        ASSERT_EQ(float_bits(fast.values), float_bits(ref.values)) << "width " << out_w;
        ASSERT_EQ(fast.indices, ref.indices) << "width " << out_w;
        ++compared;
      }
    }
  }
  EXPECT_EQ(compared, 19 * 24 * 2);
}

void expect_fixtures_match(size_t dims) {
  const std::string op = "fractional_max_pool" + std::to_string(dims) + "d";
  const std::string js_op = "fractionalMaxPool" + std::to_string(dims) + "d";
  const nlohmann::json fixture = testing::load_fixture(op);
  int matched = 0, rejected = 0;
  for (const auto& c : fixture.at("cases")) {
    SCOPED_TRACE(c.at("name").get<std::string>());
    const auto& args = c.at("args");
    // Rejected before C++ by the JavaScript layer: no output size, or both forms of it. Seeded
    // cases need the JavaScript generator that replays torch.manual_seed.
    if (args.at("output_size").is_null() == args.at("output_ratio").is_null()) continue;
    if (!args.contains("random_samples")) continue;
    const testing::FixtureTensor input = fixture_tensor(c.at("input"));
    const testing::FixtureTensor samples = fixture_tensor(args.at("random_samples"));
    const Shape kernel = fixture_tuple(args.at("kernel_size"), dims);
    Shape output;
    if (!args.at("output_size").is_null()) {
      output = fixture_tuple(args.at("output_size"), dims);
    } else {
      // F.fractional_max_pool*d: int(input size * ratio), in double as Python computes it.
      for (size_t i = 0; i < dims; ++i) {
        const auto& r = args.at("output_ratio");
        const double ratio = r.is_array() ? r[i].get<double>() : r.get<double>();
        const int64_t in =
            input.shape.size() > dims ? input.shape[input.shape.size() - dims + i] : 0;
        output.push_back(static_cast<int64_t>(static_cast<double>(in) * ratio));
      }
    }
    const ShapeResult out =
        fractional_max_pool_output_shape(js_op.c_str(), input.shape, kernel, output, samples.shape);
    const std::string sample_error =
        out.ok() ? check_fractional_samples(js_op.c_str(), samples.floats.data(), samples.shape)
                 : "";
    if (!c.contains("output")) {
      EXPECT_TRUE(!out.ok() || !sample_error.empty()) << "should be rejected";
      const std::string& error = out.ok() ? sample_error : out.error;
      EXPECT_EQ(error.rfind(js_op + ": ", 0), 0u) << error;
      ++rejected;
      continue;
    }
    ASSERT_TRUE(out.ok()) << out.error;
    ASSERT_EQ(sample_error, "");
    const testing::FixtureTensor expected = fixture_tensor(c.at("output"));
    const testing::FixtureTensor expected_indices = fixture_tensor(c.at("indices"));
    ASSERT_EQ(out.shape, expected.shape);
    const FractionalPoolGeometry g = fractional_pool_geometry(input.shape, output, kernel);
    for (auto kernel_fn : {fractional_max_pool, fractional_max_pool_reference}) {
      const Pooled got = run(kernel_fn, input.floats, samples.floats, g, true);
      EXPECT_EQ(float_bits(got.values), float_bits(expected.floats));
      EXPECT_EQ(got.indices, expected_indices.ints);
      EXPECT_EQ(float_bits(run(kernel_fn, input.floats, samples.floats, g, false).values),
                float_bits(expected.floats));
    }
    ++matched;
  }
  EXPECT_GE(matched, 55);
  EXPECT_GE(rejected, 12);
}

// An empty batch holds no data, so its other extents are not bounded by memory: a (0, 1, 2^28, 1)
// input with outputSize (2^28, 1) is legal. Found by the fuzzer: the kernels allocated window
// starts for every output row before finding no plane to pool, 2 GB here (and 16 GB for a
// height of 2^31 - 1, which aborts a wasm module).
TEST(FractionalMaxPoolKernel, EmptyBatchAllocatesNothing) {
  const int64_t tall = int64_t{1} << 28;
  const Shape in_shape{0, 1, tall, 1}, kernel{1, 1}, output{tall, 1};
  const ShapeResult out =
      fractional_max_pool_output_shape("fractionalMaxPool2d", in_shape, kernel, output, {0, 1, 2});
  ASSERT_TRUE(out.ok()) << out.error;
  const FractionalPoolGeometry g = fractional_pool_geometry(in_shape, output, kernel);
  const auto start = std::chrono::steady_clock::now();
  for (auto kernel_fn : {fractional_max_pool, fractional_max_pool_reference})
    for (bool with_indices : {false, true})
      EXPECT_TRUE(run(kernel_fn, {}, {}, g, with_indices).values.empty());
  const auto elapsed = std::chrono::steady_clock::now() - start;
  EXPECT_LT(std::chrono::duration_cast<std::chrono::milliseconds>(elapsed).count(), 200);
}

TEST(FractionalMaxPoolFixtures, MatchPyTorchBitForBit2d) { expect_fixtures_match(2); }
TEST(FractionalMaxPoolFixtures, MatchPyTorchBitForBit3d) { expect_fixtures_match(3); }

}  // namespace
}  // namespace poolkit
