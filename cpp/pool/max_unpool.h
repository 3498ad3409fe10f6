// MaxUnpool1d/2d/3d with PyTorch's semantics (ATen's cpu_max_unpool): the output starts as
// zeros and each input value is written at its index within its (N, C) output plane, in input
// order, so with duplicate indices the last write wins (PyTorch's CPU kernel on one thread).
#pragma once

#include <cstdint>

#include "pool/pool_shape.h"

namespace poolkit {

struct UnpoolGeometry {
  int64_t planes;     // N * C
  int64_t in_plane;   // elements per (n, c) plane of the input and of the indices
  int64_t out_plane;  // elements per (n, c) plane of the output
};

// The geometry of a checked call: input and output shapes with `dims` spatial dimensions.
inline UnpoolGeometry unpool_geometry(const Shape& in, const Shape& out, size_t dims) {
  const size_t first_spatial = in.size() - dims;
  UnpoolGeometry g{first_spatial == 2 ? in[0] * in[1] : in[0], 1, 1};
  for (size_t i = first_spatial; i < in.size(); ++i) g.in_plane *= in[i], g.out_plane *= out[i];
  return g;
}

// The position of the first index outside [0, out_plane), or -1 when all are valid: checked
// before anything is allocated or written (PyTorch reports it after writing the valid ones).
int64_t max_unpool_find_invalid(const int32_t* indices, int64_t count, int64_t out_plane);
int64_t max_unpool_find_invalid_reference(const int32_t* indices, int64_t count, int64_t out_plane);

// The SIMD kernel (vector zero fill; the scatter itself is scalar) and its scalar twin. Indices
// must have been validated.
void max_unpool(const float* input, const int32_t* indices, float* output, const UnpoolGeometry& g);
void max_unpool_reference(const float* input, const int32_t* indices, float* output,
                          const UnpoolGeometry& g);

}  // namespace poolkit
