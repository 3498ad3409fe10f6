#include <algorithm>
#include <sstream>

#include "core/checked_allocation.h"
#include "unet/unet_sizes.h"
#include "unet/unet_spec.h"

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

// Like the pooling arguments, channel counts are int32 in PyTorch's checks, and sums of two stay
// far from overflow.
constexpr int64_t kMaxWidth = 2147483647;

// Whether one channel of the smallest input fits wasm memory.
bool fits_one_input(int levels, bool same_padding) {
  const std::optional<int64_t> side = smallest_valid_unet_input(levels, same_padding);
  return side && check_allocation("", "", checked_bytes({*side, *side}, sizeof(float))).empty();
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
  std::vector<int64_t> widths{spec.in_channels, spec.out_channels, spec.bottom};
  for (size_t i = 0; i < levels; ++i)
    widths.insert(widths.end(), {spec.encoder[i], spec.up[i], spec.decoder[i]});
  for (int64_t w : widths) {
    if (w < 1 || w > kMaxWidth)
      return "every channel count of a UNet must be from 1 to 2,147,483,647, got " +
             std::to_string(w);
  }
  // The smallest input of a deep network is 2^levels pixels a side or more: past a point not
  // even one channel of it fits wasm memory, and no input could ever run.
  const bool same = spec.same_padding;
  const int capped_levels = static_cast<int>(std::min<size_t>(levels, 64));  // past 61: overflow
  if (!fits_one_input(capped_levels, same)) {
    int deepest = 1;
    while (fits_one_input(deepest + 1, same)) ++deepest;
    const std::optional<int64_t> side = smallest_valid_unet_input(capped_levels, same);
    std::ostringstream text;
    text << "a " << levels << "-level UNet's smallest input is "
         << (side ? format_bytes(*side) + " x " + format_bytes(*side) : "over 2^63 a side")
         << " pixels, more than wasm memory can hold; at most " << deepest << " levels ("
         << (same ? "'same'" : "valid") << " convolutions) can run";
    return text.str();
  }
  for (const UNetTensor& t : unet_layout(spec)) {
    const std::string error =
        check_allocation(t.key.c_str(), "tensor", checked_bytes(t.shape, sizeof(float)));
    if (!error.empty()) return error + " (shape " + format_shape(t.shape) + ")";
  }
  return "";
}

}  // namespace poolkit
