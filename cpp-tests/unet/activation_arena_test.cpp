#include "unet/activation_arena.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <random>

namespace poolkit {
namespace {

TEST(ActivationArena, ReusesTheMemoryOfReleasedActivations) {
  ActivationArena arena;
  const int a = arena.allocate(6400);
  const int b = arena.allocate(6400);
  arena.release(a);
  const int c = arena.allocate(6400);
  arena.release(b);
  arena.release(c);
  ASSERT_EQ(arena.commit("test"), "");
  EXPECT_EQ(arena.bytes(), 12800);  // two alive at once, never three
  EXPECT_EQ(arena.data(a), arena.data(c));
  EXPECT_NE(arena.data(a), arena.data(b));
}

// The UNet's top level in miniature: a skip (82) outlives the activation it was computed from
// (83); the decoder then needs the upsampled tensor (61) and its convolution (60) next to it.
// Largest-first places the skip above the 83 and leaves no room for the 60 below it (225);
// placing the long-lived skip first needs only what is alive at once (82 + 61 + 60).
TEST(ActivationArena, PlacesLongLivedActivationsFirstWhenThatNeedsLess) {
  constexpr int64_t kUnit = 6400;
  ActivationArena arena;
  const int a = arena.allocate(83 * kUnit);
  const int skip = arena.allocate(82 * kUnit);
  arena.release(a);
  const int up = arena.allocate(61 * kUnit);
  const int middle = arena.allocate(60 * kUnit);
  arena.release(up);
  arena.release(skip);
  arena.release(middle);
  ASSERT_EQ(arena.commit("test"), "");
  EXPECT_EQ(arena.bytes(), (82 + 61 + 60) * kUnit);
}

TEST(ActivationArena, ReplaysTheSameActivationsInOrderAfterCommit) {
  ActivationArena arena;
  const int a = arena.allocate(10);
  const int b = arena.allocate(20);
  EXPECT_EQ(arena.data(a), nullptr);  // planning: no memory yet
  ASSERT_EQ(arena.commit("test"), "");
  EXPECT_EQ(arena.allocate(10), a);
  arena.release(a);  // ignored: the plan already knows
  EXPECT_EQ(arena.allocate(20), b);
}

// Random sequences: activations alive at the same time never share a byte, every activation
// is 64-byte aligned and inside the block, and the block is no bigger than the sum of sizes.
TEST(ActivationArena, ActivationsAliveTogetherNeverOverlap) {
  std::mt19937 rng(21);
  for (int trial = 0; trial < 200; ++trial) {
    ActivationArena arena;
    struct Planned {
      int id;
      int64_t bytes;
      int first, last;
    };
    std::vector<Planned> planned;
    std::vector<size_t> alive;
    int step = 0;
    int64_t total = 0;
    const int count = 1 + static_cast<int>(rng() % 30);
    for (int k = 0; k < count; ++k) {
      while (!alive.empty() && rng() % 2) {
        const size_t pick = rng() % alive.size();
        arena.release(planned[alive[pick]].id);
        planned[alive[pick]].last = step++;
        alive.erase(alive.begin() + static_cast<std::ptrdiff_t>(pick));
      }
      const int64_t bytes = 1 + static_cast<int64_t>(rng() % 5000);
      planned.push_back({arena.allocate(bytes), bytes, step++, 1 << 30});
      total += (bytes + 63) / 64 * 64;
      alive.push_back(planned.size() - 1);
    }
    ASSERT_EQ(arena.commit("test"), "");
    EXPECT_LE(arena.bytes(), total);
    // The largest activation is placed first, at the block's start.
    const char* base = reinterpret_cast<const char*>(arena.data(planned[0].id));
    for (const Planned& p : planned)
      base = std::min(base, reinterpret_cast<const char*>(arena.data(p.id)));
    for (const Planned& p : planned) {
      const auto* start = reinterpret_cast<const char*>(arena.data(p.id));
      EXPECT_EQ(reinterpret_cast<uintptr_t>(start) % 64, 0u);
      EXPECT_LE(start + p.bytes, base + arena.bytes());
    }
    for (size_t i = 0; i < planned.size(); ++i) {
      for (size_t j = i + 1; j < planned.size(); ++j) {
        const Planned &p = planned[i], &q = planned[j];
        if (p.last < q.first || q.last < p.first) continue;
        const auto* a = reinterpret_cast<const char*>(arena.data(p.id));
        const auto* b = reinterpret_cast<const char*>(arena.data(q.id));
        EXPECT_TRUE(a + p.bytes <= b || b + q.bytes <= a) << "trial " << trial;
      }
    }
  }
}

}  // namespace
}  // namespace poolkit
