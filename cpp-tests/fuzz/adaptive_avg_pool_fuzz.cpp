// adaptiveAvgPool1d/2d/3d, including the mean path (every output size 1) and its cascade sum,
// whose chunk levels need planes of 512 values and more: 1d rows go up to 2000.
#include "fuzz/fuzz_expect.h"
#include "fuzz/fuzz_inputs.h"
#include "pool/adaptive_avg_pool.h"
#include "pool/plane_mean.h"

namespace poolkit::fuzz {
namespace {

// What the binding runs for a checked shape, with the SIMD or the reference kernels.
void run(bool simd, const std::vector<float>& input, float* out, const AdaptiveAvgPoolGeometry& g) {
  if (adaptive_avg_pool_is_mean(g)) {
    (simd ? plane_mean : plane_mean_reference)(input.data(), out, g.planes,
                                               g.in_d * g.in_h * g.in_w);
  } else {
    (simd ? adaptive_avg_pool : adaptive_avg_pool_reference)(input.data(), out, g);
  }
}

void fuzz_adaptive_avg_pool(FuzzedDataProvider& in, const char* op, size_t dims,
                            int64_t max_extent) {
  const Shape shape = pool_input_shape(in, dims, max_extent);
  const OutputSize output_size = fuzz_output_size(in, dims, 20);
  const ShapeResult out = adaptive_pool_output_shape(op, shape, output_size);
  if (!out.ok()) return expect_clean_rejection(op, out.error);
  expect_adaptive_rules(op, shape, output_size, out.shape);
  if (too_large(out.shape)) return;

  const AdaptiveAvgPoolGeometry g = adaptive_avg_pool_geometry(shape, out.shape, dims);
  const std::vector<float> input = fuzz_floats(in, element_count(shape));
  const size_t n = static_cast<size_t>(element_count(out.shape));
  std::vector<float> fast(n), ref(n);
  run(true, input, fast.data(), g);
  run(false, input, ref.data(), g);
  expect_same_bits_any_nan(op, fast, ref);
}

const RegisterOp adaptive_avg_pool1d_op("adaptiveAvgPool1d", [](FuzzedDataProvider& in) {
  fuzz_adaptive_avg_pool(in, "adaptiveAvgPool1d", 1, 2000);
});
const RegisterOp adaptive_avg_pool2d_op("adaptiveAvgPool2d", [](FuzzedDataProvider& in) {
  fuzz_adaptive_avg_pool(in, "adaptiveAvgPool2d", 2, 40);
});
const RegisterOp adaptive_avg_pool3d_op("adaptiveAvgPool3d", [](FuzzedDataProvider& in) {
  fuzz_adaptive_avg_pool(in, "adaptiveAvgPool3d", 3, 12);
});

}  // namespace
}  // namespace poolkit::fuzz
