// Working memory that may fail to allocate: kernels check for null and report "out of memory"
// instead of aborting (the wasm build has no exceptions), and the memory is freed with its owner.
// Its size goes through the one checked path (checked_allocation.h), like every other.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>

#include "core/checked_allocation.h"

namespace poolkit {

struct FreeWithFree {
  void operator()(void* p) const { std::free(p); }
};

// The product of `counts` floats from malloc, or null (also when the product overflows or
// cannot fit wasm memory).
using FloatBuffer = std::unique_ptr<float, FreeWithFree>;

inline FloatBuffer allocate_floats(std::initializer_list<int64_t> counts) {
  return FloatBuffer(static_cast<float*>(checked_malloc(checked_bytes(counts, sizeof(float)))));
}

}  // namespace poolkit
