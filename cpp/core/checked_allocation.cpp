#include "core/checked_allocation.h"

#include <algorithm>
#include <cstdlib>

#ifdef __EMSCRIPTEN__
#include <emscripten/heap.h>
extern "C" char __heap_base;
#endif

namespace poolkit {
namespace {

template <typename Counts>
std::optional<int64_t> product(const Counts& counts, int64_t element_bytes) {
  int64_t bytes = element_bytes;
  if (bytes < 0) return std::nullopt;
  for (int64_t n : counts) {
    if (n < 0 || __builtin_mul_overflow(bytes, n, &bytes)) return std::nullopt;
  }
  return bytes;
}

void* allocate(size_t size, int64_t alignment) {
  return alignment > 0 ? std::aligned_alloc(static_cast<size_t>(alignment), size)
                       : std::malloc(size);
}

#ifdef __EMSCRIPTEN__
// Emscripten's dlmalloc moves the heap's end by less than 2 GiB per sbrk call, so a first
// request of 2 GiB or more from a small heap fails although wasm memory could grow to hold it.
// Growing the free top of the heap in 1 GiB steps first (taken, then freed, they merge) lets
// the request through; it costs nothing unless the plain request failed.
void* allocate_in_steps(size_t size, int64_t alignment) {
  constexpr size_t kStep = size_t{1} << 30;
  std::vector<void*> steps;
  for (size_t grown = 0; grown < size; grown += kStep) {
    void* step = std::malloc(kStep);
    if (!step) break;
    steps.push_back(step);
  }
  for (void* step : steps) std::free(step);
  return allocate(size, alignment);
}
#endif

}  // namespace

std::optional<int64_t> checked_bytes(std::initializer_list<int64_t> counts, int64_t element_bytes) {
  return product(counts, element_bytes);
}

std::optional<int64_t> checked_bytes(const std::vector<int64_t>& counts, int64_t element_bytes) {
  return product(counts, element_bytes);
}

std::optional<int64_t> checked_add(std::optional<int64_t> a, std::optional<int64_t> b) {
  int64_t sum;
  if (!a || !b || __builtin_add_overflow(*a, *b, &sum)) return std::nullopt;
  return sum;
}

int64_t allocation_limit() {
#ifdef __EMSCRIPTEN__
  return static_cast<int64_t>(emscripten_get_heap_max()) -
         static_cast<int64_t>(reinterpret_cast<uintptr_t>(&__heap_base));
#else
  return int64_t{1} << 32;
#endif
}

std::string format_bytes(int64_t bytes) {
  std::string digits = std::to_string(bytes);
  const size_t first = digits[0] == '-' ? 1 : 0;
  for (size_t i = digits.size(); i > first + 3; i -= 3) digits.insert(i - 3, ",");
  return digits;
}

std::string check_allocation(const char* op, const char* what, std::optional<int64_t> bytes,
                             int64_t limit) {
  if (bytes && *bytes <= limit) return "";
  const std::string needs = bytes ? format_bytes(*bytes) : "over 2^63";
  return std::string(op) + ": the " + what + " needs " + needs +
         " bytes, more than wasm memory can hold";
}

void* checked_malloc(std::optional<int64_t> bytes, const char* op, const char* what,
                     std::string* error, int64_t alignment) {
  if (bytes && alignment > 0) {
    // Rounded up to a multiple of the alignment, as aligned_alloc requires.
    const int64_t blocks =
        std::max<int64_t>(*bytes, 1) / alignment + (std::max<int64_t>(*bytes, 1) % alignment != 0);
    bytes = checked_bytes({blocks}, alignment);
  }
  std::string refused = check_allocation(op, what, bytes);
  if (!refused.empty()) {
    if (error) *error = std::move(refused);
    return nullptr;
  }
  const size_t size = static_cast<size_t>(*bytes > 0 ? *bytes : 1);
  void* p = allocate(size, alignment);
#ifdef __EMSCRIPTEN__
  if (!p && size >= (size_t{1} << 31)) p = allocate_in_steps(size, alignment);
#endif
  if (!p && error) {
    *error = std::string(op) + ": out of memory allocating " + format_bytes(*bytes) +
             " bytes for the " + what;
  }
  return p;
}

}  // namespace poolkit
