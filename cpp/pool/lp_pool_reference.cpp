#include "pool/avg_pool.h"
#include "pool/lp_pool.h"

namespace poolkit {

void lp_pool_reference(const float* input, float* output, float* scratch, const AvgPoolGeometry& g,
                       double norm_type) {
  const int64_t in_count = g.planes * g.in_d * g.in_h * g.in_w;
  const int64_t out_count = g.planes * g.out_d * g.out_h * g.out_w;
  for (int64_t i = 0; i < in_count; ++i) scratch[i] = torch_pow(input[i], norm_type);
  avg_pool_reference(scratch, output, g);
  const float area = static_cast<float>(g.kernel_d * g.kernel_h * g.kernel_w);
  const double inverse = 1.0 / norm_type;
  for (int64_t i = 0; i < out_count; ++i)
    output[i] = torch_pow(signed_relu_abs(output[i]) * area, inverse);
}

}  // namespace poolkit
