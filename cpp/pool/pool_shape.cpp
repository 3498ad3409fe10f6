#include "pool/pool_shape.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <sstream>

namespace poolkit {
namespace {

// Integer division rounding toward negative infinity (ATen's div_rtn): an input smaller than the
// window gives a negative numerator, and the output size must then come out below one.
int64_t div_rtn(int64_t x, int64_t y) {
  int64_t q = x / y;
  int64_t r = x % y;
  if (r != 0 && ((r < 0) != (y < 0))) --q;
  return q;
}

}  // namespace

int64_t pooling_output_size(int64_t input, int64_t kernel, int64_t stride, int64_t padding,
                            int64_t dilation, bool ceil_mode) {
  int64_t out =
      div_rtn(input + 2 * padding - dilation * (kernel - 1) - 1 + (ceil_mode ? stride - 1 : 0),
              stride) +
      1;
  if (ceil_mode && (out - 1) * stride >= input + padding) --out;
  return out;
}

ShapeResult window_pool_output_shape(const char* op, const Shape& input_shape,
                                     const WindowArgs& args) {
  const size_t dims = args.kernel_size.size();
  if (!all_positive(args.kernel_size))
    return {{},
            op_message(op, "kernelSize must be greater than zero, got kernelSize=" +
                               format_shape(args.kernel_size))};
  if (!all_positive(args.stride))
    return {{},
            op_message(
                op, "stride must be greater than zero, got stride=" + format_shape(args.stride))};
  if (!all_positive(args.dilation))
    return {{},
            op_message(op, "dilation must be greater than zero, got dilation=" +
                               format_shape(args.dilation))};
  for (size_t i = 0; i < dims; ++i) {
    if (args.padding[i] < 0)
      return {{},
              op_message(
                  op, "padding must be non-negative, got padding=" + format_shape(args.padding))};
    // PyTorch 1.13 compares with half the kernel size, not half the dilated window.
    if (args.padding[i] > args.kernel_size[i] / 2)
      return {{},
              op_message(op, "padding must be at most half of kernelSize, got padding=" +
                                 format_shape(args.padding) +
                                 " with kernelSize=" + format_shape(args.kernel_size))};
  }
  std::string input_error = check_spatial_input(op, input_shape, dims);
  if (!input_error.empty()) return {{}, input_error};

  Shape out = input_shape;
  const size_t first_spatial = input_shape.size() - dims;
  bool too_small = false;
  for (size_t i = 0; i < dims; ++i) {
    out[first_spatial + i] =
        pooling_output_size(input_shape[first_spatial + i], args.kernel_size[i], args.stride[i],
                            args.padding[i], args.dilation[i], args.ceil_mode);
    too_small = too_small || out[first_spatial + i] < 1;
  }
  if (too_small) {
    const Shape in_spatial(input_shape.begin() + first_spatial, input_shape.end());
    const Shape out_spatial(out.begin() + first_spatial, out.end());
    // Only the arguments the op has: LPPool has no padding, only max pools have dilation.
    const std::string name(op);
    const bool has_padding = name.rfind("lpPool", 0) != 0;
    const bool has_dilation = name.rfind("maxPool", 0) == 0;
    return {{},
            op_message(op, "output size must be at least 1, got " + format_shape(out_spatial) +
                               " for input size " + format_shape(in_spatial) +
                               " with kernelSize=" + format_shape(args.kernel_size) +
                               ", stride=" + format_shape(args.stride) +
                               (has_padding ? ", padding=" + format_shape(args.padding) : "") +
                               (has_dilation ? ", dilation=" + format_shape(args.dilation) : ""))};
  }
  return {out, ""};
}

ShapeResult avg_pool_output_shape(const char* op, const Shape& input_shape, const WindowArgs& args,
                                  std::optional<int64_t> divisor_override) {
  ShapeResult out = window_pool_output_shape(op, input_shape, args);
  if (!out.ok()) return out;
  if (divisor_override &&
      (*divisor_override == 0 || *divisor_override < INT32_MIN || *divisor_override > INT32_MAX)) {
    return {{},
            op_message(op,
                       "divisorOverride must be a non-zero integer from -2147483648 to "
                       "2147483647, got divisorOverride=" +
                           std::to_string(*divisor_override))};
  }
  const size_t dims = args.kernel_size.size();
  if (dims == 3) {
    const Shape in_spatial(input_shape.end() - 3, input_shape.end());
    for (size_t i = 0; i < 3; ++i) {
      if (in_spatial[i] < args.kernel_size[i])
        return {{},
                op_message(op,
                           "input must be at least as large as kernelSize in every spatial "
                           "dimension (padding does not count), got input size " +
                               format_shape(in_spatial) +
                               " with kernelSize=" + format_shape(args.kernel_size))};
    }
  }
  return out;
}

ShapeResult adaptive_pool_output_shape(const char* op, const Shape& input_shape,
                                       const OutputSize& output_size) {
  const size_t dims = output_size.size();
  std::string input_error = check_spatial_input(op, input_shape, dims);
  if (!input_error.empty()) return {{}, input_error};
  Shape out = input_shape;
  const size_t first_spatial = input_shape.size() - dims;
  bool too_small = false;
  std::ostringstream given;
  given << '[';
  for (size_t i = 0; i < dims; ++i) {
    given << (i ? ", " : "");
    if (output_size[i]) {
      out[first_spatial + i] = *output_size[i];
      too_small = too_small || *output_size[i] < 1;
      given << *output_size[i];
    } else {
      given << "null";
    }
  }
  given << ']';
  // PyTorch returns an empty tensor for an output size of 0; poolkit says what is wrong.
  if (too_small)
    return {{},
            op_message(op, "outputSize must be at least 1 in every dimension, got outputSize=" +
                               given.str())};
  // Far past what wasm memory holds, and past what int64 arithmetic on the shape can bear. An
  // empty batch counts as one: it makes the output empty, but the kernels still work out the
  // size of each plane from the shape.
  double elements = 1;
  for (int64_t d : out) elements *= static_cast<double>(std::max<int64_t>(d, 1));
  if (elements > std::numeric_limits<int32_t>::max())
    return {{},
            op_message(op, "outputSize=" + given.str() + " asks for an output of shape " +
                               format_shape(out) + ", more than 2^31 - 1 elements" +
                               (out[0] == 0 ? " per batch item" : ""))};
  return {out, ""};
}

ShapeResult lp_pool_output_shape(const char* op, const Shape& input_shape, const WindowArgs& args,
                                 double norm_type) {
  if (!(norm_type > 0) || std::isinf(norm_type)) {
    // Spelled as JavaScript prints it, since that is what the user typed.
    std::ostringstream value;
    if (std::isnan(norm_type)) {
      value << "NaN";
    } else if (std::isinf(norm_type)) {
      value << (norm_type < 0 ? "-Infinity" : "Infinity");
    } else {
      value << norm_type;
    }
    return {
        {},
        op_message(op, "normType must be a positive, finite number, got normType=" + value.str())};
  }
  return avg_pool_output_shape(op, input_shape, args, std::nullopt);
}

}  // namespace poolkit
