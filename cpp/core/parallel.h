// Splits loops across threads. In the pthreads build a fixed pool of workers (started once)
// runs the chunks with the calling thread; in the single-threaded build, and natively unless
// built with threads, everything runs inline, so kernels are written once.
#pragma once

#include <cstdint>
#include <functional>

namespace poolkit {

// Runs body(begin, end) over [0, count) in contiguous chunks, at most one per thread, and
// returns when all are done. Chunks never overlap, so kernels that write disjoint outputs per
// index need no locking. `work_per_item` (roughly, inner-loop steps per index) keeps small
// calls on one thread, where waking the pool would cost more than it saves. Not reentrant: a
// body must not call parallel_for.
void parallel_for(int64_t count, int64_t work_per_item,
                  const std::function<void(int64_t begin, int64_t end)>& body);

// The rows of a pooling output split across threads: body(plane, d, h, row) for each of the
// planes x depth x height output rows, `row` counting them in memory order (so the row starts
// at row * out_w).
template <typename Body>
void parallel_for_rows(int64_t planes, int64_t depth, int64_t height, int64_t work_per_row,
                       const Body& body) {
  const int64_t per_plane = depth * height;
  parallel_for(planes * per_plane, work_per_row, [&](int64_t begin, int64_t end) {
    for (int64_t row = begin; row < end; ++row)
      body(row / per_plane, row % per_plane / height, row % height, row);
  });
}

// Starts the pool once, with threads - 1 workers (the caller is the other one). Without it, or
// in a build without threads, parallel_for runs inline.
void start_threads(int threads);

// The number of threads parallel_for uses (the caller included), at most the pool's size.
void set_num_threads(int threads);
int num_threads();

// The pool's size plus the caller; 1 before start_threads or without threads.
int max_threads();

}  // namespace poolkit
