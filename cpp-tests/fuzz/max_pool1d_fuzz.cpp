// maxPool1d runs on the 2d kernels (max_pool1d.h); its long rows reach the 4-wide blocks with
// every stride and dilation.
#include "fuzz/fuzz_expect.h"
#include "fuzz/fuzz_inputs.h"
#include "pool/max_pool1d.h"
#include "pool/max_pool2d.h"

namespace poolkit::fuzz {
namespace {

void fuzz_max_pool1d(FuzzedDataProvider& in) {
  const Shape shape = pool_input_shape(in, 1, 60);
  const WindowArgs args = fuzz_window_args(in, 1, 9, 9, true, 4);
  const ShapeResult out = window_pool_output_shape("maxPool1d", shape, args);
  if (!out.ok()) return expect_clean_rejection("maxPool1d", out.error);
  expect_pool_shapes("maxPool1d", shape, out.shape, 1);
  expect_window_rules("maxPool1d", args);
  if (too_large(out.shape)) return;

  const Pool2dGeometry g = max_pool1d_geometry(shape, out.shape, args);
  const std::vector<float> input = fuzz_floats(in, element_count(shape));
  expect_same_max(
      "maxPool1d", element_count(out.shape), in.ConsumeBool(),
      [&](float* o, int32_t* idx) { max_pool2d(input.data(), o, idx, g); },
      [&](float* o, int32_t* idx) { max_pool2d_reference(input.data(), o, idx, g); });
}

const RegisterOp max_pool1d_op("maxPool1d", fuzz_max_pool1d);

}  // namespace
}  // namespace poolkit::fuzz
