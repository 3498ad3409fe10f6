// PyTorch's rules for fractional_max_pool{2,3}d (their meta functions), checked before any
// memory is touched, plus the checks PyTorch 1.13 leaves out.
#pragma once

#include <string>

#include "pool/pool_shape.h"

namespace poolkit {

// The output shape, or a message naming the argument, its value and the rule. Beyond PyTorch:
// kernelSize and outputSize must be at least 1 (PyTorch pools empty windows into -inf, or
// returns an empty tensor), and randomSamples must have shape (N, C, dims), N = 1 for unbatched
// input (PyTorch reads whatever memory follows a smaller tensor).
ShapeResult fractional_max_pool_output_shape(const char* op, const Shape& input_shape,
                                             const Shape& kernel_size, const Shape& output_size,
                                             const Shape& samples_shape);

// Every sample must lie in [0, 1), as torch.rand makes them (PyTorch accepts other values while
// the windows they give stay inside the input); returns a message for the first that does not,
// or an empty string.
std::string check_fractional_samples(const char* op, const float* samples,
                                     const Shape& samples_shape);

}  // namespace poolkit
