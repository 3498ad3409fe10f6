#include <memory>

#include "bench/kernel_bench.h"
#include "pool/max_pool1d.h"
#include "pool/max_pool2d.h"

namespace poolkit::bench {
namespace {

// MaxPool1d runs on the 2d kernels with planes of height 1 (max_pool1d.h).
KernelCase pool_case(const char* input, Shape in_shape, WindowArgs a) {
  const Shape out_shape = window_pool_output_shape("maxPool1d", in_shape, a).shape;
  const Pool2dGeometry g = max_pool1d_geometry(in_shape, out_shape, a);
  auto in = std::make_shared<std::vector<float>>(random_floats(element_count(in_shape)));
  auto out = std::make_shared<std::vector<float>>(element_count(out_shape));
  return {"max_pool1d", input, [=] { max_pool2d(in->data(), out->data(), nullptr, g); },
          [=] { max_pool2d_reference(in->data(), out->data(), nullptr, g); }};
}

const Register k3s2p1([] {
  return pool_case("1x64x12544 k3 s2 p1", {1, 64, 12544}, {{3}, {2}, {1}, {1}, false});
});

}  // namespace
}  // namespace poolkit::bench
