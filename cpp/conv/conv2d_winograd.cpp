#include "conv/conv2d_winograd.h"

#include <algorithm>
#include <atomic>
#include <cmath>

#include "conv/gemm_microkernel.h"
#include "core/float_buffer.h"
#include "core/parallel.h"
#include "core/simd.h"

namespace poolkit {
namespace {

using namespace simd;

// A tile group is kTiles tiles side by side: one GEMM column block (one lane per tile),
// 2 x 16 outputs, read from a 4 x 18 input patch.
constexpr int64_t kTiles = kGemmCols;
constexpr int64_t kPatchWidth = 2 * kTiles + 2;
constexpr int kPositions = 16;  // elements of a transformed tile
constexpr int64_t kDirectSteps = 9;

// U = G g G^T for every output channel and input channel, laid out as gemm_microkernel's A:
// per position and per block of kGemmRows output channels, in_channels steps of kGemmRows.
// Built from the direct path's packed weights, whose block layout it shares.
class TransformedWeights {
 public:
  TransformedWeights(const PackedWeights& direct, int64_t in_channels)
      : blocks_(direct.blocks()),
        depth_(in_channels),
        data_(allocate_floats({kPositions, blocks_, depth_, kGemmRows})) {
    if (!data_) return;
    std::atomic<bool> finite{true};
    parallel_for(blocks_, depth_ * kGemmRows * 64, [&](int64_t begin, int64_t end) {
      bool block_finite = true;
      for (int64_t block = begin; block < end; ++block) {
        const float* source = direct.panel(0, block);
        for (int64_t ic = 0; ic < depth_; ++ic) {
          for (int r = 0; r < kGemmRows; ++r) {
            float g[3][3], rg[4][3];
            for (int k = 0; k < 9; ++k)
              g[k / 3][k % 3] = source[(ic * kDirectSteps + k) * kGemmRows + r];
            // G g, then (G g) G^T, each sum in the reference's order.
            for (int c = 0; c < 3; ++c) {
              rg[0][c] = g[0][c];
              rg[1][c] = .5f * g[0][c] + .5f * g[1][c] + .5f * g[2][c];
              rg[2][c] = .5f * g[0][c] - .5f * g[1][c] + .5f * g[2][c];
              rg[3][c] = g[2][c];
            }
            for (int i = 0; i < 4; ++i) {
              const float u[4] = {rg[i][0], .5f * rg[i][0] + .5f * rg[i][1] + .5f * rg[i][2],
                                  .5f * rg[i][0] - .5f * rg[i][1] + .5f * rg[i][2], rg[i][2]};
              for (int j = 0; j < 4; ++j) {
                block_finite = block_finite && std::isfinite(u[j]);
                at(i * 4 + j, block)[ic * kGemmRows + r] = u[j];
              }
            }
          }
        }
      }
      if (!block_finite) finite = false;
    });
    finite_ = finite;
  }

  bool ok() const { return data_ != nullptr; }
  bool finite() const { return finite_; }
  const float* panel(int position, int64_t block) const { return at(position, block); }

