// Bit-level float comparison: "bit-exact with PyTorch" includes the sign of zero and which NaN.
#pragma once

#include <cstdint>
#include <cstring>
#include <vector>

namespace poolkit::testing {

inline uint32_t float_bits(float x) {
  uint32_t b;
  std::memcpy(&b, &x, sizeof b);
  return b;
}

inline std::vector<uint32_t> float_bits(const std::vector<float>& v) {
  std::vector<uint32_t> bits(v.size());
  for (size_t i = 0; i < v.size(); ++i) bits[i] = float_bits(v[i]);
  return bits;
}

}  // namespace poolkit::testing
