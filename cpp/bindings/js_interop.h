// What every op binding does at the JavaScript boundary: read shapes and option arrays, hand
// back either {error} or {data, indices, shape}. Errors travel as values, not C++ exceptions
// (which the build leaves off), and JavaScript turns them into thrown Errors.
#pragma once

#include <emscripten/val.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "core/checked_allocation.h"
#include "core/float_buffer.h"
#include "core/shape.h"
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

// {shape, data, indices}: the addresses become JavaScript's to free (poolkit's Tensor does).
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

// An op's output values and, when asked for, its indices, sized through the one checked path, so
// a shape too large for wasm memory is an error naming the op and the bytes. The memory is the
// Outputs' until tensor_result() hands it to JavaScript: a binding that fails after allocating
// just returns its error, and nothing stays allocated.
class Outputs {
 public:
  float* data() const { return data_.get(); }
  int32_t* indices() const { return indices_.get(); }
  bool ok() const { return error_.empty(); }
  const std::string& error() const { return error_; }

  // {shape, data, indices}, JavaScript's from then on.
  emscripten::val tensor_result(const Shape& shape) {
    return js::tensor_result(shape, data_.release(), indices_.release());
  }

 private:
  friend Outputs allocate_outputs(const char* op, const std::string& rule_error, const Shape& shape,
                                  bool with_indices);
  std::unique_ptr<float, FreeWithFree> data_;
  std::unique_ptr<int32_t, FreeWithFree> indices_;
  std::string error_;
};

// The outputs of a call whose shape rule (pool_shape.h, conv_shape.h, ...) failed with
// `rule_error` (then they hold that error) or gave `shape`. Out of line (js_interop.cpp): every
// binding calls it, and the module is the smaller for it.
Outputs allocate_outputs(const char* op, const std::string& rule_error, const Shape& shape,
                         bool with_indices);

inline Outputs allocate_outputs(const char* op, const Shape& shape, bool with_indices = false) {
  return allocate_outputs(op, std::string(), shape, with_indices);
}

// `out`: what a shape rule returned ({shape, error, ok()}).
template <typename ShapeRuleResult>
Outputs allocate_outputs(const char* op, const ShapeRuleResult& out, bool with_indices = false) {
  return allocate_outputs(op, out.error, out.shape, with_indices);
}

// Scratch memory for one call, freed with it; checked like the outputs (null, and `error` says
// why, when it cannot be had).
FloatBuffer allocate_workspace(const char* op, const Shape& shape, std::string* error);

}  // namespace poolkit::js
