// A small registry of kernel timings: each op's *_bench.cpp registers its SIMD kernel and its
// scalar reference on a typical input, and kernel_bench_main.cpp times them all. Built as wasm
// (the numbers that matter) and natively; run with `npm run bench:kernels`.
#pragma once

#include <functional>
#include <string>
#include <vector>

namespace poolkit::bench {

struct KernelCase {
  std::string family;  // e.g. "max_pool2d"
  std::string input;   // e.g. "1x64x112x112 k3 s2 p1"
  // Each returns a callable that runs the kernel once on data prepared outside the timing.
  std::function<void()> simd;
  std::function<void()> reference;
  // Floating-point operations of one run; when set, the table shows the SIMD kernel's GFLOP/s.
  double flops = 0;
};

std::vector<KernelCase>& registry();

struct Register {
  explicit Register(std::function<KernelCase()> make);
};

// Deterministic pseudo-random floats in [-1, 1).
std::vector<float> random_floats(size_t count, unsigned seed = 1);

}  // namespace poolkit::bench
