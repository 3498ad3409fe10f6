#include <emscripten/bind.h>

#include "bindings/js_interop.h"
#include "pool/adaptive_max_pool.h"
#include "pool/pool_shape.h"

namespace poolkit {
namespace {

using emscripten::val;

// options: {outputSize: one integer per spatial dimension (null already replaced by the input's
// size), returnIndices}.
val adaptive_max_pool_js(const char* op, size_t dims, uintptr_t input, val input_shape,
                         val options) {
  const Shape in_shape = js::shape_arg(input_shape);
  const Shape sizes = js::shape_arg(options["outputSize"]);
  const ShapeResult out =
      adaptive_pool_output_shape(op, in_shape, OutputSize(sizes.begin(), sizes.end()));
  js::Outputs o = js::allocate_outputs(op, out, options["returnIndices"].as<bool>());
  if (!o.ok()) return js::error_result(o.error());
  adaptive_max_pool(reinterpret_cast<const float*>(input), o.data(), o.indices(),
                    adaptive_pool_geometry(in_shape, out.shape, dims));
  return o.tensor_result(out.shape);
}

val adaptive_max_pool1d_js(uintptr_t input, val input_shape, val options) {
  return adaptive_max_pool_js("adaptiveMaxPool1d", 1, input, input_shape, options);
}
val adaptive_max_pool2d_js(uintptr_t input, val input_shape, val options) {
  return adaptive_max_pool_js("adaptiveMaxPool2d", 2, input, input_shape, options);
}
val adaptive_max_pool3d_js(uintptr_t input, val input_shape, val options) {
  return adaptive_max_pool_js("adaptiveMaxPool3d", 3, input, input_shape, options);
}

}  // namespace
}  // namespace poolkit

EMSCRIPTEN_BINDINGS(adaptive_max_pool) {
  emscripten::function("adaptiveMaxPool1d", &poolkit::adaptive_max_pool1d_js);
  emscripten::function("adaptiveMaxPool2d", &poolkit::adaptive_max_pool2d_js);
  emscripten::function("adaptiveMaxPool3d", &poolkit::adaptive_max_pool3d_js);
}
