#include "conv/packed_weights.h"

namespace poolkit {

PackedWeights PackedWeights::pack(const float* source, int64_t groups, int64_t rows, int64_t depth,
                                  int64_t group_stride, int64_t row_stride, int64_t step_stride) {
  PackedWeights p;
  p.groups_ = groups;
  p.rows_ = rows;
  p.depth_ = depth;
  p.blocks_ = (rows + kGemmRows - 1) / kGemmRows;
  p.data_ = allocate_floats({p.groups_, p.blocks_, kGemmRows, p.depth_});
  if (!p.data_) return p;
  float* out = p.data_.get();
  for (int64_t g = 0; g < groups; ++g) {
    for (int64_t block = 0; block < p.blocks_; ++block) {
      for (int64_t k = 0; k < depth; ++k) {
        for (int64_t r = 0; r < kGemmRows; ++r) {
          const int64_t row = block * kGemmRows + r;
          *out++ = row < rows ? source[g * group_stride + row * row_stride + k * step_stride] : 0.f;
        }
      }
    }
  }
  return p;
}

PackedWeights PackedWeights::for_conv2d(const float* weight, const Conv2dGeometry& g) {
  const int64_t rows = g.out_channels_per_group();
  const int64_t depth = g.in_channels_per_group() * g.kernel_h * g.kernel_w;
  return pack(weight, g.groups, rows, depth, rows * depth, depth, 1);
}

PackedWeights PackedWeights::for_conv_transpose2d(const float* weight, const Conv2dGeometry& g) {
  const int64_t rows = g.out_channels_per_group() * g.kernel_h * g.kernel_w;
  const int64_t depth = g.in_channels_per_group();
  return pack(weight, g.groups, rows, depth, depth * rows, 1, rows);
}

}  // namespace poolkit
