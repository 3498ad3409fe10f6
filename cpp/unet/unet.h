// The seed U-Net (unet_spec.h) with its weights packed once, running its whole forward pass in
// C++: no round trip through JavaScript between layers. Activations are freed as soon as their
// last consumer has run (only the skip tensors live across levels), in a block planned for the
// input's size (activation_arena.h), so the wasm heap holds no more than the pass needs. The
// decoder convolves cat([up, crop(skip)]) through plane views (conv2d.h), so neither the crop nor
// the concatenation is ever built.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "conv/conv2d.h"
#include "conv/packed_weights.h"
#include "unet/unet_spec.h"

namespace poolkit {

// Called after each stage (enc1, ..., bottom, upL, decL, ..., out_conv) with the fraction of
// the forward pass's multiply-adds done so far; false stops the pass there (cancellation).
using UNetProgress = std::function<bool(const char* stage, double fraction)>;

// A forward pass's output (malloc'ed, batch x out_channels x H' x W'), or null and why: a
// message (memory), or `cancelled` when the progress callback asked to stop. Either way
// everything the pass allocated on the way has been freed.
struct UNetOutput {
  float* data = nullptr;
  std::string error;
  bool cancelled = false;
};

class UNet {
 public:
  // `tensors` holds one pointer per entry of unet_layout(spec), in that order. Returns null and
  // sets `error` when the spec is inconsistent or memory runs out.
  static std::unique_ptr<UNet> create(const UNetSpec& spec, const float* const* tensors,
                                      std::string* error);

  const UNetSpec& spec() const { return spec_; }
  int64_t packed_bytes() const;

  // Runs the network on a contiguous (batch, in_channels, height, width) input whose size
  // check_unet_input_size accepts. `op` names the call in messages.
  UNetOutput forward(const char* op, const float* input, int64_t batch, int64_t height,
                     int64_t width, const UNetProgress& progress) const;

 private:
  struct Layer {
    Conv2dGeometry shape;  // channels, kernel, stride and padding; sizes are set per call
    PackedWeights weights;
    std::vector<float> bias;
  };
  class Forward;

  // The pass's sequence of layers, planning or computing as `f` says. False when it stopped
  // (f says why); otherwise *output is the malloc'ed result (null when planning).
  bool run(Forward& f, const float* input, int64_t height, int64_t width, float** output) const;

  static bool make_layer(Layer& layer, const float* weight, const float* bias, int64_t in,
                         int64_t out, int64_t kernel, int64_t padding, bool transposed);

  UNetSpec spec_;
  // Per level: enc_i's two convolutions; then bottom's; per level (index i - 1): up_i and
  // dec_i's two convolutions; then out_conv.
  std::vector<Layer> encoder_, bottom_, up_, decoder_;
  Layer out_conv_;
};

}  // namespace poolkit
