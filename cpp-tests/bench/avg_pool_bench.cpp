#include <memory>

#include "bench/kernel_bench.h"
#include "pool/avg_pool.h"

namespace poolkit::bench {
namespace {

KernelCase pool_case(const char* family, const char* input, AvgPoolGeometry g) {
  auto in =
      std::make_shared<std::vector<float>>(random_floats(g.planes * g.in_d * g.in_h * g.in_w));
  auto out = std::make_shared<std::vector<float>>(g.planes * g.out_d * g.out_h * g.out_w);
  return {family, input, [=] { avg_pool(in->data(), out->data(), g); },
          [=] { avg_pool_reference(in->data(), out->data(), g); }};
}

// {planes, in d h w, out d h w, kernel d h w, stride d h w, pad d h w, countIncludePad, divisor}
const Register k3s1p1([] {
  return pool_case("avg_pool2d", "1x64x112x112 k3 s1 p1 excl.pad",
                   {64, 1, 112, 112, 1, 112, 112, 1, 3, 3, 1, 1, 1, 0, 1, 1, false, 0});
});
const Register k2s2([] {
  return pool_case("avg_pool2d", "1x64x112x112 k2 s2",
                   {64, 1, 112, 112, 1, 56, 56, 1, 2, 2, 1, 2, 2, 0, 0, 0, true, 0});
});
const Register k3s2p1([] {
  return pool_case("avg_pool2d", "1x64x112x112 k3 s2 p1",
                   {64, 1, 112, 112, 1, 56, 56, 1, 3, 3, 1, 2, 2, 0, 1, 1, true, 0});
});
const Register pool1d([] {
  return pool_case("avg_pool1d", "1x64x12544 k3 s1 p1",
                   {64, 1, 1, 12544, 1, 1, 12544, 1, 1, 3, 1, 1, 1, 0, 0, 1, true, 0});
});
const Register pool3d([] {
  return pool_case("avg_pool3d", "1x32x16x56x56 k3 s1 p1",
                   {32, 16, 56, 56, 16, 56, 56, 3, 3, 3, 1, 1, 1, 1, 1, 1, true, 0});
});

}  // namespace
}  // namespace poolkit::bench
