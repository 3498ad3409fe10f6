#include <emscripten/bind.h>

#include <optional>

#include "bindings/js_interop.h"
#include "pool/avg_pool.h"
#include "pool/pool_shape.h"

namespace poolkit {
namespace {

using emscripten::val;

// options: {kernelSize, stride, padding: one integer per spatial dimension, ceilMode,
// countIncludePad, divisorOverride: integer or null}, already normalised by the JavaScript layer.
template <size_t kDims>
val avg_pool_js(uintptr_t input, val input_shape, val options) {
  static constexpr const char* kOps[] = {"", "avgPool1d", "avgPool2d", "avgPool3d"};
  const char* op = kOps[kDims];
  const Shape in_shape = js::shape_arg(input_shape);
  const WindowArgs args{js::shape_arg(options["kernelSize"]), js::shape_arg(options["stride"]),
                        js::shape_arg(options["padding"]), Shape(kDims, 1),
                        options["ceilMode"].as<bool>()};
  const val divisor = options["divisorOverride"];
  const std::optional<int64_t> divisor_override =
      divisor.isNull() || divisor.isUndefined()
          ? std::nullopt
          : std::optional<int64_t>(static_cast<int64_t>(divisor.as<double>()));
  const ShapeResult out = avg_pool_output_shape(op, in_shape, args, divisor_override);
  js::Outputs o = js::allocate_outputs(op, out);
  if (!o.ok()) return js::error_result(o.error());
  avg_pool(reinterpret_cast<const float*>(input), o.data(),
           avg_pool_geometry(in_shape, out.shape, args, options["countIncludePad"].as<bool>(),
                             divisor_override.value_or(0)));
  return o.tensor_result(out.shape);
}

}  // namespace
}  // namespace poolkit

EMSCRIPTEN_BINDINGS(avg_pool) {
  emscripten::function("avgPool1d", &poolkit::avg_pool_js<1>);
  emscripten::function("avgPool2d", &poolkit::avg_pool_js<2>);
  emscripten::function("avgPool3d", &poolkit::avg_pool_js<3>);
}
