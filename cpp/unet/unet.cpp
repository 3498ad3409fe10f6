#include "unet/unet.h"

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <initializer_list>

#include "conv/conv_transpose2d.h"
#include "core/checked_allocation.h"
#include "pool/max_pool2d.h"
#include "unet/activation_arena.h"
#include "unet/unet_sizes.h"

namespace poolkit {
namespace {

// An activation: batch x channels planes of h x w, contiguous. `data` is the network's input,
// an activation of the pass's arena (`id`), or the malloc'ed output.
struct Feature {
  const float* data = nullptr;
  float* writable = nullptr;
  int id = -1;
  int64_t channels = 0, h = 0, w = 0;
};

void add_planes(std::vector<PlaneView>& views, const Feature& f, int64_t n, int64_t h, int64_t w) {
  // The centre h x w of each plane (all of it when the sizes agree), as the seed's crop takes
  // it: offsets floor((H - h) / 2), floor((W - w) / 2).
  const int64_t offset = (f.h - h) / 2 * f.w + (f.w - w) / 2;
  for (int64_t c = 0; c < f.channels; ++c)
    views.push_back({f.data + (n * f.channels + c) * f.h * f.w + offset, f.w});
}

}  // namespace

// One forward pass: its batch size, its progress report and the activations in flight. The
// pass runs twice: first planning (nothing computed, only the activations' sizes and lifetimes
// recorded in the arena), then for real inside the planned block.
class UNet::Forward {
 public:
  Forward(const char* op, int64_t batch, ActivationArena& arena, const UNetProgress& progress,
          double total)
      : op_(op), batch_(batch), arena_(arena), progress_(progress), total_(total) {}

  // Why the pass stopped, once run() returned false.
  const std::string& error() const { return error_; }
  bool cancelled() const { return cancelled_; }

  bool planning() const { return !arena_.committed(); }

  // The views of `f`, or of cat([f, centre crop of `skip`]) when skip is given.
  std::vector<PlaneView> views(const Feature& f, const Feature* skip = nullptr) const {
    std::vector<PlaneView> v;
    if (planning()) return v;
    for (int64_t n = 0; n < batch_; ++n) {
      add_planes(v, f, n, f.h, f.w);
      if (skip) add_planes(v, *skip, n, f.h, f.w);
    }
    return v;
  }

  void allocate(Feature& f) {
    f.id = arena_.allocate(checked_bytes({batch_, f.channels, f.h, f.w}, sizeof(float)));
    f.data = f.writable = arena_.data(f.id);
  }

  void release(Feature& f) {
    if (f.id >= 0) arena_.release(f.id);
    f.id = -1;
    f.data = f.writable = nullptr;
  }

  // `output`: the network's result, malloc'ed outside the arena since the caller keeps it.
  bool conv(const Layer& layer, const std::vector<PlaneView>& input, int64_t h, int64_t w,
            Activation activation, Feature& out, bool output = false) {
    Conv2dGeometry g = layer.shape;
    g.batch = batch_;
    g.in_h = h;
    g.in_w = w;
    g.out_h = h + 2 * g.pad_h - (g.kernel_h - 1);
    g.out_w = w + 2 * g.pad_w - (g.kernel_w - 1);
    out.channels = g.out_channels;
    out.h = g.out_h;
    out.w = g.out_w;
    if (output) {
      if (planning()) return true;
      out.writable = static_cast<float*>(
          checked_malloc(checked_bytes({batch_, out.channels, out.h, out.w}, sizeof(float)), op_,
                         "output", &error_));
      out.data = out.writable;
      if (!out.writable) return false;
    } else {
      allocate(out);
    }
    if (planning()) return true;
    if (!conv2d(input.data(), layer.weights, layer.bias.data(), out.writable, g, activation))
      return out_of_workspace();
    done_ += static_cast<double>(batch_ * g.out_channels * g.out_h * g.out_w * g.in_channels *
                                 g.kernel_h * g.kernel_w);
    return true;
  }

  // A conv block (two 3x3 convolutions with ReLU) on `input` (h x w), which reads the
  // `consumed` activations: they are freed as soon as the first convolution is done.
  bool block(const Layer* layers, const std::vector<PlaneView>& input, int64_t h, int64_t w,
             std::initializer_list<Feature*> consumed, Feature& out) {
    Feature middle;
    if (!conv(layers[0], input, h, w, Activation::kRelu, middle)) return false;
    for (Feature* f : consumed) release(*f);
    const bool ok = conv(layers[1], views(middle), middle.h, middle.w, Activation::kRelu, out);
    release(middle);
    return ok;
  }

  bool pool(const Feature& in, Feature& out) {
    out.channels = in.channels;
    out.h = in.h / 2;
    out.w = in.w / 2;
    allocate(out);
    if (planning()) return true;
    const Pool2dGeometry g{batch_ * in.channels, in.h, in.w, out.h, out.w, 2, 2, 2, 2, 0, 0, 1, 1};
    max_pool2d(in.data, out.writable, nullptr, g);
    return true;
  }

