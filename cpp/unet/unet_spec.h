// The seed U-Net (scripts/unet/seed_unet.py) described by its widths: `levels` encoder blocks
// (enc1..encL, each two 3x3 convolutions with ReLU, then MaxPool2d(2)), a bottom block, and per
// level an up-convolution (ConvTranspose2d k=2 s=2) whose output is concatenated with the
// centre-cropped skip tensor before a decoder block (dec_i), then a 1x1 out_conv.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/shape.h"

namespace poolkit {

struct UNetSpec {
  int64_t in_channels = 0;
  int64_t out_channels = 0;
  std::vector<int64_t> encoder;  // widths of enc1..encL
  int64_t bottom = 0;            // width of the bottom block
  std::vector<int64_t> up;       // output channels of up1..upL
  std::vector<int64_t> decoder;  // widths of dec1..decL
  // false: the seed's padding=0 convolutions, skips centre-cropped. true: padding=1, so skips
  // and up-convolutions have the same size and the crop takes everything.
  bool same_padding = false;

  int levels() const { return static_cast<int>(encoder.size()); }
};

// One tensor of the model's state_dict: its key and shape.
struct UNetTensor {
  std::string key;
  Shape shape;
};

// Every tensor the model needs, in the order of SeedUNet's state_dict (enc1.0.weight,
// enc1.0.bias, enc1.2.weight, ..., bottom..., upL, decL, ..., up1, dec1, out_conv): the order
// UNet::create reads them in.
std::vector<UNetTensor> unet_layout(const UNetSpec& spec);

// An empty string, or what is wrong with the widths (a zero width, mismatched level counts).
std::string check_unet_spec(const UNetSpec& spec);

}  // namespace poolkit
