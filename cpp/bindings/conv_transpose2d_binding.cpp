#include <emscripten/bind.h>

#include "bindings/js_interop.h"
#include "conv/conv_shape.h"
#include "conv/conv_transpose2d.h"

namespace poolkit {
namespace {

using emscripten::val;

// options: {stride, padding, outputPadding, dilation: [h, w], groups, outputSize: [h, w] or
// []}, already normalised by the JavaScript layer. bias is 0 and biasShape null when there is
// no bias.
val conv_transpose2d_js(uintptr_t input, val input_shape, uintptr_t weight, val weight_shape,
                        uintptr_t bias, val bias_shape, val options) {
  const Shape in_shape = js::shape_arg(input_shape);
  const Shape w_shape = js::shape_arg(weight_shape);
  const Shape b_shape = bias ? js::shape_arg(bias_shape) : Shape{};
  const ConvTranspose2dArgs args{js::shape_arg(options["stride"]),
                                 js::shape_arg(options["padding"]),
                                 js::shape_arg(options["outputPadding"]),
                                 js::shape_arg(options["dilation"]),
                                 static_cast<int64_t>(options["groups"].as<double>()),
                                 js::shape_arg(options["outputSize"])};
  const ConvShapeResult out = conv_transpose2d_output_shape("convTranspose2d", in_shape, w_shape,
                                                            bias ? &b_shape : nullptr, args);
  js::Outputs o = js::allocate_outputs("convTranspose2d", out);
  if (!o.ok()) return js::error_result(o.error());
  const PackedWeights packed =
      PackedWeights::for_conv_transpose2d(reinterpret_cast<const float*>(weight), out.geometry);
  if (!packed.ok() ||
      !conv_transpose2d(reinterpret_cast<const float*>(input), packed,
                        reinterpret_cast<const float*>(bias), o.data(), out.geometry)) {
    return js::error_result(
        "convTranspose2d: out of memory packing the weights or for the workspace");
  }
  return o.tensor_result(out.shape);
}

}  // namespace
}  // namespace poolkit

EMSCRIPTEN_BINDINGS(conv_transpose2d) {
  emscripten::function("convTranspose2d", &poolkit::conv_transpose2d_js);
}
