#include "core/parallel.h"

#include <gtest/gtest.h>

#include <atomic>
#include <random>
#include <vector>

#include "pool/max_pool2d.h"
#include "support/bits.h"

namespace poolkit {
namespace {

// Natively every test in this binary runs with a pool of four threads, so the kernels' parallel
// paths are exercised under the sanitizers (the wasm test build has no threads: a no-op there).
class ThreadPoolEnvironment : public ::testing::Environment {
 public:
  void SetUp() override { start_threads(4); }
};
const auto* const environment = ::testing::AddGlobalTestEnvironment(new ThreadPoolEnvironment);

TEST(ParallelFor, CoversEveryIndexExactlyOnce) {
  for (int64_t count : {0, 1, 3, 17, 1000, 100000}) {
    for (int64_t work : {1, 1000, 1 << 20}) {
      std::vector<std::atomic<int>> seen(static_cast<size_t>(count));
      parallel_for(count, work, [&](int64_t begin, int64_t end) {
        for (int64_t i = begin; i < end; ++i) seen[static_cast<size_t>(i)]++;
      });
      for (int64_t i = 0; i < count; ++i) ASSERT_EQ(seen[static_cast<size_t>(i)], 1) << count;
    }
  }
}

TEST(ParallelFor, SplitsLargeWorkAcrossThePool) {
#if defined(POOLKIT_NATIVE_THREADS)
  ASSERT_EQ(max_threads(), 4);
  std::atomic<int> chunks{0};
  parallel_for(1000, 1 << 20, [&](int64_t, int64_t) { chunks++; });
  EXPECT_EQ(chunks, 4);
  set_num_threads(2);
  chunks = 0;
  parallel_for(1000, 1 << 20, [&](int64_t, int64_t) { chunks++; });
  EXPECT_EQ(chunks, 2);
  set_num_threads(4);
  // Small work stays on the calling thread.
  chunks = 0;
  parallel_for(1000, 1, [&](int64_t, int64_t) { chunks++; });
  EXPECT_EQ(chunks, 1);
#else
  GTEST_SKIP() << "built without threads";
#endif
}

TEST(ParallelFor, MaxPool2dOnThePoolMatchesTheReference) {
  std::mt19937 rng(5);
  std::uniform_real_distribution<float> u(-1.f, 1.f);
  const Pool2dGeometry g{24, 66, 70, 33, 35, 2, 2, 2, 2, 0, 0, 1, 1};
  std::vector<float> input(static_cast<size_t>(g.planes * g.in_h * g.in_w));
  for (float& v : input) v = u(rng);
  const size_t n = static_cast<size_t>(g.planes * g.out_h * g.out_w);
  std::vector<float> fast(n), ref(n);
  std::vector<int32_t> fast_idx(n), ref_idx(n);
  max_pool2d(input.data(), fast.data(), fast_idx.data(), g);
  max_pool2d_reference(input.data(), ref.data(), ref_idx.data(), g);
  EXPECT_EQ(testing::float_bits(fast), testing::float_bits(ref));
  EXPECT_EQ(fast_idx, ref_idx);
}

}  // namespace
}  // namespace poolkit