  bool up(const Layer& layer, const Feature& in, Feature& out) {
    Conv2dGeometry g = layer.shape;
    g.batch = batch_;
    g.in_h = in.h;
    g.in_w = in.w;
    g.out_h = 2 * in.h;
    g.out_w = 2 * in.w;
    out.channels = g.out_channels;
    out.h = g.out_h;
    out.w = g.out_w;
    allocate(out);
    if (planning()) return true;
    if (!conv_transpose2d(in.data, layer.weights, layer.bias.data(), out.writable, g))
      return out_of_workspace();
    done_ += static_cast<double>(batch_ * g.in_channels * in.h * in.w * g.out_channels * 4);
    return true;
  }

  // Keeps only the centre h x w of a skip tensor, the part its decoder level reads, once the
  // encoder's pooling has used the whole: the skips are the activations that live longest,
  // and at 572x572 the first one shrinks from 568 to 488 square (61 MB instead of 83).
  void crop(Feature& skip, int64_t h, int64_t w) {
    if (skip.h == h && skip.w == w) return;
    Feature cropped;
    cropped.channels = skip.channels;
    cropped.h = h;
    cropped.w = w;
    allocate(cropped);
    if (!planning()) {
      const int64_t top = (skip.h - h) / 2, left = (skip.w - w) / 2;
      for (int64_t plane = 0; plane < batch_ * skip.channels; ++plane)
        for (int64_t y = 0; y < h; ++y)
          std::memcpy(cropped.writable + (plane * h + y) * w,
                      skip.data + (plane * skip.h + top + y) * skip.w + left,
                      static_cast<size_t>(w) * sizeof(float));
    }
    release(skip);
    skip = cropped;
  }

  // False when the callback asked to stop.
  bool report(const std::string& stage) {
    if (!progress_ || planning()) return true;
    cancelled_ = !progress_(stage.c_str(), total_ > 0 ? done_ / total_ : 1.0);
    return !cancelled_;
  }

 private:
  bool out_of_workspace() {
    error_ = std::string(op_) + ": out of memory for a convolution's workspace";
    return false;
  }

