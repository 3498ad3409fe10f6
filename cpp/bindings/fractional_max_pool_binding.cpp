#include <emscripten/bind.h>

#include "bindings/js_interop.h"
#include "pool/fractional_max_pool.h"
#include "pool/fractional_max_pool_shape.h"

namespace poolkit {
namespace {

using emscripten::val;

// options: {kernelSize, outputSize: one integer per spatial dimension (an outputRatio already
// turned into sizes), returnIndices}. samples: the randomSamples tensor (drawn by the
// JavaScript layer when the user gave none).
val fractional_max_pool_js(const char* op, uintptr_t input, val input_shape, uintptr_t samples,
                           val samples_shape, val options) {
  const Shape in_shape = js::shape_arg(input_shape);
  const Shape kernel = js::shape_arg(options["kernelSize"]);
  const Shape output = js::shape_arg(options["outputSize"]);
  const Shape s_shape = js::shape_arg(samples_shape);
  const ShapeResult out = fractional_max_pool_output_shape(op, in_shape, kernel, output, s_shape);
  if (!out.ok()) return js::error_result(out.error);
  const float* sample_data = reinterpret_cast<const float*>(samples);
  Shape used_rows = s_shape;  // the first N rows: the kernel reads no others
  used_rows[0] = static_cast<int64_t>(in_shape.size()) == s_shape[2] + 2 ? in_shape[0] : 1;
  const std::string sample_error = check_fractional_samples(op, sample_data, used_rows);
  if (!sample_error.empty()) return js::error_result(sample_error);

  js::Outputs o = js::allocate_outputs(op, out.shape, options["returnIndices"].as<bool>());
  if (!o.ok()) return js::error_result(o.error());
  fractional_max_pool(reinterpret_cast<const float*>(input), sample_data, o.data(), o.indices(),
                      fractional_pool_geometry(in_shape, output, kernel));
  return o.tensor_result(out.shape);
}

val fractional_max_pool2d_js(uintptr_t input, val input_shape, uintptr_t samples, val samples_shape,
                             val options) {
  return fractional_max_pool_js("fractionalMaxPool2d", input, input_shape, samples, samples_shape,
                                options);
}
val fractional_max_pool3d_js(uintptr_t input, val input_shape, uintptr_t samples, val samples_shape,
                             val options) {
  return fractional_max_pool_js("fractionalMaxPool3d", input, input_shape, samples, samples_shape,
                                options);
}

}  // namespace
}  // namespace poolkit

EMSCRIPTEN_BINDINGS(fractional_max_pool) {
  emscripten::function("fractionalMaxPool2d", &poolkit::fractional_max_pool2d_js);
  emscripten::function("fractionalMaxPool3d", &poolkit::fractional_max_pool3d_js);
}
