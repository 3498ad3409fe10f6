#include "unet.h"

#include <algorithm>
#include <cstdlib>
#include <initializer_list>

#include "conv_transpose2d.h"
#include "max_pool2d.h"
#include "unet_sizes.h"

namespace poolkit {
namespace {

struct Free {
  void operator()(float* p) const { std::free(p); }
};

// An activation: batch x channels planes of h x w, contiguous. `data` is the network's input
// (not owned) or `owner`'s memory.
struct Feature {
  std::unique_ptr<float, Free> owner;
  const float* data = nullptr;
  int64_t channels = 0, h = 0, w = 0;

  bool allocate(int64_t batch) {
    const int64_t count = std::max<int64_t>(batch * channels * h * w, 1);  // batch may be 0
    owner.reset(static_cast<float*>(std::malloc(static_cast<size_t>(count) * sizeof(float))));
    data = owner.get();
    return data != nullptr;
  }
  float* mutable_data() { return owner.get(); }
  void release() {
    owner.reset();
    data = nullptr;
  }
};

void add_planes(std::vector<PlaneView>& views, const Feature& f, int64_t n, int64_t h, int64_t w) {
  // The centre h x w of each plane (all of it when the sizes agree), as the seed's crop takes
  // it: offsets floor((H - h) / 2), floor((W - w) / 2).
  const int64_t offset = (f.h - h) / 2 * f.w + (f.w - w) / 2;
  for (int64_t c = 0; c < f.channels; ++c)
    views.push_back({f.data + (n * f.channels + c) * f.h * f.w + offset, f.w});
}

}  // namespace

// One forward pass: its batch size, its progress report and the activations in flight.
class UNet::Forward {
 public:
  Forward(int64_t batch, const UNetProgress& progress, double total)
      : batch_(batch), progress_(progress), total_(total) {}

  // The views of `f`, or of cat([f, centre crop of `skip`]) when skip is given.
  std::vector<PlaneView> views(const Feature& f, const Feature* skip = nullptr) const {
    std::vector<PlaneView> v;
    for (int64_t n = 0; n < batch_; ++n) {
      add_planes(v, f, n, f.h, f.w);
      if (skip) add_planes(v, *skip, n, f.h, f.w);
    }
    return v;
  }

  bool conv(const Layer& layer, const std::vector<PlaneView>& input, int64_t h, int64_t w,
            Activation activation, Feature& out) {
    Conv2dGeometry g = layer.shape;
    g.batch = batch_;
    g.in_h = h;
    g.in_w = w;
    g.out_h = h + 2 * g.pad_h - (g.kernel_h - 1);
    g.out_w = w + 2 * g.pad_w - (g.kernel_w - 1);
    out.channels = g.out_channels;
    out.h = g.out_h;
    out.w = g.out_w;
    if (!out.allocate(batch_) ||
        !conv2d(input.data(), layer.weights, layer.bias.data(), out.mutable_data(), g, activation))
      return false;
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
    for (Feature* f : consumed) f->release();
    return conv(layers[1], views(middle), middle.h, middle.w, Activation::kRelu, out);
  }

  bool pool(const Feature& in, Feature& out) {
    out.channels = in.channels;
    out.h = in.h / 2;
    out.w = in.w / 2;
    if (!out.allocate(batch_)) return false;
    const Pool2dGeometry g{batch_ * in.channels, in.h, in.w, out.h, out.w, 2, 2, 2, 2, 0, 0, 1, 1};
    max_pool2d(in.data, out.mutable_data(), nullptr, g);
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
    if (!out.allocate(batch_) ||
        !conv_transpose2d(in.data, layer.weights, layer.bias.data(), out.mutable_data(), g))
      return false;
    done_ += static_cast<double>(batch_ * g.in_channels * in.h * in.w * g.out_channels * 4);
    return true;
  }

  void report(const std::string& stage) const {
    if (progress_) progress_(stage.c_str(), total_ > 0 ? done_ / total_ : 1.0);
  }

 private:
  int64_t batch_;
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

float* UNet::forward(const float* input, int64_t batch, int64_t height, int64_t width,
                     const UNetProgress& progress) const {
  const int levels = spec_.levels();
  const UNetSizes hs = unet_sizes(levels, spec_.same_padding, height);
  const UNetSizes ws = unet_sizes(levels, spec_.same_padding, width);
  if (!hs.valid || !ws.valid) return nullptr;
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

  Forward f(batch, progress, total);
  Feature x;
  x.data = input;
  x.channels = spec_.in_channels;
  x.h = height;
  x.w = width;
  std::vector<Feature> skips(levels);
  for (int i = 0; i < levels; ++i) {
    if (!f.block(&encoder_[2 * i], f.views(x), x.h, x.w, {&x}, skips[i])) return nullptr;
    f.report("enc" + std::to_string(i + 1));
    if (!f.pool(skips[i], x)) return nullptr;
  }
  if (!f.block(bottom_.data(), f.views(x), x.h, x.w, {&x}, x)) return nullptr;
  f.report("bottom");
  for (int i = levels - 1; i >= 0; --i) {
    Feature u;
    if (!f.up(up_[i], x, u)) return nullptr;
    x.release();
    f.report("up" + std::to_string(i + 1));
    if (!f.block(&decoder_[2 * i], f.views(u, &skips[i]), u.h, u.w, {&u, &skips[i]}, x))
      return nullptr;
    f.report("dec" + std::to_string(i + 1));
  }
  Feature out;
  if (!f.conv(out_conv_, f.views(x), x.h, x.w, Activation::kNone, out)) return nullptr;
  f.report("out_conv");
  return out.owner.release();
}

}  // namespace poolkit
