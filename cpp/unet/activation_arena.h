// The activation memory of one network forward pass, planned before the pass runs. The pass is
// first walked without computing anything, recording each activation's size and lifetime; the
// plan then places every activation at an offset of one block so that activations alive at the
// same time never overlap, and the pass runs for real inside that block. A malloc'ed sequence
// of the same activations fragments the heap (a freed 83 MB block is cut up by later, smaller
// ones and the next large activation goes on top): for the seed UNet at 572x572 that is
// 85 MB of wasm memory more than the activations ever need at once.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/checked_allocation.h"
#include "core/float_buffer.h"

namespace poolkit {

class ActivationArena {
 public:
  // Planning: activations are numbered in allocation order; a step is an allocation or release.
  // `bytes` is nullopt when working it out overflowed.
  int allocate(std::optional<int64_t> bytes);
  void release(int id);

  // Places the planned activations and allocates the block through the checked path: an empty
  // string, or why not (naming `op` and the bytes). After this, allocate() hands out the same
  // activations again, in the same order, and release() does nothing: memory is reused exactly
  // as planned.
  std::string commit(const char* op);

  bool committed() const { return block_ != nullptr; }
  // The planned activation's memory (null while planning).
  float* data(int id) const;
  // The block's size: the most activation memory alive at once, plus alignment.
  int64_t bytes() const { return bytes_; }

 private:
  struct Activation {
    int64_t bytes, offset;
    int first_step, last_step;  // alive in [first_step, last_step]
  };
  int64_t place(const std::vector<size_t>& order);

  std::vector<Activation> activations_;
  int step_ = 0;
  int replayed_ = 0;  // activations handed out since commit()
  int64_t bytes_ = 0;
  // An activation too large for wasm memory on its own (nullopt bytes: overflowed); planning
  // goes on with it as empty and commit() refuses.
  bool too_large_ = false;
  std::optional<int64_t> too_large_bytes_;
  std::unique_ptr<char, FreeWithFree> block_;
};

}  // namespace poolkit
