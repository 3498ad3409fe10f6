#include "bindings/js_interop.h"

namespace poolkit::js {

Outputs allocate_outputs(const char* op, const std::string& rule_error, const Shape& shape,
                         bool with_indices) {
  Outputs o;
  if (!rule_error.empty()) {
    o.error_ = rule_error;
    return o;
  }
  const std::optional<int64_t> bytes = checked_bytes(shape, sizeof(float));
  o.data_.reset(static_cast<float*>(checked_malloc(bytes, op, "output", &o.error_)));
  if (o.data_ && with_indices) {
    o.indices_.reset(static_cast<int32_t*>(checked_malloc(bytes, op, "index tensor", &o.error_)));
    if (!o.indices_) o.data_.reset();
  }
  return o;
}

FloatBuffer allocate_workspace(const char* op, const Shape& shape, std::string* error) {
  return FloatBuffer(static_cast<float*>(
      checked_malloc(checked_bytes(shape, sizeof(float)), op, "workspace", error)));
}

}  // namespace poolkit::js
