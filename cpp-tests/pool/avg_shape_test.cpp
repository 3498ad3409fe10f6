// The shape rules the averaging family adds to pool_shape: messages name the argument, show its
// value and state the rule.
#include <gtest/gtest.h>

#include <cmath>

#include "pool/pool_shape.h"

namespace poolkit {
namespace {

WindowArgs cube(int64_t k, int64_t s, int64_t p, size_t dims) {
  return {Shape(dims, k), Shape(dims, s), Shape(dims, p), Shape(dims, 1), false};
}

TEST(AvgPoolShape, DivisorOverrideMustBeANonZeroInt32) {
  const Shape x{1, 1, 4, 4};
  EXPECT_EQ(avg_pool_output_shape("avgPool2d", x, cube(2, 2, 0, 2), 0).error,
            "avgPool2d: divisorOverride must be a non-zero integer from -2147483648 to "
            "2147483647, got divisorOverride=0");
  EXPECT_FALSE(avg_pool_output_shape("avgPool2d", x, cube(2, 2, 0, 2), int64_t{1} << 33).ok());
  EXPECT_TRUE(avg_pool_output_shape("avgPool2d", x, cube(2, 2, 0, 2), -3).ok());
}

TEST(AvgPoolShape, ThreeDimensionalInputMustCoverTheKernelWhateverThePadding) {
  EXPECT_EQ(avg_pool_output_shape("avgPool3d", Shape{1, 1, 1, 4, 4}, cube(2, 1, 1, 3), {}).error,
            "avgPool3d: input must be at least as large as kernelSize in every spatial dimension "
            "(padding does not count), got input size [1, 4, 4] with kernelSize=[2, 2, 2]");
  // 2d follows the general rule: padding may make up for a small input.
  EXPECT_EQ(avg_pool_output_shape("avgPool2d", Shape{1, 1, 1, 4}, cube(2, 1, 1, 2), {}).shape,
            (Shape{1, 1, 2, 5}));
}

TEST(AvgPoolShape, OneDimensionalRankMessage) {
  EXPECT_EQ(avg_pool_output_shape("avgPool1d", Shape{1, 1, 1, 4}, cube(2, 2, 0, 1), {}).error,
            "avgPool1d: input must be 2D or 3D (C, L) or (N, C, L), got a 4D tensor of shape "
            "[1, 1, 1, 4]");
}

TEST(AdaptivePoolShape, NullKeepsTheInputSizeAndZeroIsRejected) {
  EXPECT_EQ(adaptive_pool_output_shape("adaptiveAvgPool2d", Shape{2, 3, 5, 7},
                                       OutputSize{std::nullopt, 2})
                .shape,
            (Shape{2, 3, 5, 2}));
  EXPECT_EQ(
      adaptive_pool_output_shape("adaptiveAvgPool2d", Shape{3, 5, 7}, OutputSize{0, std::nullopt})
          .error,
      "adaptiveAvgPool2d: outputSize must be at least 1 in every dimension, "
      "got outputSize=[0, null]");
  EXPECT_EQ(
      adaptive_pool_output_shape("adaptiveAvgPool3d", Shape{1, 0, 2, 2, 2}, OutputSize{1, 1, 1})
          .error,
      "adaptiveAvgPool3d: input must have non-empty channel and spatial dimensions (only "
      "the batch may be empty), got shape [1, 0, 2, 2, 2]");
  EXPECT_TRUE(adaptive_pool_output_shape("adaptiveAvgPool1d", Shape{0, 2, 9}, OutputSize{4}).ok());
}

TEST(LpPoolShape, NormTypeMustBePositiveAndFinite) {
  const Shape x{1, 1, 4, 4};
  EXPECT_EQ(lp_pool_output_shape("lpPool2d", x, cube(2, 2, 0, 2), -1).error,
            "lpPool2d: normType must be a positive, finite number, got normType=-1");
  EXPECT_FALSE(lp_pool_output_shape("lpPool2d", x, cube(2, 2, 0, 2), 0).ok());
  EXPECT_FALSE(lp_pool_output_shape("lpPool2d", x, cube(2, 2, 0, 2), INFINITY).ok());
  EXPECT_FALSE(lp_pool_output_shape("lpPool2d", x, cube(2, 2, 0, 2), NAN).ok());
  EXPECT_TRUE(lp_pool_output_shape("lpPool2d", x, cube(2, 2, 0, 2), 0.25).ok());
}

}  // namespace
}  // namespace poolkit
