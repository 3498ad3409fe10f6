// How the pooling kernels read a row of windows four output columns at a time: in place, where
// every column a block asks for lies inside the row, or clipped, where a block crosses an end
// of the row and the columns outside read as the padding value (-inf for max, 0 for sums).
// Reading the row ends as vector blocks replaced scalar edge cells that cost as much as the
// rest of a 3x3 pool.
#pragma once

#include <cstdint>

#include "core/simd.h"

namespace poolkit {

struct InPlaceRow {
  const float* p;  // the block's first column
  simd::v128 load4(int64_t offset) const { return simd::f32x4_load(p + offset); }
  float at(int64_t offset) const { return p[offset]; }
};

struct ClippedRow {
  const float* row;
  int64_t in_w;
  int64_t x;  // the block's first column, maybe outside the row
  float pad;

  // Inlined by force, as are the kernels' edge loops: as calls (V8 does not inline wasm
  // calls) they cost more than the blocks they read for.
  __attribute__((always_inline)) simd::v128 load4(int64_t offset) const {
    using namespace simd;
    const int64_t col = x + offset;
    if (col >= 0 && col + 4 <= in_w) return f32x4_load(row + col);
    if (in_w >= 4 && col > -4 && col < 0) {  // the left end: the row's first four, moved right
      const v128 v = f32x4_load(row), fill = f32x4_splat(pad);
      if (col == -1) return f32x4_slide<3>(fill, v);
      if (col == -2) return f32x4_slide<2>(fill, v);
      return f32x4_slide<1>(fill, v);
    }
    if (in_w >= 4 && col >= in_w - 3 && col < in_w) {  // the right end: its last four, moved left
      const v128 v = f32x4_load(row + in_w - 4), fill = f32x4_splat(pad);
      if (col == in_w - 3) return f32x4_slide<1>(v, fill);
      if (col == in_w - 2) return f32x4_slide<2>(v, fill);
      return f32x4_slide<3>(v, fill);
    }
    return f32x4_make(at(offset), at(offset + 1), at(offset + 2), at(offset + 3));
  }
  float at(int64_t offset) const {
    const int64_t col = x + offset;
    return col >= 0 && col < in_w ? row[col] : pad;
  }
};

// Columns offset, offset + s, offset + 2s, offset + 3s of a block's row. Stride 2 (the common
// pooling case) uses two loads and a shuffle, reading offset..offset + 7. kStride, when not 0,
// is the stride known at compile time.
template <int kStride = 0, typename Row>
inline simd::v128 read_strided(const Row& r, int64_t offset, int64_t stride) {
  using namespace simd;
  const int64_t s = kStride ? kStride : stride;
  if (s == 1) return r.load4(offset);
  if (s == 2) return f32x4_even(r.load4(offset), r.load4(offset + 4));
  return f32x4_make(r.at(offset), r.at(offset + s), r.at(offset + 2 * s), r.at(offset + 3 * s));
}

template <int kStride = 0>
inline simd::v128 load_strided(const float* p, int64_t stride) {
  return read_strided<kStride>(InPlaceRow{p}, 0, stride);
}

// The last column a read_strided touches, relative to its first.
inline int64_t strided_reach(int64_t stride) { return stride == 2 ? 7 : 3 * stride; }

}  // namespace poolkit
