// The machine's wasm SIMD peak for one thread. wasm SIMD has no fused multiply-add, so a
// convolution's flops are f32x4 multiplies and adds in equal numbers; the peak is how many of
// those the core retires when nothing waits. Six independent multiply chains and six
// independent add chains (named variables, so they stay in registers) keep every FP pipe busy:
// a chain of c = c * a + b would wait for its own mul and add and measure latency instead
// (twelve such chains read about 24 GFLOP/s here), and seven of each spill registers.
// The benchmark divides each convolution's GFLOP/s by this number.
#include <chrono>
#include <cstdio>

#include "core/simd.h"

using namespace poolkit::simd;

namespace {

struct Chains {
  v128 m0, m1, m2, m3, m4, m5;
  v128 s0, s1, s2, s3, s4, s5;
};

__attribute__((noinline)) Chains run(Chains k, v128 a, v128 b, long iterations) {
  for (long it = 0; it < iterations; ++it) {
    k.m0 = f32x4_mul(k.m0, a);
    k.s0 = f32x4_add(k.s0, b);
    k.m1 = f32x4_mul(k.m1, a);
    k.s1 = f32x4_add(k.s1, b);
    k.m2 = f32x4_mul(k.m2, a);
    k.s2 = f32x4_add(k.s2, b);
    k.m3 = f32x4_mul(k.m3, a);
    k.s3 = f32x4_add(k.s3, b);
    k.m4 = f32x4_mul(k.m4, a);
    k.s4 = f32x4_add(k.s4, b);
    k.m5 = f32x4_mul(k.m5, a);
    k.s5 = f32x4_add(k.s5, b);
  }
  return k;
}

}  // namespace

int main() {
  constexpr long kIterations = 100'000'000;
  const v128 one = f32x4_splat(1.f), zero = f32x4_splat(0.f);
  Chains k{one, one, one, one, one, one, zero, zero, zero, zero, zero, zero};
  const v128 a = f32x4_splat(0.9999999f), b = f32x4_splat(1e-9f);
  run(k, a, b, kIterations / 10);  // warm-up: V8 tiers the function up
  const auto start = std::chrono::steady_clock::now();
  k = run(k, a, b, kIterations);
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  float lanes[4];
  f32x4_store(lanes, f32x4_add(f32x4_add(k.m0, k.m5), f32x4_add(k.s0, k.s5)));
  const double flops = 4.0 * 12 * static_cast<double>(kIterations);
  std::printf("wasm SIMD peak: %.1f GFLOP/s (checksum %g)\n", flops / seconds / 1e9, lanes[0]);
  return 0;
}
