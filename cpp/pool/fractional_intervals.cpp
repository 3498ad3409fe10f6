#include "pool/fractional_max_pool.h"

namespace poolkit {

void fractional_intervals(float sample, int64_t in, int64_t out, int64_t k, int64_t* starts) {
  if (out > 1) {
    // Float, not double: PyTorch computes in the tensor's type, and the truncations below
    // depend on the rounding.
    const float alpha = static_cast<float>(in - k) / static_cast<float>(out - 1);
    for (int64_t i = 0; i < out - 1; ++i) {
      starts[i] = static_cast<int>((static_cast<float>(i) + sample) * alpha) -
                  static_cast<int>(sample * alpha);
    }
  }
  starts[out - 1] = in - k;
}

FractionalPoolGeometry fractional_pool_geometry(const Shape& in, const Shape& output_size,
                                                const Shape& kernel_size) {
  const size_t dims = output_size.size(), r = in.size();
  const int64_t planes = r == dims + 2 ? in[0] * in[1] : in[0];
  if (dims == 2) {
    return {planes,
            1,
            in[r - 2],
            in[r - 1],
            1,
            output_size[0],
            output_size[1],
            1,
            kernel_size[0],
            kernel_size[1],
            2,
            0,
            1,
            0};
  }
  return {planes,
          in[r - 3],
          in[r - 2],
          in[r - 1],
          output_size[0],
          output_size[1],
          output_size[2],
          kernel_size[0],
          kernel_size[1],
          kernel_size[2],
          3,
          0,
          1,
          2};
}

}  // namespace poolkit
