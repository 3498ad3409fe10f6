// The two ways max_pool2d.cpp pools, for each other's use.
#pragma once

#include <cstdint>

#include "pool/pool2d_geometry.h"

namespace poolkit {

// Output rows [begin, end), counted over all planes, in exact scan order (NaN, signed zeros
// and indices as ATen gives them). `indices` may be null.
void max_pool2d_exact_rows(const float* input, float* output, int32_t* indices,
                           const Pool2dGeometry& g, int64_t begin, int64_t end);

// The whole pool without indices, separably (max_pool2d_separable.cpp); chunks that meet a NaN
// are redone by max_pool2d_exact_rows.
void max_pool2d_separable(const float* input, float* output, const Pool2dGeometry& g);

}  // namespace poolkit
