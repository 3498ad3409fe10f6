// PyTorch's shape rules for adaptive pooling (adaptive_{max,avg}_pool{1,2,3}d), checked before
// any memory is touched.
#pragma once

#include "pool_shape.h"

namespace poolkit {

// The output shape for `output_size` (one entry per spatial dimension, None already replaced by
// the input's size), or a message naming the argument, its value and the rule. Beyond PyTorch,
// an output size of 0 is rejected (PyTorch returns an empty tensor).
ShapeResult adaptive_pool_output_shape(const char* op, const Shape& input_shape,
                                       const Shape& output_size);

}  // namespace poolkit
