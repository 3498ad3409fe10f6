// What the fuzzer expects of each op: rejections that name the op, accepted arguments that keep
// the rules, and SIMD kernels that agree with their scalar reference twins.
#pragma once

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <string>
#include <vector>

#include "fuzz/fuzz_ops.h"
#include "pool/pool_shape.h"
#include "support/nan_bits.h"

namespace poolkit::fuzz {

// The checks accept outputs of up to 2^31 - 1 elements (8 GB, more than wasm can allocate, so
// the binding reports out of memory); larger ones than this are checked but not computed, so a
// fuzz input can never ask for gigabytes.
constexpr int64_t kMaxElements = int64_t{1} << 16;

inline bool too_large(const Shape& shape) {
  if (element_count(shape) <= kMaxElements) return false;
  note(Outcome::kTooLarge);
  return true;
}

// The other direction: arguments a check accepts must keep the rules (PyTorch's, and poolkit's
// where it is stricter), restated here apart from the checks, so that a check letting something
// through is caught even when the kernels then agree on a meaningless answer.
inline void expect_rule(const char* op, bool holds, const char* rule) {
  if (!holds) {
    std::fprintf(stderr, "%s: accepted arguments that break the rule: %s\n", op, rule);
    std::abort();
  }
}

inline bool all_at_least(const Shape& s, int64_t low) {
  for (int64_t v : s)
    if (v < low) return false;
  return true;
}

inline Shape spatial(const Shape& s, size_t dims) { return Shape(s.end() - dims, s.end()); }

// An accepted input shape and its output: rank `dims` + 1 or + 2, no empty extent but the
// batch's, the same leading extents in the output and no empty output dimension.
inline void expect_pool_shapes(const char* op, const Shape& in, const Shape& out, size_t dims) {
  expect_rule(op, in.size() == dims + 1 || in.size() == dims + 2, "input rank");
  const size_t first_required = in.size() == dims + 2 ? 1 : 0;
  expect_rule(op, all_at_least(Shape(in.begin() + first_required, in.end()), 1),
              "only the batch may be empty");
  expect_rule(op, out.size() == in.size() && std::equal(in.begin(), in.end() - dims, out.begin()),
              "the output keeps the batch and channels");
  expect_rule(op, all_at_least(spatial(out, dims), 1), "output sizes at least 1");
}

// kernelSize, stride and dilation positive; padding from 0 to half the kernel.
inline void expect_window_rules(const char* op, const WindowArgs& a) {
  expect_rule(op, all_at_least(a.kernel_size, 1), "kernelSize positive");
  expect_rule(op, all_at_least(a.stride, 1), "stride positive");
  expect_rule(op, all_at_least(a.dilation, 1), "dilation positive");
  for (size_t i = 0; i < a.padding.size(); ++i)
    expect_rule(op, a.padding[i] >= 0 && a.padding[i] <= a.kernel_size[i] / 2,
                "padding from 0 to kernelSize / 2");
}

// At most 2^31 - 1 elements in a batch item (an empty batch counts as one).
inline bool batch_item_fits(const Shape& shape, size_t dims) {
  double elements = 1;
  for (size_t i = shape.size() == dims + 2 ? 1 : 0; i < shape.size(); ++i)
    elements *= static_cast<double>(shape[i]);
  return elements <= std::numeric_limits<int32_t>::max();
}

// An accepted adaptive call: output sizes as asked (the input's where null), and not absurd.
inline void expect_adaptive_rules(const char* op, const Shape& in, const OutputSize& size,
                                  const Shape& out) {
  const size_t dims = size.size();
  expect_pool_shapes(op, in, out, dims);
  for (size_t i = 0; i < dims; ++i)
    expect_rule(op, spatial(out, dims)[i] == size[i].value_or(spatial(in, dims)[i]),
                "output sizes as asked");
  expect_rule(op, batch_item_fits(out, dims), "at most 2^31 - 1 output elements per batch item");
}

// A rejected argument must produce a message that starts with the op's name.
inline void expect_clean_rejection(const char* op, const std::string& error) {
  note(Outcome::kRejected);
  if (error.rfind(std::string(op) + ": ", 0) != 0) {
    std::fprintf(stderr, "%s: bad rejection message: '%s'\n", op, error.c_str());
    std::abort();
  }
}

template <typename T>
void expect_same_bits(const char* op, const std::vector<T>& simd, const std::vector<T>& ref) {
  static_assert(sizeof(T) == 4, "floats or int32 indices");
  if (simd.size() != ref.size()) {
    std::fprintf(stderr, "%s: SIMD gave %zu values, reference %zu\n", op, simd.size(), ref.size());
    std::abort();
  }
  for (size_t i = 0; i < simd.size(); ++i) {
    uint32_t a, b;
    std::memcpy(&a, &simd[i], 4);
    std::memcpy(&b, &ref[i], 4);
    if (a != b) {
      std::fprintf(stderr, "%s: SIMD and reference disagree at %zu of %zu: 0x%08x vs 0x%08x\n", op,
                   i, simd.size(), a, b);
      std::abort();
    }
  }
  note(Outcome::kCompared);
}

// For ops that do arithmetic: bit for bit, except which NaN (nan_bits.h says why).
inline void expect_same_bits_any_nan(const char* op, const std::vector<float>& simd,
                                     const std::vector<float>& ref) {
  expect_same_bits(op, testing::bits_any_nan(simd), testing::bits_any_nan(ref));
}

// A max-type op: its SIMD kernel and its reference twin, each called as run(values, indices)
// with indices null when not wanted, must agree bit for bit (values, NaN payloads, indices).
template <typename Simd, typename Reference>
void expect_same_max(const char* op, int64_t count, bool with_indices, Simd simd,
                     Reference reference) {
  const size_t n = static_cast<size_t>(count);
  std::vector<float> fast(n), ref(n);
  std::vector<int32_t> fast_idx(with_indices ? n : 0), ref_idx(with_indices ? n : 0);
  simd(fast.data(), with_indices ? fast_idx.data() : nullptr);
  reference(ref.data(), with_indices ? ref_idx.data() : nullptr);
  expect_same_bits(op, fast, ref);
  expect_same_bits(op, fast_idx, ref_idx);
}

}  // namespace poolkit::fuzz
