// FractionalMaxPool2d/3d with PyTorch's semantics (ATen's fractional_max_pool{2,3}d CPU loops):
// window starts come from one random sample per plane and dimension through PyTorch's interval
// formula; each window (kernel-sized, always inside the input) scans depth, rows, then columns;
// a value replaces the maximum when it is greater or NaN; indices are flat offsets
// (d * in_h + h) * in_w + w within the input plane. A 2d call has in_d = out_d = kernel_d = 1.
#pragma once

#include <cstdint>

#include "pool/pool_shape.h"

namespace poolkit {

struct FractionalPoolGeometry {
  int64_t planes;  // N * C
  int64_t in_d, in_h, in_w;
  int64_t out_d, out_h, out_w;
  int64_t kernel_d, kernel_h, kernel_w;
  // Each plane has `samples_per_plane` samples; these say which one drives each dimension
  // (PyTorch's 2d kernel reads them as (w, h), its 3d kernel as (t, h, w)).
  int64_t samples_per_plane, sample_d, sample_h, sample_w;
};

// The geometry of a checked call: input shape (2d: 3D or 4D, 3d: 4D or 5D), output sizes and
// kernel sizes with `dims` entries.
FractionalPoolGeometry fractional_pool_geometry(const Shape& in, const Shape& output_size,
                                                const Shape& kernel_size);

// PyTorch's generate_intervals: the window starts along one dimension, computed in float as
// PyTorch computes them for float32 tensors. `starts` receives `out` values in [0, in - k].
void fractional_intervals(float sample, int64_t in, int64_t out, int64_t k, int64_t* starts);

// The SIMD kernel. `samples` holds planes * samples_per_plane values in [0, 1); `indices` may
// be null when they are not wanted.
void fractional_max_pool(const float* input, const float* samples, float* output, int32_t* indices,
                         const FractionalPoolGeometry& g);

// The scalar reference twin: ATen's loop, written for clarity, not speed.
void fractional_max_pool_reference(const float* input, const float* samples, float* output,
                                   int32_t* indices, const FractionalPoolGeometry& g);

}  // namespace poolkit
