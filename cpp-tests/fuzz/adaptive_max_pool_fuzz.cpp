// adaptiveMaxPool1d/2d/3d: windows wider than four columns take the lane scan whose partial
// results merge by PyTorch's order-free rule; output sizes above the input give overlapping
// windows.
#include "fuzz/fuzz_expect.h"
#include "fuzz/fuzz_inputs.h"
#include "pool/adaptive_max_pool.h"

namespace poolkit::fuzz {
namespace {

void fuzz_adaptive_max_pool(FuzzedDataProvider& in, const char* op, size_t dims,
                            int64_t max_extent) {
  const Shape shape = pool_input_shape(in, dims, max_extent);
  const OutputSize output_size = fuzz_output_size(in, dims, max_extent + 3);
  const ShapeResult out = adaptive_pool_output_shape(op, shape, output_size);
  if (!out.ok()) return expect_clean_rejection(op, out.error);
  expect_adaptive_rules(op, shape, output_size, out.shape);
  if (too_large(out.shape)) return;

  const AdaptivePoolGeometry g = adaptive_pool_geometry(shape, out.shape, dims);
  const std::vector<float> input = fuzz_floats(in, element_count(shape));
  expect_same_max(
      op, element_count(out.shape), in.ConsumeBool(),
      [&](float* o, int32_t* idx) { adaptive_max_pool(input.data(), o, idx, g); },
      [&](float* o, int32_t* idx) { adaptive_max_pool_reference(input.data(), o, idx, g); });
}

const RegisterOp adaptive_max_pool1d_op("adaptiveMaxPool1d", [](FuzzedDataProvider& in) {
  fuzz_adaptive_max_pool(in, "adaptiveMaxPool1d", 1, 80);
});
const RegisterOp adaptive_max_pool2d_op("adaptiveMaxPool2d", [](FuzzedDataProvider& in) {
  fuzz_adaptive_max_pool(in, "adaptiveMaxPool2d", 2, 24);
});
const RegisterOp adaptive_max_pool3d_op("adaptiveMaxPool3d", [](FuzzedDataProvider& in) {
  fuzz_adaptive_max_pool(in, "adaptiveMaxPool3d", 3, 10);
});

}  // namespace
}  // namespace poolkit::fuzz
