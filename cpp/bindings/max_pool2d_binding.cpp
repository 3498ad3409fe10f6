#include <emscripten/bind.h>

#include "bindings/js_interop.h"
#include "pool/max_pool2d.h"
#include "pool/pool_shape.h"

namespace poolkit {
namespace {

using emscripten::val;

// options: {kernelSize, stride, padding, dilation: [h, w], ceilMode, returnIndices}, already
// normalised to integer pairs by the JavaScript layer.
val max_pool2d_js(uintptr_t input, val input_shape, val options) {
  const Shape in_shape = js::shape_arg(input_shape);
  const WindowArgs args = js::window_args(options);
  const ShapeResult out = window_pool_output_shape("maxPool2d", in_shape, args);
  if (!out.ok()) return js::error_result(out.error);

  const js::Outputs o =
      js::allocate_outputs("maxPool2d", out.shape, options["returnIndices"].as<bool>());
  if (!o.error.empty()) return js::error_result(o.error);
  const size_t rank = in_shape.size();
  const Pool2dGeometry g{rank == 4 ? in_shape[0] * in_shape[1] : in_shape[0],
                         in_shape[rank - 2],
                         in_shape[rank - 1],
                         out.shape[rank - 2],
                         out.shape[rank - 1],
                         args.kernel_size[0],
                         args.kernel_size[1],
                         args.stride[0],
                         args.stride[1],
                         args.padding[0],
                         args.padding[1],
                         args.dilation[0],
                         args.dilation[1]};
  max_pool2d(reinterpret_cast<const float*>(input), o.data, o.indices, g);
  return js::tensor_result(out.shape, o.data, o.indices);
}

}  // namespace
}  // namespace poolkit

EMSCRIPTEN_BINDINGS(max_pool2d) { emscripten::function("maxPool2d", &poolkit::max_pool2d_js); }
