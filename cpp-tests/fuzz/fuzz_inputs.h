// The fuzzer's inputs: shapes, arguments and values, small enough for thousands of runs a
// second, with the invalid and extreme values the checks must reject reachable.
#pragma once

#include <fuzzer/FuzzedDataProvider.h>

#include <cstdint>
#include <cstring>
#include <limits>
#include <optional>
#include <vector>

#include "pool/pool_shape.h"

namespace poolkit::fuzz {

// A small value in [valid_low, high], so a run is fast; one time in sixteen just below that
// range (0 or a negative, which the checks must reject), and one time in thirty-two an extreme
// the JavaScript layer lets through (it rejects what does not fit an int32), to reach the checks'
// overflow edges. An exhausted provider gives valid_low.
inline int64_t fuzz_int(FuzzedDataProvider& in, int64_t valid_low, int64_t high) {
  static constexpr int64_t kExtremes[] = {std::numeric_limits<int32_t>::min(),
                                          -65536,
                                          65536,
                                          int64_t{1} << 30,
                                          std::numeric_limits<int32_t>::max() / 2,
                                          std::numeric_limits<int32_t>::max() - 1,
                                          std::numeric_limits<int32_t>::max()};
  switch (in.ConsumeIntegralInRange<int>(0, 31)) {
    case 29:
    case 30:
      return valid_low - in.ConsumeIntegralInRange<int64_t>(1, 2);
    case 31:
      return in.PickValueInArray(kExtremes);
    default:
      return in.ConsumeIntegralInRange<int64_t>(valid_low, high);
  }
}

// One fuzz_int per spatial dimension: a kernelSize, stride, dilation or outputSize.
inline Shape fuzz_ints(FuzzedDataProvider& in, size_t dims, int64_t valid_low, int64_t high) {
  Shape s(dims);
  for (int64_t& v : s) v = fuzz_int(in, valid_low, high);
  return s;
}

// Padding for these kernel sizes: mostly the allowed 0 to kernelSize / 2, sometimes one more.
inline Shape fuzz_padding(FuzzedDataProvider& in, const Shape& kernel_size) {
  Shape s(kernel_size.size());
  for (size_t i = 0; i < s.size(); ++i) {
    const int64_t half = kernel_size[i] >= 0 && kernel_size[i] <= 64 ? kernel_size[i] / 2 : 4;
    s[i] = fuzz_int(in, 0, half + (in.ConsumeIntegralInRange<int>(0, 15) == 15));
  }
  return s;
}

// Sliding-window arguments: kernelSize up to max_kernel, stride up to max_stride, padding as
// fuzz_padding gives it (or none when !padded), dilation up to max_dilation (an op without
// dilation passes 1, which fixes it at 1), ceilMode either way.
inline WindowArgs fuzz_window_args(FuzzedDataProvider& in, size_t dims, int64_t max_kernel,
                                   int64_t max_stride, bool padded, int64_t max_dilation) {
  WindowArgs a;
  a.kernel_size = fuzz_ints(in, dims, 1, max_kernel);
  a.stride = fuzz_ints(in, dims, 1, max_stride);
  a.padding = padded ? fuzz_padding(in, a.kernel_size) : Shape(dims, 0);
  a.dilation = max_dilation > 1 ? fuzz_ints(in, dims, 1, max_dilation) : Shape(dims, 1);
  a.ceil_mode = in.ConsumeBool();
  return a;
}

// Adaptive output sizes: mostly small, often 1 (all ones is adaptiveAvgPool's mean path),
// sometimes null (keep the input's size), 0, negative or huge.
inline std::vector<std::optional<int64_t>> fuzz_output_size(FuzzedDataProvider& in, size_t dims,
                                                            int64_t high) {
  std::vector<std::optional<int64_t>> size(dims);
  for (auto& s : size) {
    switch (in.ConsumeIntegralInRange<int>(0, 7)) {
      case 6:
        s = std::nullopt;
        break;
      case 7:
        s = 1;
        break;
      default:
        s = fuzz_int(in, 1, high);
    }
  }
  return size;
}

// Any rank up to 4, any extents up to 13: for shapes that are mostly wrong.
inline Shape small_shape(FuzzedDataProvider& in, size_t rank) {
  Shape s(rank);
  for (auto& d : s) d = in.ConsumeIntegralInRange<int64_t>(0, 13);
  return s;
}

// An input shape for an op with `dims` spatial dimensions: unbatched (C, ...) or batched
// (N, C, ...) with N, C up to 3 (so up to 9 planes), spatial extents up to `max_extent`, and now
// and then a wrong rank. The batch may be empty; now and then another extent is 0 (rejected).
inline Shape pool_input_shape(FuzzedDataProvider& in, size_t dims, int64_t max_extent) {
  size_t rank = dims + (in.ConsumeBool() ? 2 : 1);
  if (in.ConsumeIntegralInRange<int>(0, 31) == 31)
    rank = in.ConsumeIntegralInRange<size_t>(0, dims + 3);
  Shape s(rank);
  const bool batched = rank == dims + 2;
  for (size_t i = 0; i < rank; ++i) {
    const bool spatial = i + dims >= rank;
    if (batched && i == 0) {
      s[i] = in.ConsumeIntegralInRange<int64_t>(0, 3);
    } else {
      s[i] = in.ConsumeIntegralInRange<int>(0, 31) == 31
                 ? 0
                 : in.ConsumeIntegralInRange<int64_t>(1, spatial ? max_extent : 3);
    }
  }
  // An empty batch holds no data whatever the other extents are, so JavaScript can make a tensor
  // of shape [0, 1, 2^31 - 1, 2^31 - 1] for free.
  if (batched && s[0] == 0 && in.ConsumeIntegralInRange<int>(0, 3) == 3) {
    static constexpr int64_t kHuge[] = {int64_t{1} << 20, int64_t{1} << 30,
                                        std::numeric_limits<int32_t>::max()};
    for (size_t i = 1; i < rank; ++i)
      if (in.ConsumeBool()) s[i] = in.PickValueInArray(kHuge);
  }
  return s;
}

// Input values: NaNs (both signs, any payload), infinities, signed zeros, small integers (ties),
// eighths, arbitrary floats in [-8, 8], and now and then any finite float (subnormals, values
// whose sums overflow). The fuzzer's bytes pick each value's kind; once they run out, a
// generator seeded from them goes on, so large inputs are not all one kind.
inline std::vector<float> fuzz_floats(FuzzedDataProvider& in, int64_t count) {
  uint32_t state = in.ConsumeIntegral<uint32_t>() | 1;
  auto next = [&state] {  // xorshift32
    state ^= state << 13;
    state ^= state >> 17;
    state ^= state << 5;
    return state;
  };
  std::vector<float> v(static_cast<size_t>(count));
  for (float& x : v) {
    const uint32_t kind = in.remaining_bytes() ? in.ConsumeIntegral<uint8_t>() % 16 : next() % 16;
    const uint32_t r = next();
    uint32_t bits;
    switch (kind) {
      case 0:  // a quiet NaN, either sign, any payload
        bits = 0x7FC00000u | (r & 0x803FFFFFu);
        break;
      case 1:
        bits = 0xFF800000u;  // -inf
        break;
      case 2:
        bits = 0x7F800000u;  // +inf
        break;
      case 3:
        bits = 0x80000000u;  // -0
        break;
      case 4:
        bits = 0;
        break;
      case 15:  // any finite float: an all-ones exponent loses its top bit
        bits = (r & 0x7F800000u) == 0x7F800000u ? r & 0xBFFFFFFFu : r;
        break;
      default: {
        const float f = kind < 10   ? static_cast<float>(static_cast<int>(r % 9) - 4)
                        : kind < 12 ? static_cast<float>(static_cast<int>(r % 65) - 32) / 8.f
                                    : static_cast<float>(static_cast<int32_t>(r)) * 0x1p-28f;
        std::memcpy(&bits, &f, sizeof bits);
      }
    }
    std::memcpy(&x, &bits, sizeof x);
  }
  return v;
}

}  // namespace poolkit::fuzz
