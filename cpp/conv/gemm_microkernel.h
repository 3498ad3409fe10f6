// The register-blocked inner loop every convolution here runs on: one kGemmRows x kGemmCols
// tile of C = A * B, where A is a packed weight panel (packed_weights.h) and B a packed tile of
// kGemmCols input columns (im2col restricted to 8 output pixels, so it stays in cache and is
// reused by every block of output channels).
#pragma once

#include <cstddef>

namespace poolkit {

// Rows of the tile: output channels of a convolution (splatted weights). wasm has no fused
// multiply-add, so each step needs a temporary for the product besides the accumulators, the B
// vectors and the splatted weight. 5 x 8 (10 accumulators) fits the 15 vector registers V8
// allocates on x86-64; 6 x 8 spills (measured in wasm under Node 20 on a Zen 4: 5 x 8 about
// 43 GFLOP/s, 4 x 8 and 2 x 16 about 40, 6 x 8 about 26).
constexpr int kGemmRows = 5;
// Columns of the tile: output pixels (two 4-lane vectors).
constexpr int kGemmCols = 8;

// c[r * kGemmCols + j] = sum over k < depth of a[k * kGemmRows + r] * b[k * kGemmCols + j],
// summed in order of k.
void gemm_microkernel(size_t depth, const float* a, const float* b, float* c);

// The scalar reference twin: the same sums in the same order.
void gemm_microkernel_reference(size_t depth, const float* a, const float* b, float* c);

}  // namespace poolkit
