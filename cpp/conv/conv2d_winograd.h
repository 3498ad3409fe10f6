// Winograd's minimal filtering F(2x2, 3x3) for 3x3, stride-1 convolutions: each 2x2 block of
// outputs costs 16 multiplications per (input, output) channel pair instead of 36. Inputs are
// cut into 4x4 tiles (2 apart), transformed (V = B^T d B), multiplied channel-wise as 16
// independent GEMMs (M = U V, with U = G g G^T the transformed 3x3 filter) and transformed back
// (Y = A^T M A). The transforms only add, subtract and halve, so results stay within a few ulp
// of the direct sums (PyTorch parity tests hold at 1e-5 of the output's magnitude).
//
// Exactness for non-finite values: a tile whose 4x4 input window holds an infinity or a NaN
// (detected after the transform, so an overflow inside it counts too) is computed by direct
// sums, exactly as conv2d's direct path would; otherwise a single NaN would spread to the whole
// tile instead of only to the outputs whose windows see it.
#pragma once

#include "conv/conv2d.h"

namespace poolkit {

// Whether conv2d takes the Winograd path: ungrouped 3x3, stride 1, dilation 1, and enough
// input channels for the transforms to pay off.
bool winograd_applies(const Conv2dGeometry& g);

// The SIMD kernel, on conv2d's inputs (`weights` packed for the direct path; their transform
// is computed per call, so a model stores its weights once). Returns false when its scratch
// memory could not be allocated.
bool conv2d_winograd(const PlaneView* input, const PackedWeights& weights, const float* bias,
                     float* output, const Conv2dGeometry& g, Activation activation);

// The scalar reference twin: the transforms written as the matrix products they are, tile by
// tile, with the same sums in the same order, so it agrees with the kernel bit for bit.
void conv2d_winograd_reference(const float* input, const float* weight, const float* bias,
                               float* output, const Conv2dGeometry& g, Activation activation);

}  // namespace poolkit
