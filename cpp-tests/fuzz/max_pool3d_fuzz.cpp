// maxPool3d has three SIMD paths: with indices, and without them the fast pseudo-maximum whose
// NaN blocks are redone exactly; NaN-rich inputs reach the redo.
#include "fuzz/fuzz_expect.h"
#include "fuzz/fuzz_inputs.h"
#include "pool/max_pool3d.h"

namespace poolkit::fuzz {
namespace {

void fuzz_max_pool3d(FuzzedDataProvider& in) {
  const Shape shape = pool_input_shape(in, 3, 12);
  const WindowArgs args = fuzz_window_args(in, 3, 5, 4, true, 3);
  const ShapeResult out = window_pool_output_shape("maxPool3d", shape, args);
  if (!out.ok()) return expect_clean_rejection("maxPool3d", out.error);
  expect_pool_shapes("maxPool3d", shape, out.shape, 3);
  expect_window_rules("maxPool3d", args);
  if (too_large(out.shape)) return;

  const Pool3dGeometry g = pool3d_geometry(shape, out.shape, args);
  const std::vector<float> input = fuzz_floats(in, element_count(shape));
  expect_same_max(
      "maxPool3d", element_count(out.shape), in.ConsumeBool(),
      [&](float* o, int32_t* idx) { max_pool3d(input.data(), o, idx, g); },
      [&](float* o, int32_t* idx) { max_pool3d_reference(input.data(), o, idx, g); });
}

const RegisterOp max_pool3d_op("maxPool3d", fuzz_max_pool3d);

}  // namespace
}  // namespace poolkit::fuzz
