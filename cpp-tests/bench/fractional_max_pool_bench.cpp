#include <memory>

#include "bench/kernel_bench.h"
#include "pool/fractional_max_pool.h"

namespace poolkit::bench {
namespace {

KernelCase pool_case(const char* input, Shape in_shape, Shape output, Shape kernel) {
  const FractionalPoolGeometry g = fractional_pool_geometry(in_shape, output, kernel);
  auto in = std::make_shared<std::vector<float>>(random_floats(element_count(in_shape)));
  // random_floats is in [-1, 1); samples must lie in [0, 1).
  auto samples = std::make_shared<std::vector<float>>(random_floats(g.planes * output.size(), 2));
  for (float& s : *samples) s = s < 0 ? -s : s;
  auto out = std::make_shared<std::vector<float>>(g.planes * g.out_d * g.out_h * g.out_w);
  auto idx = std::make_shared<std::vector<int32_t>>(out->size());
  return {"fractional_max_pool", input,
          [=] { fractional_max_pool(in->data(), samples->data(), out->data(), idx->data(), g); },
          [=] {
            fractional_max_pool_reference(in->data(), samples->data(), out->data(), idx->data(), g);
          }};
}

// Graham's fractional max pooling: kernel 2, output ratio 1/sqrt(2).
const Register ratio2d([] {
  return pool_case("1x64x112x112 k2 ->79x79 +idx", {1, 64, 112, 112}, {79, 79}, {2, 2});
});
const Register ratio3d([] {
  return pool_case("1x16x32x64x64 k2 ->22x45x45 +idx", {1, 16, 32, 64, 64}, {22, 45, 45},
                   {2, 2, 2});
});

}  // namespace
}  // namespace poolkit::bench
