// AdaptiveMaxPool1d/2d/3d over (N, C) planes, with PyTorch's semantics (ATen's
// cpu_adaptive_max_pool and adaptive_max_pool3d loops): each window scans depth, rows, then
// columns; a value replaces the maximum when it is greater or NaN (NaN propagates, ties keep the
// first); indices are flat offsets (d * in_h + h) * in_w + w within the input plane.
#pragma once

#include <cstdint>

#include "pool/adaptive_pool_geometry.h"

namespace poolkit {

// The SIMD kernel. `indices` may be null when they are not wanted.
void adaptive_max_pool(const float* input, float* output, int32_t* indices,
                       const AdaptivePoolGeometry& g);

// The scalar reference twin: ATen's loop, written for clarity, not speed.
void adaptive_max_pool_reference(const float* input, float* output, int32_t* indices,
                                 const AdaptivePoolGeometry& g);

}  // namespace poolkit
