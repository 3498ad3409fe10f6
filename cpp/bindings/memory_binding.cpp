#include <emscripten/bind.h>
#include <malloc.h>

#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <optional>
#include <string>

#include "bindings/js_interop.h"
#include "core/checked_allocation.h"

namespace poolkit {
namespace {

using emscripten::val;

// Memory for `count` elements that JavaScript fills (tensor(), cat, staged weights): {pointer}
// or {error} naming `op` and the bytes. `count` is a JavaScript number: anything but an integer
// from 0 to 2^53 is refused before it could wrap in a conversion.
val allocate_elements(double count, double element_bytes, std::string op, std::string what) {
  std::optional<int64_t> bytes;
  if (std::isfinite(count) && count >= 0 && count <= 0x1p53 && std::floor(count) == count)
    bytes = checked_bytes({static_cast<int64_t>(count)}, static_cast<int64_t>(element_bytes));
  std::string error;
  void* pointer = checked_malloc(bytes, op.c_str(), what.c_str(), &error);
  if (!pointer) return js::error_result(error);
  val result = val::object();
  result.set("pointer", reinterpret_cast<uintptr_t>(pointer));
  return result;
}

void free_bytes(uintptr_t pointer) { std::free(reinterpret_cast<void*>(pointer)); }

// Bytes currently allocated by malloc: the number a leak test watches (the heap's size itself
// only ever grows). mallinfo's field is an int; wasm32 memory stays below 4 GiB, so read
// unsigned it is right past 2 GiB.
double allocated_bytes() { return static_cast<double>(static_cast<unsigned>(mallinfo().uordblks)); }

}  // namespace
}  // namespace poolkit

EMSCRIPTEN_BINDINGS(memory) {
  emscripten::function("allocate", &poolkit::allocate_elements);
  emscripten::function("free", &poolkit::free_bytes);
  emscripten::function("allocatedBytes", &poolkit::allocated_bytes);
}
