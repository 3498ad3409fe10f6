#include "conv/conv_transpose2d.h"

#include <algorithm>
#include <atomic>

#include "conv/gemm_microkernel.h"
#include "conv/tile_scratch.h"
#include "core/parallel.h"
#include "core/simd.h"

namespace poolkit {
namespace {

using namespace simd;

bool tiles_output_exactly(const Conv2dGeometry& g) {
  return g.kernel_h == g.stride_h && g.kernel_w == g.stride_w && g.dilation_h == 1 &&
         g.dilation_w == 1 && g.pad_h == 0 && g.pad_w == 0 && g.out_h == g.in_h * g.kernel_h &&
         g.out_w == g.in_w * g.kernel_w;
}

// Input pixels (ih, iw .. iw + cols) of every input channel of a group, zero past `cols`.
void pack_tile(const float* planes, const Conv2dGeometry& g, int64_t ih, int64_t iw, int64_t cols,
               float* dst) {
  for (int64_t ic = 0; ic < g.in_channels_per_group(); ++ic, dst += kGemmCols) {
    const float* row = planes + (ic * g.in_h + ih) * g.in_w + iw;
    if (cols == kGemmCols) {
      for (int v = 0; v < kGemmCols; v += 4) f32x4_store(dst + v, f32x4_load(row + v));
    } else {
      for (int64_t j = 0; j < kGemmCols; ++j) dst[j] = j < cols ? row[j] : 0.f;
    }
  }
}

// Where one GEMM row (output channel, kh, kw) of a tile lands.
struct RowTarget {
  int64_t oc, kh, kw;
};

RowTarget row_target(int64_t row, const Conv2dGeometry& g) {
  const int64_t taps = g.kernel_h * g.kernel_w;
  return {row / taps, row % taps / g.kernel_w, row % g.kernel_w};
}

// col2im for one tile: adds row r's values into the output pixels its (kh, kw) reaches.
void scatter_add_tile(const float* c, int64_t first_row, int64_t rows, int64_t cols, int64_t ih,
                      int64_t iw, const Conv2dGeometry& g, float* out_group) {
  for (int64_t r = 0; r < rows; ++r, c += kGemmCols) {
    const RowTarget t = row_target(first_row + r, g);
    const int64_t oh = ih * g.stride_h - g.pad_h + t.kh * g.dilation_h;
    if (oh < 0 || oh >= g.out_h) continue;
    float* out = out_group + (t.oc * g.out_h + oh) * g.out_w;
    for (int64_t j = 0; j < cols; ++j) {
      const int64_t ow = (iw + j) * g.stride_w - g.pad_w + t.kw * g.dilation_w;
      if (ow >= 0 && ow < g.out_w) out[ow] += c[j];
    }
  }
}

// The exact-tiling case: every output pixel receives one value, so the tile is stored with
// its bias. With kernel width 2, GEMM rows come in (kw = 0, kw = 1) pairs, and a full tile of
// a pair is one interleaved run of 2 * kGemmCols output pixels.
void store_shuffled_tile(const float* c, int64_t first_row, int64_t rows, int64_t cols, int64_t ih,
                         int64_t iw, const Conv2dGeometry& g, const float* bias, float* out_group) {
  const bool pairs = g.kernel_w == 2 && cols == kGemmCols;
  for (int64_t r = 0; r < rows;) {
    const RowTarget t = row_target(first_row + r, g);
    const float b = bias ? bias[t.oc] : 0.f;
    float* out = out_group + (t.oc * g.out_h + ih * g.kernel_h + t.kh) * g.out_w;
    const float* values = c + r * kGemmCols;
    if (pairs && t.kw == 0 && r + 1 < rows) {
      const v128 vb = f32x4_splat(b);
      for (int v = 0; v < kGemmCols; v += 4) {
        const v128 even = f32x4_load(values + v), odd = f32x4_load(values + kGemmCols + v);
        f32x4_store(out + iw * 2 + 2 * v, f32x4_add(f32x4_zip_low(even, odd), vb));
        f32x4_store(out + iw * 2 + 2 * v + 4, f32x4_add(f32x4_zip_high(even, odd), vb));
      }
      r += 2;
    } else {
      for (int64_t j = 0; j < cols; ++j) out[(iw + j) * g.kernel_w + t.kw] = values[j] + b;
      r += 1;
    }
  }
}

}  // namespace

bool conv_transpose2d(const float* input, const PackedWeights& weights, const float* bias,
                      float* output, const Conv2dGeometry& g) {
  const int64_t depth = weights.depth();  // input channels per group
  const int64_t out_per_group = g.out_channels_per_group();
  const int64_t out_plane = g.out_h * g.out_w;
  const bool exact = tiles_output_exactly(g);
  if (!exact) {
    for (int64_t n = 0; n < g.batch; ++n)
      for (int64_t oc = 0; oc < g.out_channels; ++oc)
        std::fill_n(output + (n * g.out_channels + oc) * out_plane, out_plane,
                    bias ? bias[oc] : 0.f);
  }
  // The unit of work: one chunk of up to kChunkTiles tiles in one input row of one group. In
  // the exact-tiling case units write disjoint outputs and threads split them; otherwise
  // neighbouring rows add into the same pixels, and one thread takes them all.
  const int64_t chunk_width = kChunkTiles * kGemmCols;
  const int64_t chunks_per_row = (g.in_w + chunk_width - 1) / chunk_width;
  const int64_t units = g.batch * g.groups * g.in_h * chunks_per_row;
  std::atomic<bool> ok{true};
  auto run = [&](int64_t begin, int64_t end) {
    TileScratch scratch(depth);
    if (!scratch.ok()) {
      ok = false;
      return;
    }
    alignas(16) float c[kGemmRows * kGemmCols];
    for (int64_t unit = begin; unit < end; ++unit) {
      const int64_t iw0 = unit % chunks_per_row * chunk_width;
      const int64_t ih = unit / chunks_per_row % g.in_h;
      const int64_t group = unit / chunks_per_row / g.in_h % g.groups;
      const int64_t n = unit / chunks_per_row / g.in_h / g.groups;
      const float* planes = input + (n * g.in_channels + group * depth) * g.in_h * g.in_w;
      float* out_group = output + (n * g.out_channels + group * out_per_group) * out_plane;
      const float* bias_group = bias ? bias + group * out_per_group : nullptr;
      const int64_t count = std::min(kChunkTiles, (g.in_w - iw0 + kGemmCols - 1) / kGemmCols);
      for (int64_t t = 0; t < count; ++t) {
        const int64_t iw = iw0 + t * kGemmCols;
        pack_tile(planes, g, ih, iw, std::min<int64_t>(kGemmCols, g.in_w - iw), scratch.tile(t));
      }
      for (int64_t block = 0; block < weights.blocks(); ++block) {
        const int64_t first_row = block * kGemmRows;
        const int64_t rows_valid = std::min<int64_t>(kGemmRows, weights.rows() - first_row);
        const float* panel = weights.panel(group, block);
        for (int64_t t = 0; t < count; ++t) {
          const int64_t iw = iw0 + t * kGemmCols;
          const int64_t cols = std::min<int64_t>(kGemmCols, g.in_w - iw);
          gemm_microkernel(static_cast<size_t>(depth), panel, scratch.tile(t), c);
          if (exact) {
            store_shuffled_tile(c, first_row, rows_valid, cols, ih, iw, g, bias_group, out_group);
          } else {
            scatter_add_tile(c, first_row, rows_valid, cols, ih, iw, g, out_group);
          }
        }
      }
    }
  };
  if (exact) {
    parallel_for(units, depth * weights.rows() * chunk_width, run);
  } else {
    run(0, units);
  }
  return ok;
}

}  // namespace poolkit
