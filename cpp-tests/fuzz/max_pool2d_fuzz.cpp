#include "fuzz/fuzz_expect.h"
#include "fuzz/fuzz_inputs.h"
#include "pool/max_pool2d.h"

namespace poolkit::fuzz {
namespace {

void fuzz_max_pool2d(FuzzedDataProvider& in) {
  const Shape shape = pool_input_shape(in, 2, 20);
  const WindowArgs args = fuzz_window_args(in, 2, 9, 9, true, 3);
  const ShapeResult out = window_pool_output_shape("maxPool2d", shape, args);
  if (!out.ok()) return expect_clean_rejection("maxPool2d", out.error);
  expect_pool_shapes("maxPool2d", shape, out.shape, 2);
  expect_window_rules("maxPool2d", args);
  if (too_large(out.shape)) return;

  const Pool2dGeometry g = pool2d_geometry(shape, out.shape, args);
  const std::vector<float> input = fuzz_floats(in, element_count(shape));
  expect_same_max(
      "maxPool2d", element_count(out.shape), in.ConsumeBool(),
      [&](float* o, int32_t* idx) { max_pool2d(input.data(), o, idx, g); },
      [&](float* o, int32_t* idx) { max_pool2d_reference(input.data(), o, idx, g); });
}

const RegisterOp max_pool2d_op("maxPool2d", fuzz_max_pool2d);

}  // namespace
}  // namespace poolkit::fuzz
