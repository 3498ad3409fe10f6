#include "core/shape.h"

#include <limits>
#include <sstream>

namespace poolkit {

std::string format_shape(const Shape& shape) {
  std::ostringstream out;
  out << '[';
  for (size_t i = 0; i < shape.size(); ++i) out << (i ? ", " : "") << shape[i];
  out << ']';
  return out.str();
}

int64_t element_count(const Shape& shape) {
  int64_t n = 1;
  for (int64_t v : shape) n *= v;
  return n;
}

bool all_positive(const Shape& shape) {
  for (int64_t v : shape)
    if (v <= 0) return false;
  return true;
}

std::string op_message(const char* op, const std::string& text) {
  return std::string(op) + ": " + text;
}

std::string check_spatial_input(const char* op, const Shape& input_shape, size_t spatial_dims) {
  const size_t rank = input_shape.size();
  if (rank != spatial_dims + 1 && rank != spatial_dims + 2) {
    const char* names[] = {"", "(C, L) or (N, C, L)", "(C, H, W) or (N, C, H, W)",
                           "(C, D, H, W) or (N, C, D, H, W)"};
    std::ostringstream text;
    text << "input must be " << spatial_dims + 1 << "D or " << spatial_dims + 2 << "D "
         << names[spatial_dims] << ", got a " << rank << "D tensor of shape "
         << format_shape(input_shape);
    return op_message(op, text.str());
  }
  // PyTorch allows an empty batch (N = 0) but no other empty dimension.
  const size_t first_required = rank == spatial_dims + 2 ? 1 : 0;
  for (size_t i = first_required; i < rank; ++i) {
    if (input_shape[i] <= 0) {
      return op_message(op,
                        "input must have non-empty channel and spatial dimensions (only the "
                        "batch may be empty), got shape " +
                            format_shape(input_shape));
    }
  }
  // A batch item with data has far fewer elements (wasm memory holds 2^30 floats). An empty batch
  // holds no data whatever its other extents, but the kernels still work out plane sizes from
  // them, which must not overflow.
  double item = 1;
  for (size_t i = first_required; i < rank; ++i) item *= static_cast<double>(input_shape[i]);
  if (item > std::numeric_limits<int32_t>::max())
    return op_message(op, "input must have at most 2^31 - 1 elements per batch item, got shape " +
                              format_shape(input_shape));
  return "";
}

}  // namespace poolkit
