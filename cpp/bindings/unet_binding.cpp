#include <emscripten/bind.h>

#include "bindings/js_interop.h"
#include "unet/unet.h"
#include "unet/unet_sizes.h"

namespace poolkit {
namespace {

using emscripten::val;

// spec: {inChannels, outChannels, encoder: [...], bottom, up: [...], decoder: [...],
// samePadding}, as web/lib/unet_spec.js infers it from a state_dict.
UNetSpec spec_arg(const val& spec) {
  UNetSpec s;
  s.in_channels = static_cast<int64_t>(spec["inChannels"].as<double>());
  s.out_channels = static_cast<int64_t>(spec["outChannels"].as<double>());
  s.encoder = js::shape_arg(spec["encoder"]);
  s.bottom = static_cast<int64_t>(spec["bottom"].as<double>());
  s.up = js::shape_arg(spec["up"]);
  s.decoder = js::shape_arg(spec["decoder"]);
  s.same_padding = spec["samePadding"].as<bool>();
  return s;
}

// [{key, shape}] in state_dict order, or {error}.
val unet_layout_js(val spec) {
  const UNetSpec s = spec_arg(spec);
  const std::string error = check_unet_spec(s);
  if (!error.empty()) return js::error_result("UNet: " + error);
  val layout = val::array();
  for (const UNetTensor& t : unet_layout(s)) {
    val entry = val::object();
    entry.set("key", t.key);
    entry.set("shape", js::shape_value(t.shape));
    layout.call<void>("push", entry);
  }
  return layout;
}

// `tensors`: the layout's tensors back to back as float32 (the caller frees it afterwards; the
// model keeps packed copies). Returns {handle, packedBytes} or {error}.
val unet_create_js(val spec, uintptr_t tensors) {
  const UNetSpec s = spec_arg(spec);
  const std::string invalid = check_unet_spec(s);
  if (!invalid.empty()) return js::error_result("UNet: " + invalid);
  std::vector<const float*> pointers;
  const float* next = reinterpret_cast<const float*>(tensors);
  for (const UNetTensor& t : unet_layout(s)) {
    pointers.push_back(next);
    next += element_count(t.shape);
  }
  std::string error;
  std::unique_ptr<UNet> net = UNet::create(s, pointers.data(), &error);
  if (!net) return js::error_result("UNet: " + error);
  val result = val::object();
  result.set("packedBytes", static_cast<double>(net->packed_bytes()));
  result.set("handle", reinterpret_cast<uintptr_t>(net.release()));
  return result;
}

void unet_destroy_js(uintptr_t handle) { delete reinterpret_cast<UNet*>(handle); }

// One whole forward pass. onProgress is a function(stage, fraction) returning whether to go on,
// or undefined; it must not throw (web/lib/unet.js catches for it), since a JavaScript exception
// would unwind past the pass's destructors and leak its activations. Returns {data, shape},
// {error} or {cancelled: true}.
val unet_forward_js(uintptr_t handle, uintptr_t input, val input_shape, val on_progress) {
  const char* op = "UNet.forward";
  const UNet& net = *reinterpret_cast<const UNet*>(handle);
  const Shape shape = js::shape_arg(input_shape);
  std::string error = check_spatial_input(op, shape, 2);
  const size_t rank = shape.size();
  const int64_t channels = error.empty() ? shape[rank - 3] : 0;
  if (error.empty() && channels != net.spec().in_channels) {
    error = std::string(op) + ": input must have " + std::to_string(net.spec().in_channels) +
            " channels (the in-channels of enc1.0), got input of shape " + format_shape(shape);
  }
  if (error.empty()) {
    error = check_unet_input_size(op, net.spec().levels(), net.spec().same_padding, shape[rank - 2],
                                  shape[rank - 1]);
  }
  if (!error.empty()) return js::error_result(error);

  const int64_t batch = rank == 4 ? shape[0] : 1;
  UNetProgress progress;
  if (on_progress.typeOf().as<std::string>() == "function") {
    progress = [&on_progress](const char* stage, double fraction) {
      return on_progress(std::string(stage), fraction).as<bool>();
    };
  }
  const UNetOutput output = net.forward(op, reinterpret_cast<const float*>(input), batch,
                                        shape[rank - 2], shape[rank - 1], progress);
  if (output.cancelled) {
    val result = val::object();
    result.set("cancelled", true);
    return result;
  }
  if (!output.data) return js::error_result(output.error);
  const UNetSizes hs = unet_sizes(net.spec().levels(), net.spec().same_padding, shape[rank - 2]);
  const UNetSizes ws = unet_sizes(net.spec().levels(), net.spec().same_padding, shape[rank - 1]);
  Shape out_shape{net.spec().out_channels, hs.output, ws.output};
  if (rank == 4) out_shape.insert(out_shape.begin(), batch);
  return js::tensor_result(out_shape, output.data);
}

// What tiling needs of a `levels`-level UNet: the valid input sizes (smallest + k * period) and
// what a pass takes off each side of them (0 with 'same' padding), or {error}.
val unet_tiling_js(int levels, bool same_padding) {
  const std::optional<int64_t> smallest = smallest_valid_unet_input(levels, same_padding);
  if (!smallest) return js::error_result("UNet: no input size fits a " + std::to_string(levels) + "-level UNet");
  const UNetSizes sizes = unet_sizes(levels, same_padding, *smallest);
  val result = val::object();
  result.set("smallest", static_cast<double>(*smallest));
  result.set("period", static_cast<double>(int64_t{1} << levels));
  result.set("shrink", static_cast<double>((*smallest - sizes.output) / 2));
  return result;
}

}  // namespace
}  // namespace poolkit

EMSCRIPTEN_BINDINGS(unet) {
  emscripten::function("unetTiling", &poolkit::unet_tiling_js);
  emscripten::function("unetLayout", &poolkit::unet_layout_js);
  emscripten::function("unetCreate", &poolkit::unet_create_js);
  emscripten::function("unetDestroy", &poolkit::unet_destroy_js);
  emscripten::function("unetForward", &poolkit::unet_forward_js);
}
