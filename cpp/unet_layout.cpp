#include <sstream>

#include "unet_spec.h"

namespace poolkit {
namespace {

void add_conv(std::vector<UNetTensor>& layout, const std::string& name, int64_t in, int64_t out,
              int64_t kernel) {
  layout.push_back({name + ".weight", {out, in, kernel, kernel}});
  layout.push_back({name + ".bias", {out}});
}

// A conv block: Sequential(Conv2d, ReLU, Conv2d, ReLU), so its convolutions are .0 and .2.
void add_block(std::vector<UNetTensor>& layout, const std::string& name, int64_t in, int64_t out) {
  add_conv(layout, name + ".0", in, out, 3);
  add_conv(layout, name + ".2", out, out, 3);
}

}  // namespace

std::vector<UNetTensor> unet_layout(const UNetSpec& spec) {
  std::vector<UNetTensor> layout;
  const int levels = spec.levels();
  int64_t channels = spec.in_channels;
  for (int i = 1; i <= levels; ++i) {
    add_block(layout, "enc" + std::to_string(i), channels, spec.encoder[i - 1]);
    channels = spec.encoder[i - 1];
  }
  add_block(layout, "bottom", channels, spec.bottom);
  channels = spec.bottom;
  for (int i = levels; i >= 1; --i) {
    const std::string up = "up" + std::to_string(i);
    // ConvTranspose2d's weight is (in, out, kH, kW).
    layout.push_back({up + ".weight", {channels, spec.up[i - 1], 2, 2}});
    layout.push_back({up + ".bias", {spec.up[i - 1]}});
    add_block(layout, "dec" + std::to_string(i), spec.up[i - 1] + spec.encoder[i - 1],
              spec.decoder[i - 1]);
    channels = spec.decoder[i - 1];
  }
  add_conv(layout, "out_conv", channels, spec.out_channels, 1);
  return layout;
}

std::string check_unet_spec(const UNetSpec& spec) {
  const size_t levels = spec.encoder.size();
  if (levels == 0 || spec.up.size() != levels || spec.decoder.size() != levels)
    return "a UNet needs the same number (at least 1) of encoder, up and decoder levels";
  bool positive = spec.in_channels > 0 && spec.out_channels > 0 && spec.bottom > 0;
  for (size_t i = 0; i < levels; ++i)
    positive = positive && spec.encoder[i] > 0 && spec.up[i] > 0 && spec.decoder[i] > 0;
  return positive ? "" : "every channel count of a UNet must be at least 1";
}

}  // namespace poolkit
