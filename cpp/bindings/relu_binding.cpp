#include <emscripten/bind.h>

#include "../pool_shape.h"
#include "../relu.h"
#include "js_interop.h"

namespace poolkit {
namespace {

using emscripten::val;

// Any shape, including 0-d and empty tensors.
val relu_js(uintptr_t input, val input_shape) {
  const Shape shape = js::shape_arg(input_shape);
  const int64_t count = element_count(shape);
  float* data = js::allocate<float>(count);
  if (!data) return js::error_result(js::out_of_memory("relu", count * 4));
  relu(reinterpret_cast<const float*>(input), data, count);
  return js::tensor_result(shape, data);
}

}  // namespace
}  // namespace poolkit

EMSCRIPTEN_BINDINGS(relu) { emscripten::function("relu", &poolkit::relu_js); }
