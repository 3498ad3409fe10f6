// ConvTranspose2d over contiguous NCHW tensors, with PyTorch's semantics (the adjoint of
// conv2d: every input pixel adds weight * value into a kernel-sized output window).
#pragma once

#include "conv/conv2d_geometry.h"
#include "conv/packed_weights.h"

namespace poolkit {

// The SIMD transposed convolution: a GEMM of the packed weight, whose rows are (output
// channel, kh, kw), with the input pixels, 8 at a time, each result tile scattered into the
// output. When the kernel tiles the output exactly (kernel == stride, no padding, no
// dilation: the UNet's k=2, s=2 up-convolution) that scatter is a pixel shuffle and every
// output is written once. `bias` may be null. Returns false when its scratch memory could not
// be allocated.
bool conv_transpose2d(const float* input, const PackedWeights& weights, const float* bias,
                      float* output, const Conv2dGeometry& g);

// The scalar reference twin: PyTorch's definition, input pixel by input pixel, on the weight in
// PyTorch's layout (inChannels, outChannels / groups, kH, kW).
void conv_transpose2d_reference(const float* input, const float* weight, const float* bias,
                                float* output, const Conv2dGeometry& g);

}  // namespace poolkit
