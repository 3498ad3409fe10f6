// PyTorch's conv2d and conv_transpose2d argument checks and output sizes (ATen's
// Convolution.cpp: check_shape_forward and conv_output_size / conv_input_size), in PyTorch's
// order, with messages that name the JavaScript argument, its value and the rule.
#pragma once

#include <string>

#include "conv/conv2d_geometry.h"
#include "core/shape.h"

namespace poolkit {

struct Conv2dArgs {
  Shape stride;    // [h, w]
  Shape padding;   // [h, w]; ignored when same_padding
  Shape dilation;  // [h, w]
  int64_t groups = 1;
  bool same_padding = false;  // PyTorch's padding='same' ('valid' is padding [0, 0])
};

struct ConvTranspose2dArgs {
  Shape stride;
  Shape padding;
  Shape output_padding;
  Shape dilation;
  int64_t groups = 1;
  // When not empty ([h, w]), chooses output_padding as nn.ConvTranspose2d's forward(input,
  // output_size) does, and output_padding is ignored.
  Shape output_size;
};

// Either the checked geometry and the output shape (3D for unbatched input, else 4D), or a
// message.
struct ConvShapeResult {
  Conv2dGeometry geometry{};
  Shape shape;
  std::string error;
  bool ok() const { return error.empty(); }
};

// `bias_shape` is null when there is no bias.
ConvShapeResult conv2d_output_shape(const char* op, const Shape& input_shape,
                                    const Shape& weight_shape, const Shape* bias_shape,
                                    const Conv2dArgs& args);

ConvShapeResult conv_transpose2d_output_shape(const char* op, const Shape& input_shape,
                                              const Shape& weight_shape, const Shape* bias_shape,
                                              const ConvTranspose2dArgs& args);

}  // namespace poolkit
