#include <emscripten/bind.h>

#include <cstdlib>

#include "../lp_pool.h"
#include "../pool_shape.h"
#include "js_interop.h"

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
  if (!out.ok()) return js::error_result(out.error);

  const int64_t count = element_count(out.shape);
  const int64_t in_count = element_count(in_shape);
  float* data = js::allocate<float>(count);
  float* scratch = js::allocate<float>(in_count);
  if (!data || !scratch) {
    std::free(data);
    std::free(scratch);
    return js::error_result(js::out_of_memory(op, (count + in_count) * 4));
  }
  lp_pool(reinterpret_cast<const float*>(input), data, scratch,
          avg_pool_geometry(in_shape, out.shape, args, true, 0), norm_type);
  std::free(scratch);
  return js::tensor_result(out.shape, data);
}

}  // namespace
}  // namespace poolkit

EMSCRIPTEN_BINDINGS(lp_pool) {
  emscripten::function("lpPool1d", &poolkit::lp_pool_js<1>);
  emscripten::function("lpPool2d", &poolkit::lp_pool_js<2>);
}
