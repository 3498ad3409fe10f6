#include "conv/conv_shape.h"

#include <sstream>

namespace poolkit {
namespace {

bool all_non_negative(const Shape& s) {
  for (int64_t v : s)
    if (v < 0) return false;
  return true;
}

ConvShapeResult failed(const std::string& message) {
  ConvShapeResult r;
  r.error = message;
  return r;
}

ConvShapeResult fail(const char* op, const std::string& text) {
  return failed(op_message(op, text));
}

std::string got(const char* name, const Shape& value) {
  return std::string(", got ") + name + "=" + format_shape(value);
}

// The checks both convolutions share, in ATen's order: rank, then stride, padding, dilation
// and groups.
std::string check_common(const char* op, const Shape& input_shape, const Shape& weight_shape,
                         const char* weight_layout, const Shape& stride, const Shape& padding,
                         const Shape& dilation, int64_t groups) {
  std::string error = check_spatial_input(op, input_shape, 2);
  if (!error.empty()) return error;
  std::ostringstream text;
  text << op << ": ";
  if (weight_shape.size() != 4) {
    text << "weight must be 4D " << weight_layout << ", got a " << weight_shape.size()
         << "D tensor of shape " << format_shape(weight_shape);
  } else if (!all_positive(weight_shape)) {
    text << "weight must have non-empty dimensions, got shape " << format_shape(weight_shape);
  } else if (!all_positive(stride)) {
    text << "stride must be greater than zero" << got("stride", stride);
  } else if (!all_non_negative(padding)) {
    text << "padding must be non-negative" << got("padding", padding);
  } else if (!all_positive(dilation)) {
    text << "dilation must be greater than zero" << got("dilation", dilation);
  } else if (groups <= 0) {
    text << "groups must be greater than zero, got groups=" << groups;
  } else if (weight_shape[0] % groups != 0) {
    text << "weight.shape[0] must be divisible by groups, got weight of shape "
         << format_shape(weight_shape) << " with groups=" << groups;
  } else {
    return "";
  }
  return text.str();
}

std::string check_bias(const char* op, const Shape* bias_shape, int64_t out_channels) {
  if (!bias_shape || (bias_shape->size() == 1 && (*bias_shape)[0] == out_channels)) return "";
  std::ostringstream text;
  text << op << ": bias must be 1D with " << out_channels
       << " elements (outChannels), got bias of shape " << format_shape(*bias_shape);
  return text.str();
}

// Batch and spatial sizes of the (3D or 4D) input.
struct InputDims {
  int64_t batch, channels, h, w;
};

InputDims input_dims(const Shape& s) {
  const size_t r = s.size();
  return {r == 4 ? s[0] : 1, s[r - 3], s[r - 2], s[r - 1]};
}

Shape output_shape(const Shape& input_shape, int64_t channels, int64_t h, int64_t w) {
  if (input_shape.size() == 3) return {channels, h, w};
  return {input_shape[0], channels, h, w};
}

}  // namespace

ConvShapeResult conv2d_output_shape(const char* op, const Shape& input_shape,
                                    const Shape& weight_shape, const Shape* bias_shape,
                                    const Conv2dArgs& args) {
  const Shape padding = args.same_padding ? Shape{0, 0} : args.padding;
  std::string error =
      check_common(op, input_shape, weight_shape, "(outChannels, inChannels / groups, kH, kW)",
                   args.stride, padding, args.dilation, args.groups);
  if (!error.empty()) return failed(error);
  const InputDims in = input_dims(input_shape);
  const int64_t groups = args.groups;
  if (in.channels != weight_shape[1] * groups) {
    std::ostringstream text;
    text << "input must have " << weight_shape[1] * groups
         << " channels (weight.shape[1] * groups, for weight of shape "
         << format_shape(weight_shape) << " and groups=" << groups << "), got " << in.channels
         << " channels in input of shape " << format_shape(input_shape);
    return fail(op, text.str());
  }
  error = check_bias(op, bias_shape, weight_shape[0]);
  if (!error.empty()) return failed(error);
  if (args.same_padding && (args.stride[0] != 1 || args.stride[1] != 1))
    return fail(op, "padding='same' needs stride 1" + got("stride", args.stride));

  const Shape kernel{weight_shape[2], weight_shape[3]};
  const Shape extent{args.dilation[0] * (kernel[0] - 1) + 1,
                     args.dilation[1] * (kernel[1] - 1) + 1};
  // PyTorch's 'same': total padding d * (k - 1), the odd one out going bottom/right.
  const Shape pad_before =
      args.same_padding ? Shape{(extent[0] - 1) / 2, (extent[1] - 1) / 2} : args.padding;
  const Shape padded = args.same_padding ? Shape{in.h + extent[0] - 1, in.w + extent[1] - 1}
                                         : Shape{in.h + 2 * padding[0], in.w + 2 * padding[1]};
  if (extent[0] > padded[0] || extent[1] > padded[1]) {
    return fail(op, "the kernel (with dilation) must fit in the padded input, got kernel extent " +
                        format_shape(extent) + " for padded input size " + format_shape(padded));
  }
  ConvShapeResult r;
  Conv2dGeometry& g = r.geometry;
  g.batch = in.batch;
  g.in_channels = in.channels;
  g.in_h = in.h;
  g.in_w = in.w;
  g.out_channels = weight_shape[0];
  g.out_h = (padded[0] - extent[0]) / args.stride[0] + 1;
  g.out_w = (padded[1] - extent[1]) / args.stride[1] + 1;
  g.kernel_h = kernel[0];
  g.kernel_w = kernel[1];
  g.stride_h = args.stride[0];
  g.stride_w = args.stride[1];
  g.pad_h = pad_before[0];
  g.pad_w = pad_before[1];
  g.dilation_h = args.dilation[0];
  g.dilation_w = args.dilation[1];
  g.groups = groups;
  r.shape = output_shape(input_shape, g.out_channels, g.out_h, g.out_w);
  return r;
}

ConvShapeResult conv_transpose2d_output_shape(const char* op, const Shape& input_shape,
                                              const Shape& weight_shape, const Shape* bias_shape,
                                              const ConvTranspose2dArgs& args) {
  std::string error =
      check_common(op, input_shape, weight_shape, "(inChannels, outChannels / groups, kH, kW)",
                   args.stride, args.padding, args.dilation, args.groups);
  if (!error.empty()) return failed(error);
  if (!all_non_negative(args.output_padding))
    return fail(op,
                "outputPadding must be non-negative" + got("outputPadding", args.output_padding));
  const InputDims in = input_dims(input_shape);
  if (in.channels != weight_shape[0]) {
    std::ostringstream text;
    text << "input must have " << weight_shape[0]
         << " channels (weight.shape[0], for weight of shape " << format_shape(weight_shape)
         << "), got " << in.channels << " channels in input of shape " << format_shape(input_shape);
    return fail(op, text.str());
  }
  const int64_t out_channels = weight_shape[1] * args.groups;
  error = check_bias(op, bias_shape, out_channels);
  if (!error.empty()) return failed(error);

  const Shape kernel{weight_shape[2], weight_shape[3]};
  const Shape in_size{in.h, in.w};
  Shape output_padding = args.output_padding;
  // ATen's conv_input_size without output padding: the smallest output that maps back to the
  // input size.
  Shape min_size(2);
  for (int d = 0; d < 2; ++d) {
    min_size[d] = (in_size[d] - 1) * args.stride[d] - 2 * args.padding[d] +
                  args.dilation[d] * (kernel[d] - 1) + 1;
  }
  if (!args.output_size.empty()) {
    // nn.ConvTranspose2d._output_padding: any size within stride - 1 above the smallest.
    const Shape max_size{min_size[0] + args.stride[0] - 1, min_size[1] + args.stride[1] - 1};
    for (int d = 0; d < 2; ++d) {
      if (args.output_size[d] < min_size[d] || args.output_size[d] > max_size[d]) {
        return fail(op, "outputSize must be between " + format_shape(min_size) + " and " +
                            format_shape(max_size) + " for input size " + format_shape(in_size) +
                            got("outputSize", args.output_size));
      }
      output_padding[d] = args.output_size[d] - min_size[d];
    }
  }
  for (int d = 0; d < 2; ++d) {
    if (output_padding[d] >= args.stride[d] && output_padding[d] >= args.dilation[d]) {
      return fail(op, "outputPadding must be smaller than stride or dilation" +
                          got("outputPadding", output_padding) + " with stride=" +
                          format_shape(args.stride) + ", dilation=" + format_shape(args.dilation));
    }
  }
  const Shape out_size{min_size[0] + output_padding[0], min_size[1] + output_padding[1]};
  if (out_size[0] < 1 || out_size[1] < 1) {
    return fail(op, "output size must be at least 1, got " + format_shape(out_size) +
                        " for input size " + format_shape(in_size) + " with kernelSize=" +
                        format_shape(kernel) + ", stride=" + format_shape(args.stride) +
                        ", padding=" + format_shape(args.padding) +
                        ", dilation=" + format_shape(args.dilation) +
                        ", outputPadding=" + format_shape(output_padding));
  }
  ConvShapeResult r;
  Conv2dGeometry& g = r.geometry;
  g.batch = in.batch;
  g.in_channels = in.channels;
  g.in_h = in.h;
  g.in_w = in.w;
  g.out_channels = out_channels;
  g.out_h = out_size[0];
  g.out_w = out_size[1];
  g.kernel_h = kernel[0];
  g.kernel_w = kernel[1];
  g.stride_h = args.stride[0];
  g.stride_w = args.stride[1];
  g.pad_h = args.padding[0];
  g.pad_w = args.padding[1];
  g.dilation_h = args.dilation[0];
  g.dilation_w = args.dilation[1];
  g.groups = args.groups;
  r.shape = output_shape(input_shape, out_channels, out_size[0], out_size[1]);
  return r;
}

}  // namespace poolkit
