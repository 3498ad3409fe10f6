#include <memory>

#include "bench/kernel_bench.h"
#include "pool/adaptive_avg_pool.h"
#include "pool/plane_mean.h"

namespace poolkit::bench {
namespace {

// adaptiveAvgPool2d(1): PyTorch's mean path.
const Register global([] {
  const int64_t planes = 512, size = 28 * 28;
  auto in = std::make_shared<std::vector<float>>(random_floats(planes * size));
  auto out = std::make_shared<std::vector<float>>(planes);
  return KernelCase{"adaptive_avg_pool2d", "1x512x28x28 -> 1 (mean)",
                    [=] { plane_mean(in->data(), out->data(), planes, size); },
                    [=] { plane_mean_reference(in->data(), out->data(), planes, size); }};
});

const Register windows([] {
  const AdaptiveAvgPoolGeometry g{512, 1, 14, 14, 1, 7, 7};
  auto in = std::make_shared<std::vector<float>>(random_floats(g.planes * g.in_h * g.in_w));
  auto out = std::make_shared<std::vector<float>>(g.planes * g.out_h * g.out_w);
  return KernelCase{"adaptive_avg_pool2d", "1x512x14x14 -> 7x7",
                    [=] { adaptive_avg_pool(in->data(), out->data(), g); },
                    [=] { adaptive_avg_pool_reference(in->data(), out->data(), g); }};
});

const Register uneven([] {
  const AdaptiveAvgPoolGeometry g{64, 1, 112, 112, 1, 5, 5};
  auto in = std::make_shared<std::vector<float>>(random_floats(g.planes * g.in_h * g.in_w));
  auto out = std::make_shared<std::vector<float>>(g.planes * g.out_h * g.out_w);
  return KernelCase{"adaptive_avg_pool2d", "1x64x112x112 -> 5x5",
                    [=] { adaptive_avg_pool(in->data(), out->data(), g); },
                    [=] { adaptive_avg_pool_reference(in->data(), out->data(), g); }};
});

}  // namespace
}  // namespace poolkit::bench
