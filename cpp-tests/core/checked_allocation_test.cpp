#include "core/checked_allocation.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <cstdlib>
#include <limits>

namespace poolkit {
namespace {

constexpr int64_t kInt64Max = std::numeric_limits<int64_t>::max();
constexpr int64_t kWasm32 = int64_t{1} << 32;

TEST(CheckedBytes, MultipliesInSixtyFourBits) {
  // 2^30 + 16 floats: 64 bytes when size_t is 32 bits, as it is in wasm.
  EXPECT_EQ(checked_bytes({int64_t{1} << 30 | 16}, 4), int64_t{4294967360});
  EXPECT_EQ(checked_bytes({1, 1, 32769, 32769}, 4), int64_t{4295229444});
  EXPECT_EQ(checked_bytes({}, 4), 4);
  EXPECT_EQ(checked_bytes({0, kInt64Max}, 4), 0);
  EXPECT_EQ(checked_bytes({kInt64Max / 4}, 4), kInt64Max / 4 * 4);
}

TEST(CheckedBytes, OverflowAndNegativeCountsAreRefused) {
  EXPECT_EQ(checked_bytes({kInt64Max / 4 + 1}, 4), std::nullopt);
  // stride 2^31 - 1 on both sides of a convTranspose2d: 4.6e18 elements.
  EXPECT_EQ(checked_bytes({int64_t{2147483647}, int64_t{2147483647}}, 4), std::nullopt);
  EXPECT_EQ(checked_bytes({int64_t{1} << 31, int64_t{1} << 31, int64_t{1} << 31}, 1), std::nullopt);
  EXPECT_EQ(checked_bytes({-1}, 4), std::nullopt);
  EXPECT_EQ(checked_bytes({2}, -4), std::nullopt);
  EXPECT_EQ(checked_bytes(std::vector<int64_t>{3, 5}, 4), 60);
}

TEST(CheckedAdd, RefusesOverflowAndMissingTerms) {
  EXPECT_EQ(checked_add(int64_t{1}, int64_t{2}), 3);
  EXPECT_EQ(checked_add(kInt64Max, int64_t{1}), std::nullopt);
  EXPECT_EQ(checked_add(std::nullopt, int64_t{1}), std::nullopt);
}

TEST(CheckAllocation, TheLimitItselfFitsAndOneByteMoreDoesNot) {
  EXPECT_EQ(check_allocation("op", "output", kWasm32, kWasm32), "");
  EXPECT_EQ(check_allocation("maxUnpool1d", "output", kWasm32 + 64, kWasm32),
            "maxUnpool1d: the output needs 4,294,967,360 bytes, more than wasm memory can hold");
  EXPECT_EQ(check_allocation("convTranspose2d", "output", std::nullopt, kWasm32),
            "convTranspose2d: the output needs over 2^63 bytes, more than wasm memory can hold");
}

TEST(CheckAllocation, TheDefaultLimitIsWasm32Memory) {
  EXPECT_GT(allocation_limit(), int64_t{1} << 31);
  EXPECT_LE(allocation_limit(), kWasm32);
}

TEST(FormatBytes, GroupsThousands) {
  EXPECT_EQ(format_bytes(0), "0");
  EXPECT_EQ(format_bytes(999), "999");
  EXPECT_EQ(format_bytes(1000), "1,000");
  EXPECT_EQ(format_bytes(4294967360), "4,294,967,360");
  EXPECT_EQ(format_bytes(kInt64Max), "9,223,372,036,854,775,807");
}

TEST(CheckedMalloc, RefusesBeforeAllocatingAndSaysWhy) {
  std::string error;
  EXPECT_EQ(checked_malloc(allocation_limit() + 1, "relu", "output", &error), nullptr);
  EXPECT_NE(error.find("relu: the output needs "), std::string::npos) << error;
  error.clear();
  EXPECT_EQ(checked_malloc(std::nullopt, "relu", "output", &error), nullptr);
  EXPECT_NE(error.find("over 2^63"), std::string::npos) << error;
}

TEST(CheckedMalloc, GivesAtLeastOneByteAndHonoursAlignment) {
  std::string error;
  void* empty = checked_malloc(int64_t{0}, "op", "output", &error);
  EXPECT_NE(empty, nullptr);
  std::free(empty);
  void* aligned = checked_malloc(int64_t{100}, "op", "output", &error, 64);
  ASSERT_NE(aligned, nullptr);
  EXPECT_EQ(reinterpret_cast<uintptr_t>(aligned) % 64, 0u);
  static_cast<char*>(aligned)[127] = 1;  // rounded up to 128: ASan checks the last byte is ours
  std::free(aligned);
  EXPECT_EQ(error, "");
}

}  // namespace
}  // namespace poolkit
