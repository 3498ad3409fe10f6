#include "pool/max_unpool_shape.h"

#include <algorithm>
#include <cstdint>
#include <limits>
#include <string>

namespace poolkit {
namespace {

bool all_at_least(const Shape& s, int64_t low) {
  for (int64_t v : s)
    if (v < low) return false;
  return true;
}

// Arguments this large make no sense for a tensor in wasm memory, and keeping them below 2^31
// keeps the size arithmetic far from int64 overflow.
constexpr int64_t kLargest = std::numeric_limits<int32_t>::max();

bool all_at_most(const Shape& s, int64_t high) {
  for (int64_t v : s)
    if (v > high) return false;
  return true;
}

}  // namespace

int64_t unpool_default_size(int64_t input, int64_t kernel, int64_t stride, int64_t padding) {
  return (input - 1) * stride + kernel - 2 * padding;
}

ShapeResult max_unpool_output_shape(const char* op, const Shape& input_shape,
                                    const Shape& indices_shape, const UnpoolArgs& a) {
  const size_t dims = a.kernel_size.size();
  if (!all_at_least(a.kernel_size, 1))
    return {{},
            op_message(op, "kernelSize must be greater than zero, got kernelSize=" +
                               format_shape(a.kernel_size))};
  if (!all_at_least(a.stride, 1))
    return {
        {},
        op_message(op, "stride must be greater than zero, got stride=" + format_shape(a.stride))};
  if (!all_at_least(a.padding, 0))
    return {{},
            op_message(op, "padding must be non-negative, got padding=" + format_shape(a.padding))};
  for (const Shape* s : {&a.kernel_size, &a.stride, &a.padding, &a.output_size}) {
    if (!all_at_most(*s, kLargest))
      return {{},
              op_message(op,
                         "kernelSize, stride, padding and outputSize must be below 2^31, "
                         "got kernelSize=" +
                             format_shape(a.kernel_size) + ", stride=" + format_shape(a.stride) +
                             ", padding=" + format_shape(a.padding) +
                             ", outputSize=" + format_shape(a.output_size))};
  }
  const std::string input_error = check_spatial_input(op, input_shape, dims);
  if (!input_error.empty()) return {{}, input_error};
  if (indices_shape != input_shape)
    return {{},
            op_message(op, "indices must have the input's shape " + format_shape(input_shape) +
                               ", got shape " + format_shape(indices_shape))};

  const size_t first_spatial = input_shape.size() - dims;
  Shape defaults(dims);
  for (size_t i = 0; i < dims; ++i)
    defaults[i] = unpool_default_size(input_shape[first_spatial + i], a.kernel_size[i], a.stride[i],
                                      a.padding[i]);
  Shape sizes = defaults;
  if (!a.output_size.empty()) {
    // PyTorch's rule: each size strictly between default - stride and default + stride, the
    // sizes a max pool with these arguments maps back onto this input size.
    for (size_t i = 0; i < dims; ++i) {
      const int64_t low = defaults[i] - a.stride[i], high = defaults[i] + a.stride[i];
      if (a.output_size[i] <= low || a.output_size[i] >= high)
        return {
            {},
            op_message(op,
                       "outputSize must lie strictly between default size - stride and "
                       "default size + stride, got outputSize=" +
                           format_shape(a.output_size) + " where dimension " + std::to_string(i) +
                           " must be between " + std::to_string(low) + " and " +
                           std::to_string(high) + " (default size " + format_shape(defaults) +
                           ", stride=" + format_shape(a.stride) + ")")};
    }
    sizes = a.output_size;
  }
  Shape out = input_shape;
  // An empty batch counts as one: it makes the output empty, but the kernel still works out
  // the size of each plane from the shape.
  double elements = 1;
  for (size_t i = 0; i < first_spatial; ++i)
    elements *= static_cast<double>(std::max<int64_t>(out[i], 1));
  for (size_t i = 0; i < dims; ++i) {
    out[first_spatial + i] = sizes[i];
    elements *= static_cast<double>(sizes[i]);
  }
  if (!all_at_least(sizes, 1))
    return {
        {},
        op_message(
            op, "output size must be at least 1, got " + format_shape(sizes) + " for input size " +
                    format_shape(Shape(input_shape.begin() + first_spatial, input_shape.end())) +
                    " with kernelSize=" + format_shape(a.kernel_size) +
                    ", stride=" + format_shape(a.stride) + ", padding=" + format_shape(a.padding))};
  if (elements > static_cast<double>(kLargest))
    return {{},
            op_message(op, "the output of shape " + format_shape(out) +
                               " would have more than 2^31 - 1 elements" +
                               (out[0] == 0 ? " per batch item" : ""))};
  return {out, ""};
}

}  // namespace poolkit
