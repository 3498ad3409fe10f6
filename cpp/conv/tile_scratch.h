// The working memory of a convolution call, bounded by its GEMM depth, never by the image:
// kChunkTiles packed B tiles (gemm_microkernel.h), depth x kGemmCols floats each.
#pragma once

#include <cstdint>

#include "conv/gemm_microkernel.h"
#include "core/float_buffer.h"

namespace poolkit {

// Tiles packed together and then swept by every block of output channels, so each weight
// panel is read once per chunk rather than once per tile.
constexpr int64_t kChunkTiles = 8;

class TileScratch {
 public:
  explicit TileScratch(int64_t depth)
      : depth_(depth), data_(allocate_floats({depth, kChunkTiles, kGemmCols})) {}
  // False when the memory could not be allocated.
  bool ok() const { return data_ != nullptr; }
  float* tile(int64_t t) { return data_.get() + depth_ * kGemmCols * t; }

 private:
  int64_t depth_;
  FloatBuffer data_;
};

}  // namespace poolkit
