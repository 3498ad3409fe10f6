// Working memory that may fail to allocate: kernels check for null and report "out of memory"
// instead of aborting (the wasm build has no exceptions), and the memory is freed with its owner.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>

namespace poolkit {

struct FreeWithFree {
  void operator()(void* p) const { std::free(p); }
};

// `count` floats from malloc, or null.
using FloatBuffer = std::unique_ptr<float, FreeWithFree>;

inline FloatBuffer allocate_floats(int64_t count) {
  return FloatBuffer(static_cast<float*>(std::malloc(static_cast<size_t>(count) * sizeof(float))));
}

}  // namespace poolkit
