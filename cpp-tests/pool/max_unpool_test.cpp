#include "pool/max_unpool.h"

#include <gtest/gtest.h>

#include <random>

#include "pool/max_unpool_shape.h"
#include "support/bits.h"
#include "support/fixture.h"
#include "support/special_floats.h"

namespace poolkit {
namespace {

using testing::fixture_tensor;
using testing::fixture_tuple;
using testing::float_bits;

TEST(MaxUnpoolShape, DefaultAndExplicitOutputSizes) {
  const UnpoolArgs k2{{2, 2}, {2, 2}, {0, 0}, {}};
  EXPECT_EQ(max_unpool_output_shape("maxUnpool2d", {1, 3, 2, 2}, {1, 3, 2, 2}, k2).shape,
            (Shape{1, 3, 4, 4}));
  UnpoolArgs explicit_size = k2;
  explicit_size.output_size = {5, 3};
  EXPECT_EQ(max_unpool_output_shape("maxUnpool2d", {3, 2, 2}, {3, 2, 2}, explicit_size).shape,
            (Shape{3, 5, 3}));
  explicit_size.output_size = {6, 4};
  EXPECT_EQ(max_unpool_output_shape("maxUnpool2d", {3, 2, 2}, {3, 2, 2}, explicit_size).error,
            "maxUnpool2d: outputSize must lie strictly between default size - stride and default "
            "size + stride, got outputSize=[6, 4] where dimension 0 must be between 2 and 6 "
            "(default size [4, 4], stride=[2, 2])");
}

TEST(MaxUnpoolShape, MessagesNameArgumentValueAndRule) {
  const Shape x{1, 1, 3};
  EXPECT_EQ(max_unpool_output_shape("maxUnpool1d", x, x, {{0}, {1}, {0}, {}}).error,
            "maxUnpool1d: kernelSize must be greater than zero, got kernelSize=[0]");
  EXPECT_EQ(max_unpool_output_shape("maxUnpool1d", x, x, {{2}, {0}, {0}, {}}).error,
            "maxUnpool1d: stride must be greater than zero, got stride=[0]");
  EXPECT_EQ(max_unpool_output_shape("maxUnpool1d", x, x, {{2}, {2}, {-1}, {}}).error,
            "maxUnpool1d: padding must be non-negative, got padding=[-1]");
  EXPECT_EQ(max_unpool_output_shape("maxUnpool1d", x, {1, 1, 2}, {{2}, {2}, {0}, {}}).error,
            "maxUnpool1d: indices must have the input's shape [1, 1, 3], got shape [1, 1, 2]");
  EXPECT_EQ(max_unpool_output_shape("maxUnpool1d", {1, 1, 1}, {1, 1, 1}, {{2}, {2}, {1}, {}}).error,
            "maxUnpool1d: output size must be at least 1, got [0] for input size [1] with "
            "kernelSize=[2], stride=[2], padding=[1]");
  EXPECT_EQ(max_unpool_output_shape("maxUnpool1d", x, x, {{2}, {2}, {0}, {int64_t{1} << 40}}).error,
            "maxUnpool1d: kernelSize, stride, padding and outputSize must be below 2^31, got "
            "kernelSize=[2], stride=[2], padding=[0], outputSize=[1099511627776]");
}

// As for adaptive pooling (adaptive_avg_pool_test.cpp): an empty batch must not let an output
// size through whose planes would overflow int64 in the kernel. Found by the fuzzer.
TEST(MaxUnpoolShape, EmptyBatchDoesNotExcuseHugeOutputSizes) {
  const int64_t big = int64_t{1} << 30;
  const Shape x{0, 1, 1, 1, 1};
  EXPECT_EQ(
      max_unpool_output_shape("maxUnpool3d", x, x, {{big, big, big}, {1, 1, 1}, {0, 0, 0}, {}})
          .error,
      "maxUnpool3d: the output of shape [0, 1, 1073741824, 1073741824, 1073741824] would "
      "have more than 2^31 - 1 elements per batch item");
  EXPECT_EQ(
      max_unpool_output_shape("maxUnpool3d", x, x, {{2, 2, 2}, {2, 2, 2}, {0, 0, 0}, {}}).shape,
      (Shape{0, 1, 2, 2, 2}));
}

// Counts 0..70 cover the 16-wide vector blocks and every tail; one bad index (negative, equal
// to the plane size or far past it) is planted anywhere, or none.
TEST(MaxUnpoolKernel, FindInvalidMatchesReference) {
  std::mt19937 rng(3);
  int compared = 0;
  for (int64_t count = 0; count <= 70; ++count) {
    for (int trial = 0; trial < 20; ++trial) {
      const int64_t plane = 1 + static_cast<int64_t>(rng() % 50);
      std::vector<int32_t> indices(static_cast<size_t>(count));
      for (int32_t& i : indices) i = static_cast<int32_t>(rng() % plane);
      if (count > 0 && trial % 4 != 0) {
        const int32_t bad[] = {-1, static_cast<int32_t>(plane), INT32_MIN, INT32_MAX};
        for (int k = 0; k < 1 + trial % 3; ++k) indices[rng() % count] = bad[rng() % 4];
      }
      const int64_t fast = max_unpool_find_invalid(indices.data(), count, plane);
      ASSERT_EQ(fast, max_unpool_find_invalid_reference(indices.data(), count, plane));
      if (count > 0 && trial % 4 != 0) {
        ASSERT_GE(fast, 0);
      }
      ++compared;
    }
  }
  EXPECT_EQ(compared, 71 * 20);
}

// Output planes of 1..40 elements (every tail of the vector zero fill), indices with duplicates.
TEST(MaxUnpoolKernel, MatchesReferenceBitForBit) {
  std::mt19937 rng(9);
  for (int64_t out_plane = 1; out_plane <= 40; ++out_plane) {
    for (int trial = 0; trial < 10; ++trial) {
      const UnpoolGeometry g{1 + static_cast<int64_t>(rng() % 3),
                             1 + static_cast<int64_t>(rng() % 12), out_plane};
      const std::vector<float> input =
          testing::special_floats(rng, static_cast<size_t>(g.planes * g.in_plane));
      std::vector<int32_t> indices(input.size());
      for (int32_t& i : indices) i = static_cast<int32_t>(rng() % out_plane);
      std::vector<float> fast(static_cast<size_t>(g.planes * out_plane), 1.f);
      std::vector<float> ref(fast.size(), 2.f);
      max_unpool(input.data(), indices.data(), fast.data(), g);
      max_unpool_reference(input.data(), indices.data(), ref.data(), g);
      ASSERT_EQ(float_bits(fast), float_bits(ref)) << "plane " << out_plane;
    }
  }
}

void expect_fixtures_match(size_t dims) {
  const std::string op = "max_unpool" + std::to_string(dims) + "d";
  const std::string js_op = "maxUnpool" + std::to_string(dims) + "d";
  const nlohmann::json fixture = testing::load_fixture(op);
  int matched = 0, rejected = 0;
  for (const auto& c : fixture.at("cases")) {
    SCOPED_TRACE(c.at("name").get<std::string>());
    const auto& args = c.at("args");
    UnpoolArgs a;
    a.kernel_size = fixture_tuple(args.at("kernel_size"), dims);
    a.stride = args.at("stride").is_null() ? a.kernel_size : fixture_tuple(args.at("stride"), dims);
    a.padding = fixture_tuple(args.at("padding"), dims);
    if (!args.at("output_size").is_null()) {
      a.output_size = args.at("output_size").get<Shape>();
      // The JavaScript layer takes the last `dims` of dims + 2 sizes and rejects other lengths.
      if (a.output_size.size() == dims + 2)
        a.output_size.erase(a.output_size.begin(), a.output_size.begin() + 2);
      if (a.output_size.size() != dims) continue;
    }
    const testing::FixtureTensor input = fixture_tensor(c.at("input"));
    const testing::FixtureTensor indices = fixture_tensor(args.at("indices"));
    const ShapeResult out = max_unpool_output_shape(js_op.c_str(), input.shape, indices.shape, a);
    const int64_t invalid =
        out.ok() ? max_unpool_find_invalid(indices.ints.data(), element_count(indices.shape),
                                           unpool_geometry(input.shape, out.shape, dims).out_plane)
                 : -1;
    if (!c.contains("output")) {
      // Rejected by the shape rules or, when those pass, by an index outside the output plane.
      EXPECT_TRUE(!out.ok() || invalid >= 0) << "should be rejected";
      if (!out.ok()) {
        EXPECT_EQ(out.error.rfind(js_op + ": ", 0), 0u) << out.error;
      }
      ++rejected;
      continue;
    }
    ASSERT_TRUE(out.ok()) << out.error;
    ASSERT_EQ(invalid, -1);
    const testing::FixtureTensor expected = fixture_tensor(c.at("output"));
    ASSERT_EQ(out.shape, expected.shape);
    const UnpoolGeometry g = unpool_geometry(input.shape, out.shape, dims);
    for (auto kernel_fn : {max_unpool, max_unpool_reference}) {
      std::vector<float> got(expected.floats.size(), 3.f);
      kernel_fn(input.floats.data(), indices.ints.data(), got.data(), g);
      EXPECT_EQ(float_bits(got), float_bits(expected.floats));
    }
    ++matched;
  }
  EXPECT_GE(matched, 60);
  EXPECT_GE(rejected, 15);
}

TEST(MaxUnpoolFixtures, MatchPyTorchBitForBit1d) { expect_fixtures_match(1); }
TEST(MaxUnpoolFixtures, MatchPyTorchBitForBit2d) { expect_fixtures_match(2); }
TEST(MaxUnpoolFixtures, MatchPyTorchBitForBit3d) { expect_fixtures_match(3); }

}  // namespace
}  // namespace poolkit
