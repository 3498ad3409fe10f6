#include "pool/max_pool3d.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "core/parallel.h"
#include "core/simd.h"
#include "pool/dilated_window.h"
#include "pool/running_max4.h"

namespace poolkit {
namespace {

using namespace simd;

constexpr float kNegInf = -std::numeric_limits<float>::infinity();

// The clipped window rows shared by every output cell of one output row (od, oh): depths
// [d0, d1) and rows [h0, h1), both already moved past the padding.
struct Rows {
  int64_t d0, d1, h0, h1;
};

Rows window_rows(const Pool3dGeometry& g, int64_t od, int64_t oh) {
  Rows r{od * g.stride_d - g.pad_d, 0, oh * g.stride_h - g.pad_h, 0};
  r.d1 = std::min(r.d0 + (g.kernel_d - 1) * g.dilation_d + 1, g.in_d);
  r.h1 = std::min(r.h0 + (g.kernel_h - 1) * g.dilation_h + 1, g.in_h);
  r.d0 = first_tap_inside(r.d0, g.dilation_d);
  r.h0 = first_tap_inside(r.h0, g.dilation_h);
  return r;
}

// One output cell, its window clipped at the edges of the row.
inline void pool_cell(const float* in, const Pool3dGeometry& g, const Rows& r, int64_t ow,
                      float* out, int32_t* idx) {
  int64_t w0 = ow * g.stride_w - g.pad_w;
  const int64_t w1 = std::min(w0 + (g.kernel_w - 1) * g.dilation_w + 1, g.in_w);
  w0 = first_tap_inside(w0, g.dilation_w);
  float best = kNegInf;
  int64_t best_index = (r.d0 * g.in_h + r.h0) * g.in_w + w0;
  for (int64_t d = r.d0; d < r.d1; d += g.dilation_d) {
    for (int64_t h = r.h0; h < r.h1; h += g.dilation_h) {
      for (int64_t w = w0; w < w1; w += g.dilation_w) {
        const int64_t i = (d * g.in_h + h) * g.in_w + w;
        if (in[i] > best || std::isnan(in[i])) {
          best = in[i];
          best_index = i;
        }
      }
    }
  }
  *out = best;
  if (idx) *idx = static_cast<int32_t>(best_index);
}

// Four inputs `stride` apart, starting at p, reading p[0 .. 3 * stride] and nothing beyond.
inline v128 load_strided(const float* p, int64_t stride) {
  if (stride == 1) return f32x4_load(p);
  if (stride == 2) return f32x4_load_stride2(p);
  return f32x4_make(p[0], p[stride], p[2 * stride], p[3 * stride]);
}

// Four adjacent output cells whose windows lie inside the row horizontally: any kernel,
// stride and dilation.
template <bool kIndices, bool kFast>
inline bool pool_block4(const float* in, const Pool3dGeometry& g, const Rows& r, int64_t ow,
                        float* out, int32_t* idx) {
  const int64_t x0 = ow * g.stride_w - g.pad_w;
  const int32_t s = static_cast<int32_t>(g.stride_w);
  const v128 lanes = i32x4_make(0, s, 2 * s, 3 * s);
  RunningMax4<kIndices, kFast> acc(
      i32x4_add(i32x4_splat(static_cast<int32_t>((r.d0 * g.in_h + r.h0) * g.in_w + x0)), lanes));
  for (int64_t d = r.d0; d < r.d1; d += g.dilation_d) {
    for (int64_t h = r.h0; h < r.h1; h += g.dilation_h) {
      const int64_t row = (d * g.in_h + h) * g.in_w;
      for (int64_t k = 0; k < g.kernel_w; ++k) {
        const int64_t x = x0 + k * g.dilation_w;
        acc.update(load_strided(in + row + x, g.stride_w),
                   i32x4_add(i32x4_splat(static_cast<int32_t>(row + x)), lanes));
      }
    }
  }
  return acc.store(out, idx);
}

// The common 2-wide, stride-2 window (kernel 2, stride 2, no dilation along the row): each row
// is read once with two loads, its even and odd columns being the window's two columns.
template <bool kIndices, bool kFast>
inline bool pool_block4_k2s2(const float* in, const Pool3dGeometry& g, const Rows& r, int64_t ow,
                             float* out, int32_t* idx) {
  const int64_t x0 = ow * 2 - g.pad_w;
  const v128 even_lanes = i32x4_make(0, 2, 4, 6);
  const v128 odd_lanes = i32x4_make(1, 3, 5, 7);
  RunningMax4<kIndices, kFast> acc(i32x4_add(
      i32x4_splat(static_cast<int32_t>((r.d0 * g.in_h + r.h0) * g.in_w + x0)), even_lanes));
  for (int64_t d = r.d0; d < r.d1; d += g.dilation_d) {
    for (int64_t h = r.h0; h < r.h1; h += g.dilation_h) {
      const int64_t start = (d * g.in_h + h) * g.in_w + x0;
      const v128 a = f32x4_load(in + start), b = f32x4_load(in + start + 4);
      const v128 base = i32x4_splat(static_cast<int32_t>(start));
      acc.update(f32x4_even(a, b), i32x4_add(base, even_lanes));
      acc.update(f32x4_odd(a, b), i32x4_add(base, odd_lanes));
    }
  }
  return acc.store(out, idx);
}

template <bool kIndices>
void max_pool3d_volumes(const float* input, float* output, int32_t* indices,
                        const Pool3dGeometry& g) {
  const bool k2s2 = g.kernel_w == 2 && g.stride_w == 2 && g.dilation_w == 1;
  // A block of four cells is vectorised when no window needs clipping and its loads stay in
  // the row: its first column is at or past column 0 (from vector_begin on), and its last read,
  // `reach` columns past the first, is before in_w. Both loaders read exactly the windows' span.
  const int64_t vector_begin = (g.pad_w + g.stride_w - 1) / g.stride_w;
  const int64_t reach = k2s2 ? 7 : (g.kernel_w - 1) * g.dilation_w + 3 * g.stride_w;
  auto fits = [&](int64_t ow) { return ow * g.stride_w - g.pad_w + reach < g.in_w; };
  auto block = [&](const float* in, const Rows& r, int64_t ow, float* out, int32_t* idx) {
    int32_t* i = kIndices ? idx + ow : nullptr;
    if (k2s2) {
      if (kIndices || !pool_block4_k2s2<false, true>(in, g, r, ow, out + ow, i))
        pool_block4_k2s2<kIndices, false>(in, g, r, ow, out + ow, i);
    } else {
      if (kIndices || !pool_block4<false, true>(in, g, r, ow, out + ow, i))
        pool_block4<kIndices, false>(in, g, r, ow, out + ow, i);
    }
  };
  const int64_t in_volume = g.in_d * g.in_h * g.in_w;
  const int64_t row_work = g.out_w * std::min(g.kernel_d, g.in_d) * std::min(g.kernel_h, g.in_h) *
                           std::min(g.kernel_w, g.in_w);
  parallel_for_rows(g.planes, g.out_d, g.out_h, row_work,
                    [&](int64_t p, int64_t od, int64_t oh, int64_t index) {
                      const float* in = input + p * in_volume;
                      const Rows r = window_rows(g, od, oh);
                      const int64_t o = index * g.out_w;
                      float* out = output + o;
                      int32_t* idx = kIndices ? indices + o : nullptr;
                      int64_t ow = 0;
                      for (; ow < std::min(vector_begin, g.out_w); ++ow)
                        pool_cell(in, g, r, ow, out + ow, kIndices ? idx + ow : nullptr);
                      for (; ow + 4 <= g.out_w && fits(ow); ow += 4) block(in, r, ow, out, idx);
                      // The last cells: one more block ending at the row's end, overlapping cells
                      // already written (it writes the same values again), when that block fits.
                      if (ow < g.out_w && g.out_w - 4 >= vector_begin && fits(g.out_w - 4)) {
                        block(in, r, g.out_w - 4, out, idx);
                        ow = g.out_w;
                      }
                      for (; ow < g.out_w; ++ow)
                        pool_cell(in, g, r, ow, out + ow, kIndices ? idx + ow : nullptr);
                    });
}

}  // namespace

void max_pool3d(const float* input, float* output, int32_t* indices, const Pool3dGeometry& g) {
  if (indices) {
    max_pool3d_volumes<true>(input, output, indices, g);
  } else {
    max_pool3d_volumes<false>(input, output, nullptr, g);
  }
}

}  // namespace poolkit
