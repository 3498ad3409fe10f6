#include "core/parallel.h"

#include <algorithm>

#if defined(__EMSCRIPTEN_PTHREADS__) || defined(POOLKIT_NATIVE_THREADS)
#include <atomic>
#include <condition_variable>
#include <limits>
#include <mutex>
#include <thread>
#include <vector>
#define POOLKIT_THREADS 1
#endif

namespace poolkit {

#if POOLKIT_THREADS

namespace {

// The job word below has a byte for the thread count.
constexpr int kMaxThreads = 255;

// A call publishes its body and then one atomic job word (generation and thread count
// together, so a worker never pairs one call's generation with another's count). Workers and
// the caller spin for a while before sleeping on a condition variable: waking a sleeping wasm
// worker costs tens of microseconds, as much as a whole small pooling call, while the next
// call of a network usually comes within that time.
class ThreadPool {
 public:
  explicit ThreadPool(int workers) {
    for (int i = 0; i < workers; ++i) workers_.emplace_back([this, i] { work(i + 1); });
  }

  int size() const { return static_cast<int>(workers_.size()) + 1; }

  void run(int64_t count, int threads, const std::function<void(int64_t, int64_t)>& body) {
    body_ = &body;
    count_ = count;
    pending_.store(threads - 1, std::memory_order_relaxed);
    {
      std::lock_guard<std::mutex> lock(mutex_);
      job_.store((job_.load(std::memory_order_relaxed) & ~kThreadsMask) + kGeneration +
                     static_cast<uint64_t>(threads),
                 std::memory_order_release);
    }
    wake_.notify_all();
    chunk(0, threads, body);
    for (int spin = 0; pending_.load(std::memory_order_acquire) != 0; ++spin) {
      if (spin < kSpins) continue;
      std::unique_lock<std::mutex> lock(mutex_);
      done_.wait(lock, [this] { return pending_.load(std::memory_order_acquire) == 0; });
    }
  }

 private:
  // The job word: generation in the high bits, thread count in the low byte.
  static constexpr uint64_t kThreadsMask = 0xFF;
  static constexpr uint64_t kGeneration = 0x100;
  // Tens of microseconds of polling: enough for the next layer of a network, or the next call
  // from JavaScript, without keeping a core busy while the page does something else.
  static constexpr int kSpins = 1 << 14;

  void chunk(int index, int threads, const std::function<void(int64_t, int64_t)>& body) const {
    const int64_t begin = count_ * index / threads;
    const int64_t end = count_ * (index + 1) / threads;
    if (begin < end) body(begin, end);
  }

  void work(int index) {
    uint64_t seen = 0;
    for (;;) {
      uint64_t job = job_.load(std::memory_order_acquire);
      for (int spin = 0; job == seen; ++spin) {
        if (spin >= kSpins) {
          std::unique_lock<std::mutex> lock(mutex_);
          wake_.wait(lock, [&] { return job_.load(std::memory_order_acquire) != seen; });
        }
        job = job_.load(std::memory_order_acquire);
      }
      seen = job;
      const int threads = static_cast<int>(job & kThreadsMask);
      if (index >= threads) continue;
      // The caller waits for this worker before it publishes another body.
      chunk(index, threads, *body_);
      if (pending_.fetch_sub(1, std::memory_order_acq_rel) == 1) {
        std::lock_guard<std::mutex> lock(mutex_);
        done_.notify_one();
      }
    }
  }

  std::mutex mutex_;
  std::condition_variable wake_, done_;
  std::atomic<uint64_t> job_{0};
  std::atomic<int> pending_{0};
  const std::function<void(int64_t, int64_t)>* body_ = nullptr;
  int64_t count_ = 0;
  std::vector<std::thread> workers_;  // never joined: they live as long as the module
};

ThreadPool* g_pool = nullptr;  // never deleted: its workers live as long as the module
int g_threads = 1;

}  // namespace

void start_threads(int threads) {
  if (g_pool || threads <= 1) return;
  threads = std::min(threads, kMaxThreads);
  g_pool = new ThreadPool(threads - 1);
  g_threads = threads;
}

// Below this much work per thread (inner-loop steps; about 0.3 ms of pooling), one thread
// finishes before the others have woken and handed their part back: in Node on a 2-core VM,
// maxPool2d k3 s2 p1 on 1x64x112x112 (1.4M steps, 0.2 ms) took 0.41 ms on two threads against
// 0.27 on one, and adaptiveAvgPool2d(1) and maxPool3d k2 s2 were slower on two as well.
// Natively (the test build) small calls use the pool too, so the sanitizers see the parallel
// paths of the tests' small inputs.
#if defined(POOLKIT_NATIVE_THREADS)
constexpr int64_t kMinWorkPerThread = 1 << 10;
#else
constexpr int64_t kMinWorkPerThread = 1 << 21;
#endif

void parallel_for(int64_t count, int64_t work_per_item,
                  const std::function<void(int64_t, int64_t)>& body) {
  // Saturating: an estimate is no reason to overflow.
  const int64_t work = std::max<int64_t>(work_per_item, 1);
  const int64_t by_work = count > std::numeric_limits<int64_t>::max() / work
                              ? std::numeric_limits<int64_t>::max()
                              : count * work / kMinWorkPerThread;
  const int threads =
      static_cast<int>(std::min<int64_t>({g_threads, count, std::max<int64_t>(by_work, 1)}));
  if (threads <= 1) {
    if (count > 0) body(0, count);
    return;
  }
  g_pool->run(count, threads, body);
}

void set_num_threads(int threads) { g_threads = std::clamp(threads, 1, max_threads()); }
int num_threads() { return g_threads; }
int max_threads() { return g_pool ? g_pool->size() : 1; }

#else

void parallel_for(int64_t count, int64_t, const std::function<void(int64_t, int64_t)>& body) {
  if (count > 0) body(0, count);
}
void start_threads(int) {}
void set_num_threads(int) {}
int num_threads() { return 1; }
int max_threads() { return 1; }

#endif

}  // namespace poolkit
