#include <emscripten/bind.h>

#include "bindings/js_interop.h"
#include "pool/lp_pool.h"
#include "pool/pool_shape.h"

namespace poolkit {
namespace {

using emscripten::val;

// options: {normType, kernelSize, stride: one integer per spatial dimension, ceilMode},
// normalised by the JavaScript layer.
template <size_t kDims>
val lp_pool_js(uintptr_t input, val input_shape, val options) {
  static constexpr const char* kOps[] = {"", "lpPool1d", "lpPool2d"};
  const char* op = kOps[kDims];
  const Shape in_shape = js::shape_arg(input_shape);
  const double norm_type = options["normType"].as<double>();
  const WindowArgs args{js::shape_arg(options["kernelSize"]), js::shape_arg(options["stride"]),
                        Shape(kDims, 0), Shape(kDims, 1), options["ceilMode"].as<bool>()};
  const ShapeResult out = lp_pool_output_shape(op, in_shape, args, norm_type);
  js::Outputs o = js::allocate_outputs(op, out);
  if (!o.ok()) return js::error_result(o.error());
  // x^p for the whole input, pooled by avg_pool.
  std::string error;
  const FloatBuffer scratch = js::allocate_workspace(op, in_shape, &error);
  if (!scratch) return js::error_result(error);
  lp_pool(reinterpret_cast<const float*>(input), o.data(), scratch.get(),
          avg_pool_geometry(in_shape, out.shape, args, true, 0), norm_type);
  return o.tensor_result(out.shape);
}

}  // namespace
}  // namespace poolkit

EMSCRIPTEN_BINDINGS(lp_pool) {
  emscripten::function("lpPool1d", &poolkit::lp_pool_js<1>);
  emscripten::function("lpPool2d", &poolkit::lp_pool_js<2>);
}
