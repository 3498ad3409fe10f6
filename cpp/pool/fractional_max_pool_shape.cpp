#include "pool/fractional_max_pool_shape.h"

#include <sstream>

namespace poolkit {
ShapeResult fractional_max_pool_output_shape(const char* op, const Shape& input_shape,
                                             const Shape& kernel_size, const Shape& output_size,
                                             const Shape& samples_shape) {
  const size_t dims = kernel_size.size();
  const std::string input_error = check_spatial_input(op, input_shape, dims);
  if (!input_error.empty()) return {{}, input_error};
  for (size_t i = 0; i < dims; ++i) {
    if (kernel_size[i] < 1)
      return {{},
              op_message(op, "kernelSize must be greater than zero, got kernelSize=" +
                                 format_shape(kernel_size))};
  }
  for (size_t i = 0; i < dims; ++i) {
    if (output_size[i] < 1)
      return {{},
              op_message(op, "outputSize must be at least 1 in every dimension, got outputSize=" +
                                 format_shape(output_size))};
  }
  const size_t first_spatial = input_shape.size() - dims;
  const Shape in_spatial(input_shape.begin() + first_spatial, input_shape.end());
  for (size_t i = 0; i < dims; ++i) {
    // PyTorch 1.13 allows the last window to end at the input's end in 2d, not in 3d.
    const int64_t last_end = output_size[i] + kernel_size[i] - 1;
    if (dims == 2 ? last_end > in_spatial[i] : last_end >= in_spatial[i]) {
      return {{},
              op_message(op, "kernelSize=" + format_shape(kernel_size) +
                                 " is too large for outputSize=" + format_shape(output_size) +
                                 " and input size " + format_shape(in_spatial) +
                                 ": outputSize + kernelSize - 1 must be " +
                                 (dims == 2 ? "at most" : "less than") +
                                 " the input size in every dimension")};
    }
  }
  const bool batched = input_shape.size() == dims + 2;
  const Shape samples_wanted{batched ? input_shape[0] : 1, input_shape[first_spatial - 1],
                             static_cast<int64_t>(dims)};
  // Current PyTorch takes more rows than the batch and uses the first N (its module tests pass
  // [2, C, 3] with an unbatched input); those rows start the tensor, so the kernel reads them.
  const bool enough = samples_shape.size() == 3 && samples_shape[0] >= samples_wanted[0] &&
                      samples_shape[1] == samples_wanted[1] &&
                      samples_shape[2] == samples_wanted[2];
  if (!enough) {
    return {{},
            op_message(op, "randomSamples must have shape " + format_shape(samples_wanted) +
                               (batched ? " (N, C, " : " (1, C, ") + std::to_string(dims) +
                               (batched ? ")" : ") for unbatched input") +
                               " or more rows, got shape " + format_shape(samples_shape))};
  }
  Shape out = input_shape;
  for (size_t i = 0; i < dims; ++i) out[first_spatial + i] = output_size[i];
  return {out, ""};
}

std::string check_fractional_samples(const char* op, const float* samples,
                                     const Shape& samples_shape) {
  const int64_t count = element_count(samples_shape);
  for (int64_t i = 0; i < count; ++i) {
    if (samples[i] >= 0.f && samples[i] < 1.f) continue;  // false for NaN too
    const int64_t per_plane = samples_shape[2];
    std::ostringstream text;
    text << "randomSamples must lie in [0, 1), as torch.rand makes them, got " << samples[i]
         << " at randomSamples[" << i / per_plane / samples_shape[1] << ", "
         << i / per_plane % samples_shape[1] << ", " << i % per_plane << "]";
    return op_message(op, text.str());
  }
  return "";
}

}  // namespace poolkit
