// The ops the fuzzer drives, one entry per op family (each in its own *_fuzz.cpp), and the
// helpers they share.
#pragma once

#include <fuzzer/FuzzedDataProvider.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <string>
#include <vector>

#include "pool_shape.h"

namespace poolkit::fuzz {

struct FuzzOp {
  const char* name;
  std::function<void(FuzzedDataProvider&)> run;
};

std::vector<FuzzOp>& ops();

struct RegisterOp {
  RegisterOp(const char* name, std::function<void(FuzzedDataProvider&)> run) {
    ops().push_back({name, std::move(run)});
  }
};

// Sizes that stay small (so a run is fast) but include 0 and negatives, which must be rejected.
inline int64_t small_int(FuzzedDataProvider& in, int64_t low = -1, int64_t high = 9) {
  return in.ConsumeIntegralInRange<int64_t>(low, high);
}

inline Shape small_shape(FuzzedDataProvider& in, size_t rank) {
  Shape s(rank);
  for (auto& d : s) d = in.ConsumeIntegralInRange<int64_t>(0, 13);
  return s;
}

// Input values from the fuzzer's bytes, with NaN, infinities and signed zeros reachable.
inline std::vector<float> fuzz_floats(FuzzedDataProvider& in, int64_t count) {
  std::vector<float> v(static_cast<size_t>(count));
  for (float& x : v) {
    switch (in.ConsumeIntegralInRange<int>(0, 7)) {
      case 0: x = __builtin_nanf(""); break;
      case 1: x = -__builtin_inff(); break;
      case 2: x = -0.f; break;
      case 3: x = 0.f; break;
      default: x = static_cast<float>(in.ConsumeIntegralInRange<int>(-4, 4)); break;
    }
  }
  return v;
}

// A rejected argument must produce a message that starts with the op's name.
inline void expect_clean_rejection(const char* op, const std::string& error) {
  if (error.rfind(std::string(op) + ": ", 0) != 0) {
    std::fprintf(stderr, "%s: bad rejection message: '%s'\n", op, error.c_str());
    std::abort();
  }
}

template <typename T>
void expect_same_bits(const char* op, const std::vector<T>& a, const std::vector<T>& b) {
  if (a.size() != b.size() ||
      (!a.empty() && std::memcmp(a.data(), b.data(), a.size() * sizeof(T)) != 0)) {
    std::fprintf(stderr, "%s: SIMD and reference disagree\n", op);
    std::abort();
  }
}

}  // namespace poolkit::fuzz
