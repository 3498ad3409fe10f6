// Where a dilated max-pooling window starts inside the input.
#pragma once

#include <cstdint>

namespace poolkit {

// The first tap at or past index 0 of a window starting at `start` (negative in the padding).
// ATen steps there one dilation at a time (while (start < 0) start += dilation), which is a
// billion steps for kernelSize 2^31 - 1 with padding 2^30 - 1, arguments PyTorch accepts; this
// lands on the same tap at once.
inline int64_t first_tap_inside(int64_t start, int64_t dilation) {
  return start >= 0 ? start : start + (-start + dilation - 1) / dilation * dilation;
}

}  // namespace poolkit
