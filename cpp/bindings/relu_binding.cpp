#include <emscripten/bind.h>

#include "activation/relu.h"
#include "bindings/js_interop.h"
#include "core/shape.h"

namespace poolkit {
namespace {

using emscripten::val;

// Any shape, including 0-d and empty tensors.
val relu_js(uintptr_t input, val input_shape) {
  const Shape shape = js::shape_arg(input_shape);
  js::Outputs o = js::allocate_outputs("relu", shape);
  if (!o.ok()) return js::error_result(o.error());
  relu(reinterpret_cast<const float*>(input), o.data(), element_count(shape));
  return o.tensor_result(shape);
}

}  // namespace
}  // namespace poolkit

EMSCRIPTEN_BINDINGS(relu) { emscripten::function("relu", &poolkit::relu_js); }
