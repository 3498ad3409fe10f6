// libFuzzer target: random shapes, arguments and values for every op of the pooling family (one
// *_fuzz.cpp per family). Arguments a check rejects must come back as a message naming the op,
// never a crash; accepted ones must keep PyTorch's rules and give SIMD and scalar-reference
// results that agree bit for bit, with ASan and UBSan watching every access. Built natively with
// clang (POOLKIT_FUZZ=ON); ctest runs it for a bounded time, and it ends by printing how many
// inputs each op rejected, found too large to run, and compared.
#include <fuzzer/FuzzedDataProvider.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>

#include "fuzz/fuzz_ops.h"

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  // libFuzzer ends a run that found nothing with exit(), which runs this.
  std::atexit(poolkit::fuzz::print_tallies);
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  FuzzedDataProvider in(data, size);
  poolkit::fuzz::run_op(in.ConsumeIntegralInRange<size_t>(0, poolkit::fuzz::ops().size() - 1), in);
  return 0;
}