  const char* op_;
  std::string error_;
  bool cancelled_ = false;
  int64_t batch_;
  ActivationArena& arena_;
  const UNetProgress& progress_;
  double total_;
  double done_ = 0;
};

bool UNet::make_layer(Layer& layer, const float* weight, const float* bias, int64_t in, int64_t out,
                      int64_t kernel, int64_t padding, bool transposed) {
  const int64_t stride = transposed ? 2 : 1;
  layer.shape = {0, in, 0, 0, out, 0, 0, kernel, kernel, stride, stride, padding, padding, 1, 1, 1};
  layer.weights = transposed ? PackedWeights::for_conv_transpose2d(weight, layer.shape)
                             : PackedWeights::for_conv2d(weight, layer.shape);
  layer.bias.assign(bias, bias + out);
  return layer.weights.ok();
}

std::unique_ptr<UNet> UNet::create(const UNetSpec& spec, const float* const* tensors,
                                   std::string* error) {
  *error = check_unet_spec(spec);
  if (!error->empty()) return nullptr;
  std::unique_ptr<UNet> net(new UNet);
  net->spec_ = spec;
  const int levels = spec.levels();
  const int64_t pad = spec.same_padding ? 1 : 0;
  const float* const* t = tensors;  // walks unet_layout's order: (weight, bias) per layer
  bool ok = true;
  auto conv = [&](std::vector<Layer>& list, int64_t in, int64_t out, int64_t kernel,
                  int64_t padding, bool transposed) {
    list.emplace_back();
    ok = ok && make_layer(list.back(), t[0], t[1], in, out, kernel, padding, transposed);
    t += 2;
  };
  int64_t channels = spec.in_channels;
  for (int i = 0; i < levels; ++i) {
    conv(net->encoder_, channels, spec.encoder[i], 3, pad, false);
    conv(net->encoder_, spec.encoder[i], spec.encoder[i], 3, pad, false);
    channels = spec.encoder[i];
  }
  conv(net->bottom_, channels, spec.bottom, 3, pad, false);
  conv(net->bottom_, spec.bottom, spec.bottom, 3, pad, false);
  channels = spec.bottom;
  // Built from the deepest level up, as the state_dict lists them; stored by level.
  net->up_.resize(levels);
  net->decoder_.resize(2 * static_cast<size_t>(levels));
  for (int i = levels - 1; i >= 0; --i) {
    std::vector<Layer> up, dec;
    conv(up, channels, spec.up[i], 2, 0, true);
    conv(dec, spec.up[i] + spec.encoder[i], spec.decoder[i], 3, pad, false);
    conv(dec, spec.decoder[i], spec.decoder[i], 3, pad, false);
    net->up_[i] = std::move(up[0]);
    net->decoder_[2 * i] = std::move(dec[0]);
    net->decoder_[2 * i + 1] = std::move(dec[1]);
    channels = spec.decoder[i];
  }
  std::vector<Layer> out;
  conv(out, channels, spec.out_channels, 1, 0, false);
  net->out_conv_ = std::move(out[0]);
  if (!ok) {
    *error = "out of memory packing the weights";
    return nullptr;
  }
  return net;
}

int64_t UNet::packed_bytes() const {
  int64_t bytes = out_conv_.weights.bytes();
  for (const auto* list : {&encoder_, &bottom_, &up_, &decoder_})
    for (const Layer& layer : *list) bytes += layer.weights.bytes();
  return bytes;
}

UNetOutput UNet::forward(const char* op, const float* input, int64_t batch, int64_t height,
                         int64_t width, const UNetProgress& progress) const {
  const int levels = spec_.levels();
  const UNetSizes hs = unet_sizes(levels, spec_.same_padding, height);
  const UNetSizes ws = unet_sizes(levels, spec_.same_padding, width);
  if (!hs.valid || !ws.valid)
    return {nullptr, std::string(op) + ": the input size does not fit", false};
  // Multiply-adds per output pixel of each layer, for the progress fractions.
  const int64_t grow = spec_.same_padding ? 0 : 2;  // first conv of a block vs its output
  double total = 0;
  auto block_work = [&](int64_t in, int64_t out, int64_t h, int64_t w) {
    total += static_cast<double>(out * in * 9 * (h + grow) * (w + grow) + out * out * 9 * h * w);
  };
  int64_t channels = spec_.in_channels;
  for (int i = 0; i < levels; ++i) {
    block_work(channels, spec_.encoder[i], hs.encoder[i], ws.encoder[i]);
    channels = spec_.encoder[i];
  }
  block_work(channels, spec_.bottom, hs.bottom, ws.bottom);
  channels = spec_.bottom;
  for (int i = levels - 1; i >= 0; --i) {
    total += static_cast<double>(channels * spec_.up[i] * hs.up[i] * ws.up[i]);
    block_work(spec_.up[i] + spec_.encoder[i], spec_.decoder[i], hs.decoder[i], ws.decoder[i]);
    channels = spec_.decoder[i];
  }
  total += static_cast<double>(channels * spec_.out_channels * hs.output * ws.output);
  total *= static_cast<double>(batch);

  // Planning, then the pass itself; the arena (and with it every activation) is freed on
  // return, whether the pass succeeded or not.
  ActivationArena arena;
  Forward planning(op, batch, arena, progress, total);
  float* output = nullptr;
  run(planning, input, height, width, &output);
  std::string error = arena.commit(op);
  if (!error.empty()) return {nullptr, error, false};
  Forward f(op, batch, arena, progress, total);
  if (run(f, input, height, width, &output)) return {output, "", false};
  return {nullptr, f.error(), f.cancelled()};
}

bool UNet::run(Forward& f, const float* input, int64_t height, int64_t width,
               float** output) const {
  const int levels = spec_.levels();
  const UNetSizes hs = unet_sizes(levels, spec_.same_padding, height);
  const UNetSizes ws = unet_sizes(levels, spec_.same_padding, width);
  Feature x;
  x.data = input;
  x.channels = spec_.in_channels;
  x.h = height;
  x.w = width;
  std::vector<Feature> skips(levels);
  for (int i = 0; i < levels; ++i) {
    if (!f.block(&encoder_[2 * i], f.views(x), x.h, x.w, {&x}, skips[i])) return false;
    if (!f.report("enc" + std::to_string(i + 1))) return false;
    if (!f.pool(skips[i], x)) return false;
    f.crop(skips[i], hs.up[i], ws.up[i]);
  }
  if (!f.block(bottom_.data(), f.views(x), x.h, x.w, {&x}, x)) return false;
  if (!f.report("bottom")) return false;
  for (int i = levels - 1; i >= 0; --i) {
    Feature u;
    if (!f.up(up_[i], x, u)) return false;
    f.release(x);
    if (!f.report("up" + std::to_string(i + 1))) return false;
    if (!f.block(&decoder_[2 * i], f.views(u, &skips[i]), u.h, u.w, {&u, &skips[i]}, x))
      return false;
    if (!f.report("dec" + std::to_string(i + 1))) return false;
  }
  Feature out;
  const bool ok = f.conv(out_conv_, f.views(x), x.h, x.w, Activation::kNone, out, true);
  f.release(x);
  if (!ok) {
    std::free(out.writable);
    return false;
  }
  *output = out.writable;
  if (!f.report("out_conv")) {
    std::free(out.writable);
    *output = nullptr;
    return false;
  }
  return true;
}

}  // namespace poolkit
