#include <emscripten/bind.h>
#include <malloc.h>

#include <cstdint>
#include <cstdlib>

namespace poolkit {
namespace {

uintptr_t allocate_bytes(double bytes) {
  return reinterpret_cast<uintptr_t>(std::malloc(static_cast<size_t>(bytes > 0 ? bytes : 1)));
}

void free_bytes(uintptr_t pointer) { std::free(reinterpret_cast<void*>(pointer)); }

// Bytes currently allocated by malloc: the number a leak test watches (the heap's size itself
// only ever grows).
double allocated_bytes() { return static_cast<double>(mallinfo().uordblks); }

}  // namespace
}  // namespace poolkit

EMSCRIPTEN_BINDINGS(memory) {
  emscripten::function("allocate", &poolkit::allocate_bytes);
  emscripten::function("free", &poolkit::free_bytes);
  emscripten::function("allocatedBytes", &poolkit::allocated_bytes);
}
