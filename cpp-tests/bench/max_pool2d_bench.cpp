#include <memory>

#include "bench/kernel_bench.h"
#include "pool/max_pool2d.h"

namespace poolkit::bench {
namespace {

KernelCase pool_case(const char* input, Pool2dGeometry g, bool indices) {
  auto in = std::make_shared<std::vector<float>>(random_floats(g.planes * g.in_h * g.in_w));
  auto out = std::make_shared<std::vector<float>>(g.planes * g.out_h * g.out_w);
  auto idx = std::make_shared<std::vector<int32_t>>(indices ? out->size() : 0);
  // The lambdas own the buffers (shared_ptr copies), so they outlive this function.
  return {
      "max_pool2d", input,
      [=] { max_pool2d(in->data(), out->data(), indices ? idx->data() : nullptr, g); },
      [=] { max_pool2d_reference(in->data(), out->data(), indices ? idx->data() : nullptr, g); }};
}

const Register k2s2([] {
  return pool_case("1x64x568x568 k2 s2", {64, 568, 568, 284, 284, 2, 2, 2, 2, 0, 0, 1, 1}, false);
});
const Register k3s2p1([] {
  return pool_case("1x64x112x112 k3 s2 p1", {64, 112, 112, 56, 56, 3, 3, 2, 2, 1, 1, 1, 1}, false);
});
const Register k3s2p1_indices([] {
  return pool_case("1x64x112x112 k3 s2 p1 +indices", {64, 112, 112, 56, 56, 3, 3, 2, 2, 1, 1, 1, 1},
                   true);
});

}  // namespace
}  // namespace poolkit::bench
