#include "pool/pool_shape.h"

#include <gtest/gtest.h>

namespace poolkit {
namespace {

WindowArgs pair_args(int64_t k, int64_t s, int64_t p, int64_t d, bool ceil = false) {
  return {{k, k}, {s, s}, {p, p}, {d, d}, ceil};
}

// The message must name the argument, show its value and state the rule.
TEST(PoolShape, MessagesNameArgumentValueAndRule) {
  const Shape x{1, 1, 4, 4};
  EXPECT_EQ(window_pool_output_shape("maxPool2d", x, pair_args(0, 1, 0, 1)).error,
            "maxPool2d: kernelSize must be greater than zero, got kernelSize=[0, 0]");
  EXPECT_EQ(window_pool_output_shape("maxPool2d", x, pair_args(2, 0, 0, 1)).error,
            "maxPool2d: stride must be greater than zero, got stride=[0, 0]");
  EXPECT_EQ(window_pool_output_shape("maxPool2d", x, pair_args(2, 2, 2, 1)).error,
            "maxPool2d: padding must be at most half of kernelSize, got padding=[2, 2] with "
            "kernelSize=[2, 2]");
  EXPECT_EQ(window_pool_output_shape("maxPool2d", Shape{4, 4}, pair_args(2, 2, 0, 1)).error,
            "maxPool2d: input must be 3D or 4D (C, H, W) or (N, C, H, W), got a 2D tensor of "
            "shape [4, 4]");
  EXPECT_EQ(window_pool_output_shape("maxPool2d", Shape{1, 1, 1, 1}, pair_args(2, 2, 0, 1)).error,
            "maxPool2d: output size must be at least 1, got [0, 0] for input size [1, 1] with "
            "kernelSize=[2, 2], stride=[2, 2], padding=[0, 0], dilation=[1, 1]");
}

TEST(PoolShape, EmptyBatchIsAllowedOtherEmptyDimensionsAreNot) {
  EXPECT_TRUE(window_pool_output_shape("maxPool2d", Shape{0, 2, 4, 4}, pair_args(2, 2, 0, 1)).ok());
  EXPECT_FALSE(
      window_pool_output_shape("maxPool2d", Shape{1, 0, 4, 4}, pair_args(2, 2, 0, 1)).ok());
  EXPECT_FALSE(window_pool_output_shape("maxPool2d", Shape{0, 4, 4}, pair_args(2, 2, 0, 1)).ok());
}

// An empty batch holds no data whatever its other extents, so JavaScript can make a tensor of
// shape [0, 1, 2^31 - 1, ...]; its planes must still fit the int64 arithmetic of the kernels.
// Found by the fuzzer (maxPool3d overflowed working out the plane's volume).
TEST(PoolShape, EmptyBatchItemsMustStillFitInt32) {
  const int64_t big = 2147483647;
  EXPECT_EQ(window_pool_output_shape("maxPool3d", Shape{0, 1, big, big, big},
                                     {{2, 2, 2}, {2, 2, 2}, {0, 0, 0}, {1, 1, 1}, false})
                .error,
            "maxPool3d: input must have at most 2^31 - 1 elements per batch item, got shape [0, 1, "
            "2147483647, 2147483647, 2147483647]");
  EXPECT_EQ(check_spatial_input("maxPool2d", Shape{0, 1, big, 1}, 2), "");
  EXPECT_NE(check_spatial_input("maxPool2d", Shape{0, 2, big, 1}, 2), "");
}

}  // namespace
}  // namespace poolkit
