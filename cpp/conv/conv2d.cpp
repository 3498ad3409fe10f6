#include "conv/conv2d.h"

#include <algorithm>
#include <atomic>
#include <vector>

#include "conv/conv2d_winograd.h"
#include "conv/gemm_microkernel.h"
#include "conv/tile_scratch.h"
#include "core/parallel.h"
#include "core/simd.h"

namespace poolkit {
namespace {

using namespace simd;

// The im2col tile of output pixels (oh, ow .. ow + cols) for one group, zero for padding and
// past `cols`. Runs of 8 inputs inside the row (stride 1, away from the borders: nearly all of
// them in a UNet) are copied as two vectors.
void pack_tile(const PlaneView* views, const Conv2dGeometry& g, int64_t oh, int64_t ow,
               int64_t cols, float* dst) {
  const bool contiguous = g.stride_w == 1 && cols == kGemmCols;
  for (int64_t ic = 0; ic < g.in_channels_per_group(); ++ic) {
    for (int64_t kh = 0; kh < g.kernel_h; ++kh) {
      const int64_t ih = oh * g.stride_h - g.pad_h + kh * g.dilation_h;
      if (ih < 0 || ih >= g.in_h) {
        std::fill_n(dst, g.kernel_w * kGemmCols, 0.f);
        dst += g.kernel_w * kGemmCols;
        continue;
      }
      const float* row = views[ic].data + ih * views[ic].row_stride;
      for (int64_t kw = 0; kw < g.kernel_w; ++kw, dst += kGemmCols) {
        const int64_t iw0 = ow * g.stride_w - g.pad_w + kw * g.dilation_w;
        if (contiguous && iw0 >= 0 && iw0 + kGemmCols <= g.in_w) {
          for (int v = 0; v < kGemmCols; v += 4) f32x4_store(dst + v, f32x4_load(row + iw0 + v));
          continue;
        }
        for (int64_t j = 0; j < kGemmCols; ++j) {
          const int64_t iw = iw0 + j * g.stride_w;
          dst[j] = j < cols && iw >= 0 && iw < g.in_w ? row[iw] : 0.f;
        }
      }
    }
  }
}

// Stores rows x cols of the tile c into the output planes (plane_stride apart), adding the
// bias and applying the activation.
void store_tile(const float* c, int64_t rows, int64_t cols, const float* bias, Activation act,
                float* out, int64_t plane_stride) {
  const v128 zero = f32x4_splat(0.f);
  for (int64_t r = 0; r < rows; ++r, out += plane_stride, c += kGemmCols) {
    const float b = bias ? bias[r] : 0.f;
    if (cols == kGemmCols) {
      const v128 vb = f32x4_splat(b);
      for (int v = 0; v < kGemmCols; v += 4) {
        v128 x = f32x4_add(f32x4_load(c + v), vb);
        if (act == Activation::kRelu) x = f32x4_max(x, zero);
        f32x4_store(out + v, x);
      }
    } else {
      for (int64_t j = 0; j < cols; ++j) {
        const float v = c[j] + b;
        out[j] = act == Activation::kRelu && !(v > 0.f) && v == v ? 0.f : v;
      }
    }
  }
}

// A 1x1, stride-1, unpadded convolution of contiguous planes is one GEMM over all pixels:
// treating each plane as a single row gives full tiles across row ends.
Conv2dGeometry flatten_pointwise(const PlaneView* input, const Conv2dGeometry& g) {
  const bool pointwise = g.kernel_h == 1 && g.kernel_w == 1 && g.stride_h == 1 && g.stride_w == 1 &&
                         g.pad_h == 0 && g.pad_w == 0;
  if (!pointwise) return g;
  for (int64_t i = 0; i < g.batch * g.in_channels; ++i)
    if (input[i].row_stride != g.in_w) return g;
  Conv2dGeometry flat = g;
  flat.in_w = flat.out_w = g.in_h * g.in_w;
  flat.in_h = flat.out_h = 1;
  return flat;
}

}  // namespace

bool conv2d(const PlaneView* input, const PackedWeights& weights, const float* bias, float* output,
            const Conv2dGeometry& g, Activation activation) {
  if (winograd_applies(g)) return conv2d_winograd(input, weights, bias, output, g, activation);
  return conv2d_direct(input, weights, bias, output, g, activation);
}

bool conv2d_direct(const PlaneView* input, const PackedWeights& weights, const float* bias,
                   float* output, const Conv2dGeometry& geometry, Activation activation) {
  const Conv2dGeometry g = flatten_pointwise(input, geometry);
  const int64_t depth = weights.depth();
  const int64_t in_per_group = g.in_channels_per_group();
  const int64_t out_per_group = g.out_channels_per_group();
  const int64_t plane = g.out_h * g.out_w;
  // The unit of work: one chunk of up to kChunkTiles tiles in one output row of one group.
  // Units write disjoint outputs, so threads split them freely, each with its own scratch.
  const int64_t chunk_width = kChunkTiles * kGemmCols;
  const int64_t chunks_per_row = (g.out_w + chunk_width - 1) / chunk_width;
  const int64_t units = g.batch * g.groups * g.out_h * chunks_per_row;
  std::atomic<bool> ok{true};
  parallel_for(units, depth * out_per_group * chunk_width, [&](int64_t begin, int64_t end) {
    TileScratch scratch(depth);
    if (!scratch.ok()) {
      ok = false;
      return;
    }
    alignas(16) float c[kGemmRows * kGemmCols];
    for (int64_t unit = begin; unit < end; ++unit) {
      const int64_t ow0 = unit % chunks_per_row * chunk_width;
      const int64_t oh = unit / chunks_per_row % g.out_h;
      const int64_t group = unit / chunks_per_row / g.out_h % g.groups;
      const int64_t n = unit / chunks_per_row / g.out_h / g.groups;
      const PlaneView* views = input + n * g.in_channels + group * in_per_group;
      float* out_group = output + (n * g.out_channels + group * out_per_group) * plane;
      const float* bias_group = bias ? bias + group * out_per_group : nullptr;
      const int64_t count = std::min(kChunkTiles, (g.out_w - ow0 + kGemmCols - 1) / kGemmCols);
      for (int64_t t = 0; t < count; ++t) {
        const int64_t ow = ow0 + t * kGemmCols;
        pack_tile(views, g, oh, ow, std::min<int64_t>(kGemmCols, g.out_w - ow), scratch.tile(t));
      }
      for (int64_t block = 0; block < weights.blocks(); ++block) {
        const int64_t oc0 = block * kGemmRows;
        const int64_t rows = std::min<int64_t>(kGemmRows, out_per_group - oc0);
        const float* panel = weights.panel(group, block);
        for (int64_t t = 0; t < count; ++t) {
          const int64_t ow = ow0 + t * kGemmCols;
          gemm_microkernel(static_cast<size_t>(depth), panel, scratch.tile(t), c);
          store_tile(c, rows, std::min<int64_t>(kGemmCols, g.out_w - ow),
                     bias_group ? bias_group + oc0 : nullptr, activation,
                     out_group + oc0 * plane + oh * g.out_w + ow, plane);
        }
      }
    }
  });
  return ok;
}

bool conv2d(const float* input, const PackedWeights& weights, const float* bias, float* output,
            const Conv2dGeometry& g, Activation activation) {
  std::vector<PlaneView> views(static_cast<size_t>(g.batch * g.in_channels));
  for (size_t i = 0; i < views.size(); ++i)
    views[i] = {input + static_cast<int64_t>(i) * g.in_h * g.in_w, g.in_w};
  return conv2d(views.data(), weights, bias, output, g, activation);
}

}  // namespace poolkit
