// The machine's wasm SIMD peak for one thread: twelve independent multiply-add chains (wasm
// SIMD has no fused multiply-add, so a mul and an add per lane are two flops in two
// instructions). The benchmark divides each convolution's GFLOP/s by this number.
#include <chrono>
#include <cstdio>

#include "simd.h"

using namespace poolkit::simd;

int main() {
  constexpr int kChains = 12;
  constexpr long kIterations = 50'000'000;
  v128 acc[kChains];
  for (int i = 0; i < kChains; ++i) acc[i] = f32x4_splat(static_cast<float>(i) * 1e-3f);
  const v128 a = f32x4_splat(0.999999f), b = f32x4_splat(1e-7f);
  const auto start = std::chrono::steady_clock::now();
  for (long it = 0; it < kIterations; ++it) {
    for (int i = 0; i < kChains; ++i) acc[i] = f32x4_add(f32x4_mul(acc[i], a), b);
  }
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  float sink[4] = {0, 0, 0, 0};
  for (int i = 0; i < kChains; ++i) {
    float lanes[4];
    f32x4_store(lanes, acc[i]);
    for (int j = 0; j < 4; ++j) sink[j] += lanes[j];
  }
  const double flops = 2.0 * 4 * kChains * static_cast<double>(kIterations);
  std::printf("wasm SIMD peak: %.1f GFLOP/s (checksum %g)\n", flops / seconds / 1e9, sink[0]);
  return 0;
}
