#include <emscripten/bind.h>

#include "../conv2d.h"
#include "../conv_shape.h"
#include "js_interop.h"

namespace poolkit {
namespace {

using emscripten::val;

// options: {stride, padding, dilation: [h, w], samePadding, groups}, already normalised by the
// JavaScript layer. bias is 0 and biasShape null when there is no bias.
val conv2d_js(uintptr_t input, val input_shape, uintptr_t weight, val weight_shape, uintptr_t bias,
              val bias_shape, val options) {
  const Shape in_shape = js::shape_arg(input_shape);
  const Shape w_shape = js::shape_arg(weight_shape);
  const Shape b_shape = bias ? js::shape_arg(bias_shape) : Shape{};
  const Conv2dArgs args{js::shape_arg(options["stride"]), js::shape_arg(options["padding"]),
                        js::shape_arg(options["dilation"]),
                        static_cast<int64_t>(options["groups"].as<double>()),
                        options["samePadding"].as<bool>()};
  const ConvShapeResult out =
      conv2d_output_shape("conv2d", in_shape, w_shape, bias ? &b_shape : nullptr, args);
  if (!out.ok()) return js::error_result(out.error);

  const PackedWeights packed =
      PackedWeights::for_conv2d(reinterpret_cast<const float*>(weight), out.geometry);
  const int64_t count = element_count(out.shape);
  float* data = js::allocate<float>(count);
  if (!packed.ok() || !data ||
      !conv2d(reinterpret_cast<const float*>(input), packed, reinterpret_cast<const float*>(bias),
              data, out.geometry, Activation::kNone)) {
    std::free(data);
    return js::error_result(js::out_of_memory("conv2d", count * 4 + packed.bytes()));
  }
  return js::tensor_result(out.shape, data);
}

}  // namespace
}  // namespace poolkit

EMSCRIPTEN_BINDINGS(conv2d) { emscripten::function("conv2d", &poolkit::conv2d_js); }
