#include "unet/unet_sizes.h"

#include <sstream>

#include "core/checked_allocation.h"

namespace poolkit {
namespace {

// What a conv block takes off a size.
int64_t block_shrink(bool same_padding) { return same_padding ? 0 : 4; }

}  // namespace

// Walking the pass backwards from the bottom block's output b, an encoder size is twice the next
// plus the shrink, so the input is (b + shrink) * 2^levels + shrink * (2^levels - 1), growing
// with b; the encoder's rules hold for every b >= 1. The decoder doubles and shrinks, which
// keeps every size >= 1 once b >= shrink, so the smallest b lies in 1..max(1, shrink).
std::optional<int64_t> smallest_valid_unet_input(int levels, bool same_padding) {
  if (levels < 1 || levels > 61) return std::nullopt;
  const int64_t shrink = block_shrink(same_padding);
  int64_t bottom = 1;
  for (;; ++bottom) {
    int64_t s = bottom;
    for (int i = 0; i < levels && s >= 1; ++i) s = 2 * s - shrink;
    if (s >= 1) break;
  }
  const int64_t period = int64_t{1} << levels;
  return checked_add(checked_bytes({bottom + shrink, period}, 1),
                     checked_bytes({shrink, period - 1}, 1));
}

UNetSizes unet_sizes(int levels, bool same_padding, int64_t input) {
  UNetSizes sizes;
  const int64_t shrink = block_shrink(same_padding);
  int64_t s = input;
  for (int i = 0; i < levels; ++i) {
    s -= shrink;
    if (s < 2 || s % 2 != 0) return sizes;
    sizes.encoder.push_back(s);
    s /= 2;
  }
  s -= shrink;
  if (s < 1) return sizes;
  sizes.bottom = s;
  sizes.up.resize(levels);
  sizes.decoder.resize(levels);
  for (int i = levels - 1; i >= 0; --i) {
    sizes.up[i] = 2 * s;
    s = 2 * s - shrink;
    if (s < 1) return sizes;
    sizes.decoder[i] = s;
  }
  sizes.output = s;
  sizes.valid = true;
  return sizes;
}

std::string check_unet_input_size(const char* op, int levels, bool same_padding, int64_t height,
                                  int64_t width) {
  const int64_t sizes[2] = {height, width};
  const char* names[2] = {"height", "width"};
  for (int d = 0; d < 2; ++d) {
    const int64_t s = sizes[d];
    if (unet_sizes(levels, same_padding, s).valid) continue;
    // Only networks whose smallest input fits wasm memory load (check_unet_spec).
    const int64_t first = smallest_valid_unet_input(levels, same_padding).value_or(0);
    const int64_t period = int64_t{1} << levels;
    const int64_t above = s <= first ? first : first + ((s - first) / period + 1) * period;
    std::ostringstream text;
    text << op << ": input " << names[d] << ' ' << s << " does not fit this " << levels
         << "-level UNet (" << (same_padding ? "'same'" : "valid") << " convolutions): ";
    if (above - period >= first) {
      text << "the nearest valid sizes are " << above - period << " and " << above;
    } else {
      text << "the smallest valid size is " << first;
    }
    const int64_t shrink = above - unet_sizes(levels, same_padding, above).output;
    text << ". Valid sizes are S % " << period << " == " << first % period << " and S >= " << first;
    if (shrink > 0) {
      text << ", giving S - " << shrink << " outputs";
    } else {
      text << ", giving S outputs";
    }
    return text.str();
  }
  return "";
}

}  // namespace poolkit