 private:
  float* at(int position, int64_t block) const {
    return data_.get() + (position * blocks_ + block) * depth_ * kGemmRows;
  }
  int64_t blocks_, depth_;
  FloatBuffer data_;
  bool finite_ = false;
};

// V = B^T d B for one tile group and every input channel, written as gemm_microkernel's B:
// per position, in_channels steps of kTiles. `finite` gets, per tile, whether all of its
// values (and their running sum) are finite.
void transform_input(const PlaneView* views, const Conv2dGeometry& g, int64_t ih0, int64_t iw0,
                     float* v, bool finite[kTiles]) {
  const int64_t depth = g.in_channels;
  const bool inside = ih0 >= 0 && ih0 + 4 <= g.in_h && iw0 >= 0 && iw0 + kPatchWidth <= g.in_w;
  alignas(16) float patch[4][kPatchWidth];
  v128 check[2] = {f32x4_splat(0.f), f32x4_splat(0.f)};
  for (int64_t ic = 0; ic < depth; ++ic) {
    const float* rows[4];
    for (int y = 0; y < 4; ++y) {
      const int64_t ih = ih0 + y;
      if (inside) {
        rows[y] = views[ic].data + ih * views[ic].row_stride + iw0;
        continue;
      }
      for (int64_t x = 0; x < kPatchWidth; ++x) {
        const int64_t iw = iw0 + x;
        patch[y][x] = ih >= 0 && ih < g.in_h && iw >= 0 && iw < g.in_w
                          ? views[ic].data[ih * views[ic].row_stride + iw]
                          : 0.f;
      }
      rows[y] = patch[y];
    }
    // d B along each row: tile t reads columns 2t .. 2t + 3, so the four columns of all eight
    // tiles are the even and odd elements of the row and of the row two further on.
    v128 t[4][4][2];
    for (int y = 0; y < 4; ++y) {
      const float* p = rows[y];
      for (int h = 0; h < 2; ++h, p += 8) {
        const v128 a0 = f32x4_load(p), a1 = f32x4_load(p + 4);
        const v128 b0 = f32x4_load(p + 2), b1 = f32x4_load(p + 6);
        const v128 d0 = f32x4_even(a0, a1), d1 = f32x4_odd(a0, a1);
        const v128 d2 = f32x4_even(b0, b1), d3 = f32x4_odd(b0, b1);
        t[y][0][h] = f32x4_sub(d0, d2);
        t[y][1][h] = f32x4_add(d1, d2);
        t[y][2][h] = f32x4_sub(d2, d1);
        t[y][3][h] = f32x4_sub(d1, d3);
      }
    }
    // B^T (d B) down each column.
    float* out = v + ic * kTiles;
    for (int j = 0; j < 4; ++j) {
      for (int h = 0; h < 2; ++h) {
        const v128 col[4] = {f32x4_sub(t[0][j][h], t[2][j][h]), f32x4_add(t[1][j][h], t[2][j][h]),
                             f32x4_sub(t[2][j][h], t[1][j][h]), f32x4_sub(t[1][j][h], t[3][j][h])};
        for (int i = 0; i < 4; ++i) f32x4_store(out + (i * 4 + j) * depth * kTiles + 4 * h, col[i]);
      }
    }
    // The reference sums positions row-major per channel; any order flags the same tiles
    // except for overflow, and the reference's order keeps the two bit-identical.
    for (int i = 0; i < 4; ++i)
      for (int j = 0; j < 4; ++j)
        for (int h = 0; h < 2; ++h)
          check[h] = f32x4_add(check[h], f32x4_load(out + (i * 4 + j) * depth * kTiles + 4 * h));
  }
  alignas(16) float sums[kTiles];
  f32x4_store(sums, check[0]);
  f32x4_store(sums + 4, check[1]);
  for (int64_t t = 0; t < kTiles; ++t) finite[t] = std::isfinite(sums[t]);
}

// Y = A^T M A for rows output channels of one tile group, plus bias and activation, stored
// into out[r][0..1][0..15] (a row stride of 2 * kTiles and a channel stride of 4 * kTiles).
void transform_output(const float* m, int64_t rows, const float* bias, Activation activation,
                      float* out) {
  const v128 zero = f32x4_splat(0.f);
  for (int64_t r = 0; r < rows; ++r, out += 4 * kTiles) {
    const v128 vb = f32x4_splat(bias ? bias[r] : 0.f);
    for (int h = 0; h < 2; ++h) {
      v128 s[2][4];
      for (int j = 0; j < 4; ++j) {
        const auto at = [&](int i) {
          return f32x4_load(m + (i * 4 + j) * kGemmRows * kGemmCols + r * kGemmCols + 4 * h);
        };
        const v128 m0 = at(0), m1 = at(1), m2 = at(2), m3 = at(3);
        s[0][j] = f32x4_add(f32x4_add(m0, m1), m2);
        s[1][j] = f32x4_sub(f32x4_sub(m1, m2), m3);
      }
      for (int a = 0; a < 2; ++a) {
        v128 y0 = f32x4_add(f32x4_add(f32x4_add(s[a][0], s[a][1]), s[a][2]), vb);
        v128 y1 = f32x4_add(f32x4_sub(f32x4_sub(s[a][1], s[a][2]), s[a][3]), vb);
        if (activation == Activation::kRelu) {
          y0 = f32x4_max(y0, zero);
          y1 = f32x4_max(y1, zero);
        }
        float* row = out + a * 2 * kTiles + 8 * h;
        f32x4_store(row, f32x4_zip_low(y0, y1));
        f32x4_store(row + 4, f32x4_zip_high(y0, y1));
      }
    }
  }
}

// The direct sums for the 2 x 2 outputs of one tile, in the direct path's order.
void direct_tile(const PlaneView* views, const PackedWeights& weights, const float* bias,
                 Activation activation, const Conv2dGeometry& g, int64_t ih0, int64_t iw0,
                 float* out /* [out_channels][2][2 * kTiles], at the tile's first column */) {
  for (int64_t oc = 0; oc < g.out_channels; ++oc) {
    const float* panel = weights.panel(0, oc / kGemmRows) + oc % kGemmRows;
    for (int a = 0; a < 2; ++a) {
      for (int b = 0; b < 2; ++b) {
        float sum = 0.f;
        for (int64_t ic = 0; ic < g.in_channels; ++ic)
          for (int kh = 0; kh < 3; ++kh)
            for (int kw = 0; kw < 3; ++kw) {
              const int64_t ih = ih0 + a + kh, iw = iw0 + b + kw;
              const float x = ih >= 0 && ih < g.in_h && iw >= 0 && iw < g.in_w
                                  ? views[ic].data[ih * views[ic].row_stride + iw]
                                  : 0.f;
              sum += panel[(ic * kDirectSteps + kh * 3 + kw) * kGemmRows] * x;
            }
        float value = sum + (bias ? bias[oc] : 0.f);
        if (activation == Activation::kRelu && !(value > 0.f) && value == value) value = 0.f;
        out[(oc * 2 + a) * 2 * kTiles + b] = value;
      }
    }
  }
}

}  // namespace

bool winograd_applies(const Conv2dGeometry& g) {
  return g.groups == 1 && g.kernel_h == 3 && g.kernel_w == 3 && g.stride_h == 1 &&
         g.stride_w == 1 && g.dilation_h == 1 && g.dilation_w == 1 && g.in_channels >= 8;
}

bool conv2d_winograd(const PlaneView* input, const PackedWeights& weights, const float* bias,
                     float* output, const Conv2dGeometry& g, Activation activation) {
  const TransformedWeights u(weights, g.in_channels);
  if (!u.ok()) return false;
  if (!u.finite()) return conv2d_direct(input, weights, bias, output, g, activation);

  const int64_t depth = g.in_channels;
  const int64_t tiles_h = (g.out_h + 1) / 2;
  const int64_t groups_w = (g.out_w + 2 * kTiles - 1) / (2 * kTiles);
  const int64_t group_floats = kPositions * depth * kTiles;  // a tile group's V
  const int64_t plane = g.out_h * g.out_w;
  // The unit of work: one tile group (2 output rows x 16 columns) of one image, every output
  // channel. Units write disjoint outputs, so threads split them freely.
  const int64_t units = g.batch * tiles_h * groups_w;
  const int64_t unit_work = g.out_channels * depth * kPositions * kTiles;
  std::atomic<bool> ok{true};
  parallel_for(units, unit_work, [&](int64_t begin, int64_t end) {
    FloatBuffer v = allocate_floats({group_floats});
    FloatBuffer tile_out = allocate_floats({g.out_channels, 4, kTiles});
    if (!v || !tile_out) {
      ok = false;
      return;
    }
    alignas(16) float m[kPositions * kGemmRows * kGemmCols];
    bool finite[kTiles];
    for (int64_t unit = begin; unit < end; ++unit) {
      const int64_t ow = unit % groups_w * 2 * kTiles;
      const int64_t oh = unit / groups_w % tiles_h * 2;
      const int64_t n = unit / groups_w / tiles_h;
      const PlaneView* views = input + n * g.in_channels;
      float* out_image = output + n * g.out_channels * plane;
      const int64_t ih0 = oh - g.pad_h;
      transform_input(views, g, ih0, ow - g.pad_w, v.get(), finite);
      for (int64_t block = 0; block < weights.blocks(); ++block) {
        const int64_t oc0 = block * kGemmRows;
        const int64_t rows = std::min<int64_t>(kGemmRows, g.out_channels - oc0);
        for (int p = 0; p < kPositions; ++p)
          gemm_microkernel(static_cast<size_t>(depth), u.panel(p, block),
                           v.get() + p * depth * kTiles, m + p * kGemmRows * kGemmCols);
        transform_output(m, rows, bias ? bias + oc0 : nullptr, activation,
                         tile_out.get() + oc0 * 4 * kTiles);
      }
      for (int64_t t = 0; t < kTiles; ++t)
        if (!finite[t])
          direct_tile(views, weights, bias, activation, g, ih0, ow + 2 * t - g.pad_w,
                      tile_out.get() + 2 * t);
      // Store what falls inside the output.
      const int64_t cols = std::min<int64_t>(2 * kTiles, g.out_w - ow);
      const int64_t out_rows = std::min<int64_t>(2, g.out_h - oh);
      for (int64_t oc = 0; oc < g.out_channels; ++oc) {
        for (int64_t a = 0; a < out_rows; ++a) {
          const float* src = tile_out.get() + (oc * 2 + a) * 2 * kTiles;
          float* dst = out_image + oc * plane + (oh + a) * g.out_w + ow;
          if (cols == 2 * kTiles) {
            for (int x = 0; x < 2 * kTiles; x += 4) f32x4_store(dst + x, f32x4_load(src + x));
          } else {
            std::copy_n(src, cols, dst);
          }
        }
      }
    }
  });
  return ok;
}

}  // namespace poolkit
