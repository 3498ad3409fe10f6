#include <emscripten/bind.h>

#include "bindings/js_interop.h"
#include "pool/adaptive_avg_pool.h"
#include "pool/plane_mean.h"
#include "pool/pool_shape.h"

namespace poolkit {
namespace {

using emscripten::val;

// options: {outputSize: one integer or null per spatial dimension}, normalised by JavaScript.
template <size_t kDims>
val adaptive_avg_pool_js(uintptr_t input, val input_shape, val options) {
  static constexpr const char* kOps[] = {"", "adaptiveAvgPool1d", "adaptiveAvgPool2d",
                                         "adaptiveAvgPool3d"};
  const char* op = kOps[kDims];
  const Shape in_shape = js::shape_arg(input_shape);
  const val sizes = options["outputSize"];
  OutputSize output_size;
  for (size_t i = 0; i < kDims; ++i) {
    const val v = sizes[i];
    output_size.push_back(
        v.isNull() ? std::nullopt : std::optional<int64_t>(static_cast<int64_t>(v.as<double>())));
  }
  const ShapeResult out = adaptive_pool_output_shape(op, in_shape, output_size);
  js::Outputs o = js::allocate_outputs(op, out);
  if (!o.ok()) return js::error_result(o.error());
  const auto* in = reinterpret_cast<const float*>(input);
  const AdaptiveAvgPoolGeometry g = adaptive_avg_pool_geometry(in_shape, out.shape, kDims);
  if (adaptive_avg_pool_is_mean(g)) {
    plane_mean(in, o.data(), g.planes, g.in_d * g.in_h * g.in_w);
  } else {
    adaptive_avg_pool(in, o.data(), g);
  }
  return o.tensor_result(out.shape);
}

}  // namespace
}  // namespace poolkit

EMSCRIPTEN_BINDINGS(adaptive_avg_pool) {
  emscripten::function("adaptiveAvgPool1d", &poolkit::adaptive_avg_pool_js<1>);
  emscripten::function("adaptiveAvgPool2d", &poolkit::adaptive_avg_pool_js<2>);
  emscripten::function("adaptiveAvgPool3d", &poolkit::adaptive_avg_pool_js<3>);
}
