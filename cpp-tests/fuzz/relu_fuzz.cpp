// relu over runs of every length: the 4-wide blocks and each tail, -0 and NaNs kept as they are.
#include "activation/relu.h"
#include "fuzz/fuzz_expect.h"
#include "fuzz/fuzz_inputs.h"

namespace poolkit::fuzz {
namespace {

void fuzz_relu(FuzzedDataProvider& in) {
  const int64_t count = in.ConsumeIntegralInRange<int64_t>(0, 300);
  const std::vector<float> input = fuzz_floats(in, count);
  std::vector<float> fast(input.size()), ref(input.size());
  relu(input.data(), fast.data(), count);
  relu_reference(input.data(), ref.data(), count);
  expect_same_bits("relu", fast, ref);
}

const RegisterOp relu_op("relu", fuzz_relu);

}  // namespace
}  // namespace poolkit::fuzz
