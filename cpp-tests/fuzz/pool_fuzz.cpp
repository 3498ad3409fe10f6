// libFuzzer target: random shapes and arguments for every pooling op. Arguments PyTorch rejects
// must come back as a message naming the op (never a crash); accepted ones must give SIMD and
// scalar-reference results that agree bit for bit, with ASan and UBSan watching every access.
// Built natively with clang (POOLKIT_FUZZ=ON); ctest runs it for a bounded time.
#include <fuzzer/FuzzedDataProvider.h>

#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <vector>

#include "fuzz_ops.h"

using poolkit::fuzz::FuzzOp;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  FuzzedDataProvider in(data, size);
  const std::vector<FuzzOp>& ops = poolkit::fuzz::ops();
  const FuzzOp& op = ops[in.ConsumeIntegralInRange<size_t>(0, ops.size() - 1)];
  op.run(in);
  return 0;
}
