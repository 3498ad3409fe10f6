#include "adaptive_pool_shape.h"

#include <cstdint>
#include <limits>

namespace poolkit {

ShapeResult adaptive_pool_output_shape(const char* op, const Shape& input_shape,
                                       const Shape& output_size) {
  const size_t dims = output_size.size();
  const std::string input_error = check_pool_input(op, input_shape, dims);
  if (!input_error.empty()) return {{}, input_error};
  double elements = 1;
  for (int64_t v : output_size) {
    if (v < 1) {
      return {{},
              std::string(op) + ": outputSize must be at least 1 in every dimension, got " +
                  "outputSize=" + format_shape(output_size)};
    }
    elements *= static_cast<double>(v);
  }
  Shape out = input_shape;
  for (size_t i = 0; i < dims; ++i) out[out.size() - dims + i] = output_size[i];
  for (size_t i = 0; i < out.size() - dims; ++i) elements *= static_cast<double>(out[i]);
  // Far past what wasm memory holds, and past what int64 arithmetic on the shape can bear.
  if (elements > std::numeric_limits<int32_t>::max()) {
    return {{},
            std::string(op) + ": outputSize=" + format_shape(output_size) +
                " asks for an output of shape " + format_shape(out) +
                ", more than 2^31 - 1 elements"};
  }
  return {out, ""};
}

}  // namespace poolkit
