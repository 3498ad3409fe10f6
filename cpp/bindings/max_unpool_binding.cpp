#include <emscripten/bind.h>

#include <string>

#include "bindings/js_interop.h"
#include "pool/max_unpool.h"
#include "pool/max_unpool_shape.h"

namespace poolkit {
namespace {

using emscripten::val;

// "indices must lie in ..., got 16 at indices[0, 0, 1, 1]": the message for the first index
// outside the output plane, with its position in the indices tensor.
std::string invalid_index_message(const char* op, const Shape& shape, const Shape& out_shape,
                                  size_t dims, int64_t position, int32_t index) {
  Shape at(shape.size());
  for (size_t i = shape.size(); i-- > 0;) {
    at[i] = position % shape[i];
    position /= shape[i];
  }
  std::string plane;
  int64_t plane_size = 1;
  for (size_t i = out_shape.size() - dims; i < out_shape.size(); ++i) {
    plane += (plane.empty() ? "" : "x") + std::to_string(out_shape[i]);
    plane_size *= out_shape[i];
  }
  const std::string at_text = format_shape(at);
  return std::string(op) + ": indices must lie in the output plane of " + plane + " = " +
         std::to_string(plane_size) + " elements (0 to " + std::to_string(plane_size - 1) +
         "), got " + std::to_string(index) + " at indices[" +
         at_text.substr(1, at_text.size() - 2) + "]";
}

// options: {kernelSize, stride, padding: one integer per spatial dimension, outputSize: the same
// or null for PyTorch's default}. The indices are int32, flat within each (N, C) output plane.
val max_unpool_js(const char* op, size_t dims, uintptr_t input, val input_shape, uintptr_t indices,
                  val indices_shape, val options) {
  const Shape in_shape = js::shape_arg(input_shape);
  const Shape idx_shape = js::shape_arg(indices_shape);
  const UnpoolArgs args{
      js::shape_arg(options["kernelSize"]), js::shape_arg(options["stride"]),
      js::shape_arg(options["padding"]),
      options["outputSize"].isNull() ? Shape{} : js::shape_arg(options["outputSize"])};
  const ShapeResult out = max_unpool_output_shape(op, in_shape, idx_shape, args);
  if (!out.ok()) return js::error_result(out.error);

  const UnpoolGeometry g = unpool_geometry(in_shape, out.shape, dims);
  const int32_t* idx = reinterpret_cast<const int32_t*>(indices);
  const int64_t bad = max_unpool_find_invalid(idx, g.planes * g.in_plane, g.out_plane);
  if (bad >= 0)
    return js::error_result(invalid_index_message(op, idx_shape, out.shape, dims, bad, idx[bad]));

  js::Outputs o = js::allocate_outputs(op, out.shape);
  if (!o.ok()) return js::error_result(o.error());
  max_unpool(reinterpret_cast<const float*>(input), idx, o.data(), g);
  return o.tensor_result(out.shape);
}

val max_unpool1d_js(uintptr_t input, val input_shape, uintptr_t indices, val indices_shape,
                    val options) {
  return max_unpool_js("maxUnpool1d", 1, input, input_shape, indices, indices_shape, options);
}
val max_unpool2d_js(uintptr_t input, val input_shape, uintptr_t indices, val indices_shape,
                    val options) {
  return max_unpool_js("maxUnpool2d", 2, input, input_shape, indices, indices_shape, options);
}
val max_unpool3d_js(uintptr_t input, val input_shape, uintptr_t indices, val indices_shape,
                    val options) {
  return max_unpool_js("maxUnpool3d", 3, input, input_shape, indices, indices_shape, options);
}

}  // namespace
}  // namespace poolkit

EMSCRIPTEN_BINDINGS(max_unpool) {
  emscripten::function("maxUnpool1d", &poolkit::max_unpool1d_js);
  emscripten::function("maxUnpool2d", &poolkit::max_unpool2d_js);
  emscripten::function("maxUnpool3d", &poolkit::max_unpool3d_js);
}
