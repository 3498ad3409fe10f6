// Convolution weights rearranged once, when a layer is made or a model is loaded, into the
// panels gemm_microkernel reads: for each group and each block of kGemmRows GEMM rows, `depth`
// steps of kGemmRows floats side by side, zero past the group's last row.
#pragma once

#include <cstdint>

#include "conv/conv2d_geometry.h"
#include "conv/gemm_microkernel.h"
#include "core/float_buffer.h"

namespace poolkit {

class PackedWeights {
 public:
  PackedWeights() = default;

  // conv2d's weight (outChannels, inChannels / groups, kH, kW): GEMM rows are output channels
  // and the depth runs over (input channel, kh, kw).
  static PackedWeights for_conv2d(const float* weight, const Conv2dGeometry& g);
  // conv_transpose2d's weight (inChannels, outChannels / groups, kH, kW): GEMM rows are
  // (output channel, kh, kw) and the depth runs over input channels.
  static PackedWeights for_conv_transpose2d(const float* weight, const Conv2dGeometry& g);

  // False when the memory could not be allocated.
  bool ok() const { return data_ != nullptr; }
  int64_t rows() const { return rows_; }      // GEMM rows per group
  int64_t depth() const { return depth_; }    // GEMM depth
  int64_t blocks() const { return blocks_; }  // blocks of kGemmRows rows per group
  int64_t bytes() const { return groups_ * blocks_ * kGemmRows * depth_ * 4; }
  const float* panel(int64_t group, int64_t block) const {
    return data_.get() + (group * blocks_ + block) * kGemmRows * depth_;
  }

 private:
  // Element (group, row, step) of the source is source[group * group_stride + row *
  // row_stride + step * step_stride].
  static PackedWeights pack(const float* source, int64_t groups, int64_t rows, int64_t depth,
                            int64_t group_stride, int64_t row_stride, int64_t step_stride);

  FloatBuffer data_;
  int64_t groups_ = 0, rows_ = 0, depth_ = 0, blocks_ = 0;
};

}  // namespace poolkit
