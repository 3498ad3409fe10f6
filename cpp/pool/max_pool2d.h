// MaxPool2d over NCHW planes, with PyTorch's semantics: windows scan row by row, a value
// replaces the maximum when it is greater or NaN (so NaN propagates and ties keep the first),
// and indices are flat offsets h * in_w + w within the input plane.
#pragma once

#include <cstdint>

#include "pool/pool2d_geometry.h"

namespace poolkit {

// The SIMD kernel. `indices` may be null when they are not wanted.
void max_pool2d(const float* input, float* output, int32_t* indices, const Pool2dGeometry& g);

// The scalar reference twin: ATen's loop, written for clarity, not speed.
void max_pool2d_reference(const float* input, float* output, int32_t* indices,
                          const Pool2dGeometry& g);

}  // namespace poolkit
