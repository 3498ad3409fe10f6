// lpPool1d/2d: normType 0, negative, non-finite (rejected), and the exponents with exact
// arithmetic (1, 2, 3, 0.5) next to general ones. SIMD and reference take the same pow paths
// (torch_pow), so they agree bit for bit but for NaN payloads.
#include <cmath>

#include "fuzz/fuzz_expect.h"
#include "fuzz/fuzz_inputs.h"
#include "pool/lp_pool.h"

namespace poolkit::fuzz {
namespace {

double fuzz_norm_type(FuzzedDataProvider& in) {
  static constexpr double kNorms[] = {
      1, 2,    3,  0.5, 1.5,  2.5,      4,         1.0 / 3,           7,     100,   1e-3,
      0, -0.0, -1, -2,  -0.5, HUGE_VAL, -HUGE_VAL, __builtin_nan(""), 1e300, 5e-324};
  if (in.ConsumeIntegralInRange<int>(0, 7) == 7) return in.ConsumeFloatingPointInRange(-4.0, 12.0);
  return in.PickValueInArray(kNorms);
}

void fuzz_lp_pool(FuzzedDataProvider& in, const char* op, size_t dims, int64_t max_extent) {
  const Shape shape = pool_input_shape(in, dims, max_extent);
  const WindowArgs args = fuzz_window_args(in, dims, 6, 5, false, 1);
  const double norm_type = fuzz_norm_type(in);
  const ShapeResult out = lp_pool_output_shape(op, shape, args, norm_type);
  if (!out.ok()) return expect_clean_rejection(op, out.error);
  expect_pool_shapes(op, shape, out.shape, dims);
  expect_window_rules(op, args);
  expect_rule(op, norm_type > 0 && std::isfinite(norm_type), "normType positive and finite");
  if (too_large(out.shape)) return;

  const AvgPoolGeometry g = avg_pool_geometry(shape, out.shape, args, true, 0);
  const std::vector<float> input = fuzz_floats(in, element_count(shape));
  const size_t n = static_cast<size_t>(element_count(out.shape));
  std::vector<float> fast(n), ref(n), scratch(input.size());
  lp_pool(input.data(), fast.data(), scratch.data(), g, norm_type);
  lp_pool_reference(input.data(), ref.data(), scratch.data(), g, norm_type);
  expect_same_bits_any_nan(op, fast, ref);
}

const RegisterOp lp_pool1d_op("lpPool1d",
                              [](FuzzedDataProvider& in) { fuzz_lp_pool(in, "lpPool1d", 1, 80); });
const RegisterOp lp_pool2d_op("lpPool2d",
                              [](FuzzedDataProvider& in) { fuzz_lp_pool(in, "lpPool2d", 2, 24); });

}  // namespace
}  // namespace poolkit::fuzz
