// Conv2d over NCHW tensors, with PyTorch's semantics (cross-correlation, zero padding, groups),
// bias and an optional ReLU applied as each output tile is stored.
#pragma once

#include <cstdint>

#include "conv/conv2d_geometry.h"
#include "conv/packed_weights.h"

namespace poolkit {

// One input channel's plane: where it starts and how far apart its rows are. A view can be a
// crop of a larger plane (an offset start and a wider row stride), and consecutive channels can
// come from different tensors: that is how a UNet decoder convolves cat([up, crop(skip)])
// without building it.
struct PlaneView {
  const float* data;
  int64_t row_stride;
};

// The SIMD convolution (Winograd for 3x3 stride-1 layers, conv2d_winograd.h): `input` holds batch *
// in_channels views (batch-major), `output` is contiguous NCHW, `bias` may be null. Returns false
// when its scratch memory (a few packed tiles, never a whole im2col matrix) could not be allocated.
bool conv2d(const PlaneView* input, const PackedWeights& weights, const float* bias, float* output,
            const Conv2dGeometry& g, Activation activation);

// The im2col-tile GEMM path conv2d takes for every geometry Winograd does not cover
// (conv2d_winograd.h).
bool conv2d_direct(const PlaneView* input, const PackedWeights& weights, const float* bias,
                   float* output, const Conv2dGeometry& g, Activation activation);

// The same, on a contiguous NCHW input.
bool conv2d(const float* input, const PackedWeights& weights, const float* bias, float* output,
            const Conv2dGeometry& g, Activation activation);

// The scalar reference twin: PyTorch's definition, one output at a time, on the weight in
// PyTorch's layout.
void conv2d_reference(const float* input, const float* weight, const float* bias, float* output,
                      const Conv2dGeometry& g, Activation activation);

}  // namespace poolkit
