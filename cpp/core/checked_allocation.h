// Every size that reaches an allocation goes through here: multiplied out in 64 bits with
// overflow checks and compared with what wasm32 memory can hold before anything is allocated.
// wasm32's size_t is 32 bits, so `size_t(count) * 4` for 2^30 + 16 floats is 64 bytes: a kernel
// would then write far past a small block, over other live tensors.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <vector>

namespace poolkit {

// The product of `counts` and `element_bytes`, or nullopt when a factor is negative or the
// product overflows int64.
std::optional<int64_t> checked_bytes(std::initializer_list<int64_t> counts, int64_t element_bytes);
std::optional<int64_t> checked_bytes(const std::vector<int64_t>& counts, int64_t element_bytes);
// a + b, or nullopt when either is missing or the sum overflows.
std::optional<int64_t> checked_add(std::optional<int64_t> a, std::optional<int64_t> b);

// The largest block wasm memory can ever hold: its maximum size (MAXIMUM_MEMORY) less what lies
// below the heap. Natively the same 4 GiB address space, so the tests see wasm's limits.
int64_t allocation_limit();

// An empty string when `bytes` (nullopt: it overflowed) is at most `limit`, else
// "op: the WHAT needs N bytes, more than wasm memory can hold".
std::string check_allocation(const char* op, const char* what, std::optional<int64_t> bytes,
                             int64_t limit = allocation_limit());

// malloc of a checked size (at least one byte; with `alignment`, aligned_alloc of a multiple of
// it). On failure it returns null and, when `error` is given, says why: the size's check, or
// "op: out of memory allocating N bytes for the WHAT". Free it with std::free.
void* checked_malloc(std::optional<int64_t> bytes, const char* op = "", const char* what = "",
                     std::string* error = nullptr, int64_t alignment = 0);

// 4294967360 as "4,294,967,360".
std::string format_bytes(int64_t bytes);

}  // namespace poolkit
