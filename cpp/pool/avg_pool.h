// AvgPool1d/2d/3d over N*C volumes, with ATen's CPU semantics: each window is summed in float,
// in d, h, w scan order, and divided once. The divisor is divisorOverride if given, else the
// window clipped to the padded input (countIncludePad) or to the input itself; the part of a
// ceil-mode window hanging past the padding never counts.
#pragma once

#include "pool/avg_pool_geometry.h"

namespace poolkit {

// The SIMD kernel.
void avg_pool(const float* input, float* output, const AvgPoolGeometry& g);

// The scalar reference twin: ATen's cpu_avg_pool loop, written for clarity, not speed.
void avg_pool_reference(const float* input, float* output, const AvgPoolGeometry& g);

}  // namespace poolkit
