#include "conv/gemm_microkernel.h"

#include <gtest/gtest.h>

#include <random>
#include <vector>

#include "support/close.h"

namespace poolkit {
namespace {

// Depths 0..40, with NaN in some runs.
TEST(GemmMicrokernel, MatchesReference) {
  std::mt19937 rng(11);
  std::uniform_real_distribution<float> uniform(-1.f, 1.f);
  for (size_t depth = 0; depth <= 40; ++depth) {
    std::vector<float> a(depth * kGemmRows), b(depth * kGemmCols);
    for (float& v : a) v = uniform(rng);
    for (float& v : b) v = uniform(rng);
    if (depth % 7 == 3) b[depth] = std::numeric_limits<float>::quiet_NaN();
    std::vector<float> fast(kGemmRows * kGemmCols), ref(kGemmRows * kGemmCols);
    gemm_microkernel(depth, a.data(), b.data(), fast.data());
    gemm_microkernel_reference(depth, a.data(), b.data(), ref.data());
    EXPECT_TRUE(testing::all_close(fast, ref, 1e-6)) << "depth " << depth;
  }
}

TEST(GemmMicrokernel, ComputesAProduct) {
  // A: row r of step k is r + k; B: step k is [k, k+1, ..., k+7]. c[r][j] = sum_k (r+k)(k+j).
  const size_t depth = 3;
  std::vector<float> a(depth * kGemmRows), b(depth * kGemmCols);
  for (size_t k = 0; k < depth; ++k) {
    for (int r = 0; r < kGemmRows; ++r) a[k * kGemmRows + r] = static_cast<float>(r + k);
    for (int j = 0; j < kGemmCols; ++j) b[k * kGemmCols + j] = static_cast<float>(k + j);
  }
  std::vector<float> c(kGemmRows * kGemmCols);
  gemm_microkernel(depth, a.data(), b.data(), c.data());
  for (int r = 0; r < kGemmRows; ++r) {
    for (int j = 0; j < kGemmCols; ++j) {
      float expected = 0;
      for (size_t k = 0; k < depth; ++k) expected += static_cast<float>((r + k) * (k + j));
      EXPECT_EQ(c[r * kGemmCols + j], expected) << r << "," << j;
    }
  }
}

}  // namespace
}  // namespace poolkit
