// MaxPool3d over NCDHW volumes, with PyTorch's semantics (ATen's max_pool3d CPU loop): windows
// scan depth, then rows, then columns; a value replaces the maximum when it is greater or NaN
// (so NaN propagates and ties keep the first); indices are flat offsets (d * in_h + h) * in_w + w
// within the input volume.
#pragma once

#include <cstdint>

#include "pool/pool3d_geometry.h"

namespace poolkit {

// The SIMD kernel. `indices` may be null when they are not wanted.
void max_pool3d(const float* input, float* output, int32_t* indices, const Pool3dGeometry& g);

// The scalar reference twin: ATen's loop, written for clarity, not speed.
void max_pool3d_reference(const float* input, float* output, int32_t* indices,
                          const Pool3dGeometry& g);

}  // namespace poolkit
