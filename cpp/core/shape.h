// Shapes and the messages about them, shared by every op: a tensor's shape, the result of a
// shape rule (the output shape or a message naming the op, the argument and the rule), and the
// check every spatial input gets. Each family's own rules are in pool_shape.h and conv_shape.h.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace poolkit {

using Shape = std::vector<int64_t>;

// Either the output shape or a message naming the argument, its value and the rule it breaks.
struct ShapeResult {
  Shape shape;
  std::string error;
  bool ok() const { return error.empty(); }
};

std::string format_shape(const Shape& shape);
int64_t element_count(const Shape& shape);
bool all_positive(const Shape& shape);

// "op: text". `op` is the JavaScript name (e.g. "maxPool2d"), because that is what the user
// called; messages name arguments in the API's camelCase for the same reason.
std::string op_message(const char* op, const std::string& text);

// Checks the rank (spatial + 1 unbatched, spatial + 2 batched), that every dimension but the
// batch is non-empty and that a batch item has at most 2^31 - 1 elements (even in an empty
// batch); returns an empty string when the shape is acceptable.
std::string check_spatial_input(const char* op, const Shape& input_shape, size_t spatial_dims);

}  // namespace poolkit
