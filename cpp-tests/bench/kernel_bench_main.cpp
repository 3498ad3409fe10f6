#include <algorithm>
#include <chrono>
#include <cstdio>
#include <random>

#include "bench/kernel_bench.h"

namespace poolkit::bench {

std::vector<KernelCase>& registry() {
  static std::vector<KernelCase> cases;
  return cases;
}

// Cases are built lazily so that allocating their inputs happens in main, not at static init.
static std::vector<std::function<KernelCase()>>& makers() {
  static std::vector<std::function<KernelCase()>> m;
  return m;
}

Register::Register(std::function<KernelCase()> make) { makers().push_back(std::move(make)); }

std::vector<float> random_floats(size_t count, unsigned seed) {
  std::mt19937 rng(seed);
  std::uniform_real_distribution<float> u(-1.f, 1.f);
  std::vector<float> v(count);
  for (float& x : v) x = u(rng);
  return v;
}

// Median of `runs` timings after one warm-up, in milliseconds.
static double median_ms(const std::function<void()>& f, int runs) {
  f();
  std::vector<double> t;
  for (int i = 0; i < runs; ++i) {
    const auto start = std::chrono::steady_clock::now();
    f();
    t.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
                    .count());
  }
  std::sort(t.begin(), t.end());
  return t[t.size() / 2];
}

}  // namespace poolkit::bench

// `kernel_bench [family]` times only the cases of one family (e.g. conv2d), with more runs.
int main(int argc, char** argv) {
  const char* only = argc > 1 ? argv[1] : nullptr;
  using namespace poolkit::bench;
#if defined(__wasm_simd128__)
  std::printf("kernels: wasm SIMD128\n");
#else
  std::printf("kernels: native build (SIMD emulated: compare the wasm numbers)\n");
#endif
  std::printf("%-22s %-32s %10s %12s %8s\n", "op", "input", "simd ms", "scalar ms", "speedup");
  for (auto& make : makers()) {
    const KernelCase c = make();
    if (only && c.family != only) continue;
    const double simd = median_ms(c.simd, only ? 41 : 9);
    const double ref = median_ms(c.reference, only ? 3 : 5);
    std::printf("%-22s %-32s %10.2f %12.2f %7.1fx", c.family.c_str(), c.input.c_str(), simd, ref,
                ref / simd);
    if (c.flops > 0) std::printf("  %6.1f GFLOP/s", c.flops / simd * 1e-6);
    std::printf("\n");
  }
  return 0;
}
