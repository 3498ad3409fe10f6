#include "activation/relu.h"

#include "core/simd.h"

namespace poolkit {

void relu(const float* input, float* output, int64_t count) {
  using namespace simd;
  // A select, not f32x4.max: max would turn -0 into +0 and differs from ATen's std::max on NaN.
  const v128 zero = f32x4_splat(0.f);
  int64_t i = 0;
  for (; i + 4 <= count; i += 4) {
    const v128 x = f32x4_load(input + i);
    f32x4_store(output + i, v128_select(zero, x, f32x4_lt(x, zero)));
  }
  for (; i < count; ++i) output[i] = relu_scalar(input[i]);
}

}  // namespace poolkit
