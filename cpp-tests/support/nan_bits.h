// Float comparison that is bit-exact except for NaN payloads. Which NaN an operation on two NaNs
// (or inf - inf) returns depends on the CPU and on operand order the compiler may swap, so
// PyTorch's NaNs and ours agree in position, not necessarily in sign or payload.
#pragma once

#include <cmath>
#include <cstdint>
#include <vector>

#include "support/bits.h"

namespace poolkit::testing {

inline std::vector<uint32_t> bits_any_nan(const std::vector<float>& v) {
  std::vector<uint32_t> bits = float_bits(v);
  for (size_t i = 0; i < v.size(); ++i)
    if (std::isnan(v[i])) bits[i] = 0x7FC00000u;
  return bits;
}

}  // namespace poolkit::testing
