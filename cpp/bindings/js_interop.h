// What every op binding does at the JavaScript boundary: read shapes and option arrays, hand
// back either {error} or {data, indices, shape}. Errors travel as values, not C++ exceptions
// (which the build leaves off), and JavaScript turns them into thrown Errors.
#pragma once

#include <emscripten/val.h>

#include <cstdint>
#include <cstdlib>
#include <optional>
#include <string>

#include "core/checked_allocation.h"
#include "pool/pool_shape.h"

namespace poolkit::js {

inline Shape shape_arg(const emscripten::val& array) {
  Shape shape;
  const int n = array["length"].as<int>();
  for (int i = 0; i < n; ++i) shape.push_back(static_cast<int64_t>(array[i].as<double>()));
  return shape;
}

inline emscripten::val shape_value(const Shape& shape) {
  emscripten::val array = emscripten::val::array();
  for (int64_t d : shape) array.call<void>("push", static_cast<double>(d));
  return array;
}

inline emscripten::val error_result(const std::string& message) {
  emscripten::val result = emscripten::val::object();
  result.set("error", message);
  return result;
}

inline emscripten::val tensor_result(const Shape& shape, const float* data,
                                     const int32_t* indices = nullptr) {
  emscripten::val result = emscripten::val::object();
  result.set("shape", shape_value(shape));
  result.set("data", reinterpret_cast<uintptr_t>(data));
  if (indices) result.set("indices", reinterpret_cast<uintptr_t>(indices));
  return result;
}

// The window arguments of a sliding-window pool ({kernelSize, stride, padding, dilation,
// ceilMode}), already normalised by the JavaScript layer to one integer per spatial dimension.
inline WindowArgs window_args(const emscripten::val& options) {
  return {shape_arg(options["kernelSize"]), shape_arg(options["stride"]),
          shape_arg(options["padding"]), shape_arg(options["dilation"]),
          options["ceilMode"].as<bool>()};
}

// An op's output values and, when asked for, its indices: memory handed to JavaScript, which
// owns it from then on (poolkit's Tensor frees it). Sized through the one checked path, so a
// shape too large for wasm memory is an error naming the op and the bytes; on failure nothing
// stays allocated.
struct Outputs {
  float* data = nullptr;
  int32_t* indices = nullptr;
  std::string error;
};

inline Outputs allocate_outputs(const char* op, const Shape& shape, bool with_indices = false) {
  Outputs o;
  const std::optional<int64_t> bytes = checked_bytes(shape, sizeof(float));
  o.data = static_cast<float*>(checked_malloc(bytes, op, "output", &o.error));
  if (o.data && with_indices) {
    o.indices = static_cast<int32_t*>(checked_malloc(bytes, op, "index tensor", &o.error));
    if (!o.indices) {
      std::free(o.data);
      o.data = nullptr;
    }
  }
  return o;
}

}  // namespace poolkit::js
