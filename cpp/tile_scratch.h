// The working memory of a convolution call, bounded by its GEMM depth, never by the image:
// kChunkTiles packed B tiles (gemm_microkernel.h), depth x kGemmCols floats each.
#pragma once

#include <cstdint>
#include <cstdlib>
#include <memory>

#include "gemm_microkernel.h"

namespace poolkit {

// Tiles packed together and then swept by every block of output channels, so each weight
// panel is read once per chunk rather than once per tile.
constexpr int64_t kChunkTiles = 8;

class TileScratch {
 public:
  explicit TileScratch(int64_t depth)
      : depth_(depth),
        data_(static_cast<float*>(
            std::malloc(static_cast<size_t>(depth * kChunkTiles * kGemmCols) * sizeof(float)))) {}
  // False when the memory could not be allocated.
  bool ok() const { return data_ != nullptr; }
  float* tile(int64_t t) { return data_.get() + depth_ * kGemmCols * t; }

 private:
  struct Free {
    void operator()(float* p) const { std::free(p); }
  };
  int64_t depth_;
  std::unique_ptr<float, Free> data_;
};

}  // namespace poolkit
