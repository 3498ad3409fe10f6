#include "activation/relu.h"

namespace poolkit {

void relu_reference(const float* input, float* output, int64_t count) {
  for (int64_t i = 0; i < count; ++i) output[i] = relu_scalar(input[i]);
}

}  // namespace poolkit
