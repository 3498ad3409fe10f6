#include <memory>

#include "activation/relu.h"
#include "bench/kernel_bench.h"

namespace poolkit::bench {
namespace {

const Register feature_map([] {
  const int64_t n = 64 * 112 * 112;
  auto in = std::make_shared<std::vector<float>>(random_floats(n));
  auto out = std::make_shared<std::vector<float>>(n);
  return KernelCase{"relu", "1x64x112x112", [=] { relu(in->data(), out->data(), n); },
                    [=] { relu_reference(in->data(), out->data(), n); }};
});

}  // namespace
}  // namespace poolkit::bench
