#include "conv/gemm_microkernel.h"

namespace poolkit {

void gemm_microkernel_reference(size_t depth, const float* a, const float* b, float* c) {
  for (int r = 0; r < kGemmRows; ++r) {
    for (int j = 0; j < kGemmCols; ++j) {
      float sum = 0.f;
      for (size_t k = 0; k < depth; ++k) sum += a[k * kGemmRows + r] * b[k * kGemmCols + j];
      c[r * kGemmCols + j] = sum;
    }
  }
}

}  // namespace poolkit
