#include "parallel.h"

#include <algorithm>

#if defined(__EMSCRIPTEN_PTHREADS__) || defined(POOLKIT_NATIVE_THREADS)
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

// Workers sleep on a condition variable between calls. A call publishes the body and a
// generation number; each worker runs its chunk once per generation and reports back.
class ThreadPool {
 public:
  explicit ThreadPool(int workers) {
    for (int i = 0; i < workers; ++i) workers_.emplace_back([this, i] { work(i + 1); });
  }

  int size() const { return static_cast<int>(workers_.size()) + 1; }

  void run(int64_t count, int threads, const std::function<void(int64_t, int64_t)>& body) {
    std::unique_lock<std::mutex> lock(mutex_);
    body_ = &body;
    count_ = count;
    threads_ = threads;
    pending_ = threads - 1;
    ++generation_;
    wake_.notify_all();
    lock.unlock();
    chunk(0, body);
    lock.lock();
    done_.wait(lock, [this] { return pending_ == 0; });
    body_ = nullptr;
  }

 private:
  void chunk(int index, const std::function<void(int64_t, int64_t)>& body) const {
    const int64_t begin = count_ * index / threads_;
    const int64_t end = count_ * (index + 1) / threads_;
    if (begin < end) body(begin, end);
  }

  void work(int index) {
    uint64_t seen = 0;
    std::unique_lock<std::mutex> lock(mutex_);
    for (;;) {
      wake_.wait(lock, [&] { return generation_ != seen; });
      seen = generation_;
      if (index >= threads_) continue;
      const auto* body = body_;
      lock.unlock();
      chunk(index, *body);
      lock.lock();
      if (--pending_ == 0) done_.notify_one();
    }
  }

  std::mutex mutex_;
  std::condition_variable wake_, done_;
  const std::function<void(int64_t, int64_t)>* body_ = nullptr;
  int64_t count_ = 0;
  int threads_ = 1;
  int pending_ = 0;
  uint64_t generation_ = 0;
  std::vector<std::thread> workers_;  // never joined: they live as long as the module
};

ThreadPool* g_pool = nullptr;  // never deleted: its workers live as long as the module
int g_threads = 1;

}  // namespace

void start_threads(int threads) {
  if (g_pool || threads <= 1) return;
  g_pool = new ThreadPool(threads - 1);
  g_threads = threads;
}

// Below this much work per thread, one thread finishes before others would wake up.
constexpr int64_t kMinWorkPerThread = 1 << 16;

void parallel_for(int64_t count, int64_t work_per_item,
                  const std::function<void(int64_t, int64_t)>& body) {
  // Saturating: an estimate is no reason to overflow.
  const int64_t work = std::max<int64_t>(work_per_item, 1);
  const int64_t by_work = count > std::numeric_limits<int64_t>::max() / work
                              ? std::numeric_limits<int64_t>::max()
                              : count * work / kMinWorkPerThread;
  const int threads = static_cast<int>(std::min<int64_t>({g_threads, count, std::max<int64_t>(by_work, 1)}));
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
