#include <memory>

#include "bench/kernel_bench.h"
#include "pool/lp_pool.h"

namespace poolkit::bench {
namespace {

KernelCase lp_case(const char* input, AvgPoolGeometry g, double p) {
  auto in = std::make_shared<std::vector<float>>(random_floats(g.planes * g.in_h * g.in_w));
  auto out = std::make_shared<std::vector<float>>(g.planes * g.out_h * g.out_w);
  auto scratch = std::make_shared<std::vector<float>>(in->size());
  return {"lp_pool2d", input, [=] { lp_pool(in->data(), out->data(), scratch->data(), g, p); },
          [=] { lp_pool_reference(in->data(), out->data(), scratch->data(), g, p); }};
}

const AvgPoolGeometry k2s2{64, 1, 112, 112, 1, 56, 56, 1, 2, 2, 1, 2, 2, 0, 0, 0, true, 0};
const AvgPoolGeometry k3s2{64, 1, 112, 112, 1, 55, 55, 1, 3, 3, 1, 2, 2, 0, 0, 0, true, 0};

const Register p2([] { return lp_case("1x64x112x112 p2 k2 s2", k2s2, 2); });
const Register p2k3([] { return lp_case("1x64x112x112 p2 k3 s2", k3s2, 2); });
const Register p3([] { return lp_case("1x64x112x112 p3 k2 s2", k2s2, 3); });
const Register p15([] { return lp_case("1x64x112x112 p1.5 k2 s2", k2s2, 1.5); });

}  // namespace
}  // namespace poolkit::bench
