#include <memory>

#include "bench/kernel_bench.h"
#include "pool/adaptive_max_pool.h"

namespace poolkit::bench {
namespace {

KernelCase pool_case(const char* input, AdaptivePoolGeometry g) {
  auto in =
      std::make_shared<std::vector<float>>(random_floats(g.planes * g.in_d * g.in_h * g.in_w));
  auto out = std::make_shared<std::vector<float>>(g.planes * g.out_d * g.out_h * g.out_w);
  auto idx = std::make_shared<std::vector<int32_t>>(out->size());
  return {"adaptive_max_pool", input,
          [=] { adaptive_max_pool(in->data(), out->data(), idx->data(), g); },
          [=] { adaptive_max_pool_reference(in->data(), out->data(), idx->data(), g); }};
}

// With indices, as AdaptiveMaxPool modules are often used; the values-only path costs the same.
const Register to7([] {
  return pool_case("1x64x112x112 -> 7x7 +indices", {64, 1, 112, 112, 1, 7, 7});
});
const Register global([] {
  return pool_case("1x64x112x112 -> 1x1 +indices", {64, 1, 112, 112, 1, 1, 1});
});
const Register uneven([] {
  return pool_case("1x64x112x112 -> 5x5 +indices", {64, 1, 112, 112, 1, 5, 5});
});
const Register to3d([] {
  return pool_case("1x16x32x64x64 -> 4x4x4 +indices", {16, 32, 64, 64, 4, 4, 4});
});

}  // namespace
}  // namespace poolkit::bench
