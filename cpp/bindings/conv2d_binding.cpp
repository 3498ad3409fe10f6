#include <emscripten/bind.h>

#include "bindings/js_interop.h"
#include "conv/conv2d.h"
#include "conv/conv_shape.h"

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
  js::Outputs o = js::allocate_outputs("conv2d", out);
  if (!o.ok()) return js::error_result(o.error());
  const PackedWeights packed =
      PackedWeights::for_conv2d(reinterpret_cast<const float*>(weight), out.geometry);
  if (!packed.ok() ||
      !conv2d(reinterpret_cast<const float*>(input), packed, reinterpret_cast<const float*>(bias),
              o.data(), out.geometry, Activation::kNone)) {
    return js::error_result("conv2d: out of memory packing the weights or for the workspace");
  }
  return o.tensor_result(out.shape);
}

}  // namespace
}  // namespace poolkit

EMSCRIPTEN_BINDINGS(conv2d) { emscripten::function("conv2d", &poolkit::conv2d_js); }
