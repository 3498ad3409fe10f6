#include <emscripten/bind.h>

#include "bindings/js_interop.h"
#include "pool/max_pool3d.h"
#include "pool/pool_shape.h"

namespace poolkit {
namespace {

using emscripten::val;

// options: {kernelSize, stride, padding, dilation: [d, h, w], ceilMode, returnIndices}.
val max_pool3d_js(uintptr_t input, val input_shape, val options) {
  const Shape in_shape = js::shape_arg(input_shape);
  const WindowArgs args = js::window_args(options);
  const ShapeResult out = window_pool_output_shape("maxPool3d", in_shape, args);
  js::Outputs o = js::allocate_outputs("maxPool3d", out, options["returnIndices"].as<bool>());
  if (!o.ok()) return js::error_result(o.error());
  max_pool3d(reinterpret_cast<const float*>(input), o.data(), o.indices(),
             pool3d_geometry(in_shape, out.shape, args));
  return o.tensor_result(out.shape);
}

}  // namespace
}  // namespace poolkit

EMSCRIPTEN_BINDINGS(max_pool3d) { emscripten::function("maxPool3d", &poolkit::max_pool3d_js); }
