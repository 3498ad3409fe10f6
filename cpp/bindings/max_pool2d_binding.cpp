#include <emscripten/bind.h>

#include "../max_pool2d.h"
#include "../pool_shape.h"
#include "js_interop.h"

namespace poolkit {
namespace {

using emscripten::val;

// options: {kernelSize, stride, padding, dilation: [h, w], ceilMode, returnIndices}, already
// normalised to integer pairs by the JavaScript layer.
val max_pool2d_js(uintptr_t input, val input_shape, val options) {
  const Shape in_shape = js::shape_arg(input_shape);
  const WindowArgs args{js::shape_arg(options["kernelSize"]), js::shape_arg(options["stride"]),
                        js::shape_arg(options["padding"]), js::shape_arg(options["dilation"]),
                        options["ceilMode"].as<bool>()};
  const ShapeResult out = window_pool_output_shape("maxPool2d", in_shape, args);
  if (!out.ok()) return js::error_result(out.error);

  const int64_t count = element_count(out.shape);
  float* data = js::allocate<float>(count);
  int32_t* indices = options["returnIndices"].as<bool>() ? js::allocate<int32_t>(count) : nullptr;
  if (!data || (options["returnIndices"].as<bool>() && !indices)) {
    std::free(data);
    std::free(indices);
    return js::error_result(js::out_of_memory("maxPool2d", count * 8));
  }
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
  max_pool2d(reinterpret_cast<const float*>(input), data, indices, g);
  return js::tensor_result(out.shape, data, indices);
}

}  // namespace
}  // namespace poolkit

EMSCRIPTEN_BINDINGS(max_pool2d) { emscripten::function("maxPool2d", &poolkit::max_pool2d_js); }
