#include <memory>

#include "bench/kernel_bench.h"
#include "pool/max_pool3d.h"

namespace poolkit::bench {
namespace {

KernelCase pool_case(const char* input, Pool3dGeometry g, bool indices) {
  const size_t in_count = g.planes * g.in_d * g.in_h * g.in_w;
  auto in = std::make_shared<std::vector<float>>(random_floats(in_count));
  auto out = std::make_shared<std::vector<float>>(g.planes * g.out_d * g.out_h * g.out_w);
  auto idx = std::make_shared<std::vector<int32_t>>(indices ? out->size() : 0);
  return {
      "max_pool3d", input,
      [=] { max_pool3d(in->data(), out->data(), indices ? idx->data() : nullptr, g); },
      [=] { max_pool3d_reference(in->data(), out->data(), indices ? idx->data() : nullptr, g); }};
}

// The benchmark case: a 3d UNet's first pooling.
const Register k2s2([] {
  return pool_case("1x16x32x64x64 k2 s2",
                   {16, 32, 64, 64, 16, 32, 32, 2, 2, 2, 2, 2, 2, 0, 0, 0, 1, 1, 1}, false);
});
const Register k2s2_indices([] {
  return pool_case("1x16x32x64x64 k2 s2 +indices",
                   {16, 32, 64, 64, 16, 32, 32, 2, 2, 2, 2, 2, 2, 0, 0, 0, 1, 1, 1}, true);
});
const Register k3s2p1([] {
  return pool_case("1x16x32x64x64 k3 s2 p1",
                   {16, 32, 64, 64, 16, 32, 32, 3, 3, 3, 2, 2, 2, 1, 1, 1, 1, 1, 1}, false);
});

}  // namespace
}  // namespace poolkit::bench
