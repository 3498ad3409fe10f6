// The spatial sizes a seed U-Net goes through along one dimension, and which input sizes it
// accepts: every 3x3 convolution takes 2 off a valid-padded size, each level must pool an even
// size, and every block must keep at least one pixel. For the seed's three levels that is
// S % 8 == 4 and S >= 92, giving S - 88 (572 -> 484); 'same' padding needs S % 8 == 0.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace poolkit {

struct UNetSizes {
  bool valid = false;
  std::vector<int64_t> encoder;  // after enc_i's convolutions (the skip tensor), i = 1..L
  int64_t bottom = 0;            // after the bottom block
  std::vector<int64_t> up;       // after up_i, i = 1..L
  std::vector<int64_t> decoder;  // after dec_i, i = 1..L
  int64_t output = 0;
};

UNetSizes unet_sizes(int levels, bool same_padding, int64_t input);

// The smallest input size a `levels`-level UNet accepts (valid sizes repeat every 2^levels
// from there), or nullopt when it overflows int64.
std::optional<int64_t> smallest_valid_unet_input(int levels, bool same_padding);

// An empty string when (height, width) is a valid input size, else a message naming the
// dimension, the nearest valid sizes and the rule, prefixed with `op`.
std::string check_unet_input_size(const char* op, int levels, bool same_padding, int64_t height,
                                  int64_t width);

}  // namespace poolkit
