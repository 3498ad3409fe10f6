#include "max_pool2d.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "dilated_window.h"
#include "float_buffer.h"
#include "parallel.h"
#include "running_max4.h"
#include "simd.h"

namespace poolkit {
namespace {

using namespace simd;

constexpr float kNegInf = -std::numeric_limits<float>::infinity();

// Four inputs `stride` apart, starting at p. Stride 2 (the common pooling case) uses two loads
// and a shuffle, reading p[0..7]. kStride, when not 0, is the stride known at compile time.
template <int kStride = 0>
inline v128 load_strided(const float* p, int64_t stride) {
  const int64_t s = kStride ? kStride : stride;
  if (s == 1) return f32x4_load(p);
  if (s == 2) return f32x4_even(f32x4_load(p), f32x4_load(p + 4));
  return f32x4_make(p[0], p[s], p[2 * s], p[3 * s]);
}

// The last input column a 4-wide load_strided touches, relative to its first.
inline int64_t strided_reach(int64_t stride) { return stride == 2 ? 7 : 3 * stride; }

// One output cell, with the window clipped at the edges; rows [h0, h1) are already clipped.
inline void pool_cell(const float* in, const Pool2dGeometry& g, int64_t h0, int64_t h1, int64_t ow,
                      float* out, int32_t* idx) {
  int64_t w0 = ow * g.stride_w - g.pad_w;
  const int64_t w1 = std::min(w0 + (g.kernel_w - 1) * g.dilation_w + 1, g.in_w);
  w0 = first_tap_inside(w0, g.dilation_w);
  float best = kNegInf;
  int64_t best_index = h0 * g.in_w + w0;
  for (int64_t h = h0; h < h1; h += g.dilation_h) {
    for (int64_t w = w0; w < w1; w += g.dilation_w) {
      const float v = in[h * g.in_w + w];
      if (v > best || std::isnan(v)) {
        best = v;
        best_index = h * g.in_w + w;
      }
    }
  }
  *out = best;
  if (idx) *idx = static_cast<int32_t>(best_index);
}

// Four adjacent output cells whose windows lie inside the row horizontally.
template <bool kIndices, bool kFast>
inline bool pool_block4(const float* in, const Pool2dGeometry& g, int64_t h0, int64_t h1,
                        int64_t ow, float* out, int32_t* idx) {
  const int64_t x0 = ow * g.stride_w - g.pad_w;
  const int32_t s = static_cast<int32_t>(g.stride_w);
  const v128 lane_offsets = i32x4_make(0, s, 2 * s, 3 * s);
  RunningMax4<kIndices, kFast> acc(
      i32x4_add(i32x4_splat(static_cast<int32_t>(h0 * g.in_w + x0)), lane_offsets));
  for (int64_t h = h0; h < h1; h += g.dilation_h) {
    const float* row = in + h * g.in_w;
    for (int64_t k = 0; k < g.kernel_w; ++k) {
      const int64_t x = x0 + k * g.dilation_w;
      acc.update(load_strided(row + x, g.stride_w),
                 kIndices
                     ? i32x4_add(i32x4_splat(static_cast<int32_t>(h * g.in_w + x)), lane_offsets)
                     : lane_offsets);
    }
  }
  return acc.store(out, idx);
}

// Four 2x2, stride-2 windows in exact scan order (NaN included): the k2 s2 path's fallback for
// rows that hold a NaN. Each row's eight floats are loaded once and split into even and odd
// columns.
inline void pool_block4_k2s2(const float* row0, const float* row1, float* out) {
  const v128 a0 = f32x4_load(row0), a1 = f32x4_load(row0 + 4);
  const v128 b0 = f32x4_load(row1), b1 = f32x4_load(row1 + 4);
  RunningMax4<false, false> acc(a0);
  acc.update(f32x4_even(a0, a1), a0);
  acc.update(f32x4_odd(a0, a1), a0);
  acc.update(f32x4_even(b0, b1), a0);
  acc.update(f32x4_odd(b0, b1), a0);
  acc.store(out, nullptr);
}

inline bool is_k2s2(const Pool2dGeometry& g) {
  return g.kernel_h == 2 && g.kernel_w == 2 && g.stride_h == 2 && g.stride_w == 2 &&
         g.dilation_h == 1 && g.dilation_w == 1;
}

// Output rows [begin, end), counted over all planes: the unit parallel_for splits.
template <bool kIndices>
void max_pool2d_rows(const float* input, float* output, int32_t* indices, const Pool2dGeometry& g,
                     int64_t begin, int64_t end) {
  // Output columns whose windows need no horizontal clipping and whose 4-wide loads stay in
  // the row: [vector_begin, ...) while the block's last load ends before in_w.
  const int64_t vector_begin = (g.pad_w + g.stride_w - 1) / g.stride_w;
  const int64_t window_reach = (g.kernel_w - 1) * g.dilation_w + strided_reach(g.stride_w);
  for (int64_t r = begin; r < end; ++r) {
    const int64_t p = r / g.out_h, oh = r % g.out_h;
    const float* in = input + p * g.in_h * g.in_w;
    int64_t h0 = oh * g.stride_h - g.pad_h;
    const int64_t h1 = std::min(h0 + (g.kernel_h - 1) * g.dilation_h + 1, g.in_h);
    h0 = first_tap_inside(h0, g.dilation_h);
    float* out = output + r * g.out_w;
    int32_t* idx = kIndices ? indices + r * g.out_w : nullptr;
    int64_t ow = 0;
    for (; ow < std::min(vector_begin, g.out_w); ++ow)
      pool_cell(in, g, h0, h1, ow, out + ow, kIndices ? idx + ow : nullptr);
    if (!kIndices && is_k2s2(g) && h1 - h0 == 2) {
      // One input row at a time: the top row's pair maxima go to the output row, then the
      // bottom row's are merged in (scan order: a bottom value wins only when greater). Two
      // interleaved input streams ran at half the speed of one here (wasm, Node 20, EPYC).
      // A NaN anywhere (or +inf meeting -inf) shows in the running sum: redo the row exactly.
      const float* row0 = in + h0 * g.in_w;
      const float* row1 = row0 + g.in_w;
      const int64_t first = ow;
      int64_t end = ow;
      while (end + 4 <= g.out_w && end * 2 - g.pad_w + 7 < g.in_w) end += 4;
      v128 sum = f32x4_splat(0.f);
      for (int64_t o = first; o < end; o += 4) {
        const int64_t x = 2 * o - g.pad_w;  // the first input column of output column o
        const v128 a0 = f32x4_load(row0 + x), a1 = f32x4_load(row0 + x + 4);
        f32x4_store(out + o, f32x4_pmax(f32x4_even(a0, a1), f32x4_odd(a0, a1)));
        sum = f32x4_add(sum, f32x4_add(a0, a1));
      }
      for (int64_t o = first; o < end; o += 4) {
        const int64_t x = 2 * o - g.pad_w;
        const v128 b0 = f32x4_load(row1 + x), b1 = f32x4_load(row1 + x + 4);
        const v128 bottom = f32x4_pmax(f32x4_even(b0, b1), f32x4_odd(b0, b1));
        f32x4_store(out + o, f32x4_pmax(f32x4_load(out + o), bottom));
        sum = f32x4_add(sum, f32x4_add(b0, b1));
      }
      if (v128_any_true(f32x4_is_nan(sum)))
        for (int64_t o = first; o < end; o += 4)
          pool_block4_k2s2(row0 + 2 * o - g.pad_w, row1 + 2 * o - g.pad_w, out + o);
      ow = end;
    }
    for (; ow + 4 <= g.out_w && ow * g.stride_w - g.pad_w + window_reach < g.in_w; ow += 4) {
      if (kIndices) {
        pool_block4<true, false>(in, g, h0, h1, ow, out + ow, idx + ow);
      } else if (!pool_block4<false, true>(in, g, h0, h1, ow, out + ow, nullptr)) {
        pool_block4<false, false>(in, g, h0, h1, ow, out + ow, nullptr);
      }
    }
    for (; ow < g.out_w; ++ow)
      pool_cell(in, g, h0, h1, ow, out + ow, kIndices ? idx + ow : nullptr);
  }
}

// The separable path for windows without indices: a max over a rectangle is the max over
// its rows of each row's max, and "first greatest in row-major order" survives the split (the
// first row holding the overall maximum, and in it the first column). Each input row is
// reduced horizontally once per chunk of output rows, then the chunk's outputs take the
// maximum down their window's rows. NaN (and +inf meeting -inf) shows up in a running sum of
// every tap, and such a chunk is redone by the exact path above.
constexpr int64_t kSeparableChunkRows = 16;

// Horizontal maxima of one input row for every output column; false when a tap was NaN.
template <int kStride, int kKernelW>
bool row_max(const float* row, const Pool2dGeometry& g, float* out) {
  const int64_t s = kStride ? kStride : g.stride_w;
  const int64_t kernel_w = kKernelW ? kKernelW : g.kernel_w;
  const int64_t d = g.dilation_w;
  bool nan = false;
  auto cell = [&](int64_t ow) {
    int64_t w0 = ow * s - g.pad_w;
    const int64_t w1 = std::min(w0 + (kernel_w - 1) * d + 1, g.in_w);
    float best = kNegInf;
    for (int64_t w = first_tap_inside(w0, d); w < w1; w += d) {
      const float v = row[w];
      nan = nan || v != v;
      if (v > best) best = v;
    }
    out[ow] = best;
  };
  const int64_t vector_begin = std::min((g.pad_w + s - 1) / s, g.out_w);
  const int64_t reach = (kernel_w - 1) * d + strided_reach(s);
  int64_t ow = 0;
  for (; ow < vector_begin; ++ow) cell(ow);
  v128 sum = f32x4_splat(0.f);
  if (kStride == 2 && kKernelW == 3 && d == 1) {
    // The 3-wide, stride-2 window (ResNet's stem and friends): p[0..7] gives the first two
    // taps as even and odd lanes, and p[5..8] supplies the one value the third tap adds.
    for (; ow + 4 <= g.out_w && ow * 2 - g.pad_w + 8 < g.in_w; ow += 4) {
      const float* p = row + ow * 2 - g.pad_w;
      const v128 a0 = f32x4_load(p), a1 = f32x4_load(p + 4), b = f32x4_load(p + 5);
      const v128 t0 = f32x4_even(a0, a1), t1 = f32x4_odd(a0, a1);
      const v128 t2 = f32x4_shift_in(t0, b);
      sum = f32x4_add(sum, f32x4_add(f32x4_add(t0, t1), t2));
      f32x4_store(out + ow, f32x4_pmax(f32x4_pmax(t0, t1), t2));
    }
  }
  for (; ow + 4 <= g.out_w && ow * s - g.pad_w + reach < g.in_w; ow += 4) {
    const float* p = row + ow * s - g.pad_w;
    v128 best = load_strided<kStride>(p, s);
    sum = f32x4_add(sum, best);
    for (int64_t k = 1; k < kernel_w; ++k) {
      const v128 v = load_strided<kStride>(p + k * d, s);
      sum = f32x4_add(sum, v);
      best = f32x4_pmax(best, v);
    }
    f32x4_store(out + ow, best);
  }
  for (; ow < g.out_w; ++ow) cell(ow);
  return !nan && !v128_any_true(f32x4_is_nan(sum));
}

template <int kStride, int kKernelW>
void max_pool2d_separable(const float* input, float* output, const Pool2dGeometry& g) {
  const int64_t chunks_per_plane = (g.out_h + kSeparableChunkRows - 1) / kSeparableChunkRows;
  // Input rows one chunk reads, at most.
  const int64_t chunk_reach = (kSeparableChunkRows - 1) * g.stride_h +
                              (std::min(g.kernel_h, g.in_h) - 1) * g.dilation_h + 1;
  const int64_t max_rows = std::min(g.in_h, chunk_reach);
  const int64_t chunk_work =
      kSeparableChunkRows * g.out_w * (std::min(g.kernel_h, g.in_h) + std::min(g.kernel_w, g.in_w));
  parallel_for(g.planes * chunks_per_plane, chunk_work, [&](int64_t begin, int64_t end) {
    const FloatBuffer buffer = allocate_floats(max_rows * g.out_w);
    float* rows = buffer.get();
    for (int64_t unit = begin; unit < end; ++unit) {
      const int64_t p = unit / chunks_per_plane;
      const int64_t oh_begin = unit % chunks_per_plane * kSeparableChunkRows;
      const int64_t oh_end = std::min(oh_begin + kSeparableChunkRows, g.out_h);
      const int64_t r_begin = p * g.out_h + oh_begin, r_end = p * g.out_h + oh_end;
      const float* in = input + p * g.in_h * g.in_w;
      // The input rows the chunk's windows touch: [h_first, h_last).
      // (Not first_tap_inside of the first window: with dilation a later window's first tap
      // can come before it.)
      const int64_t h_first = std::max<int64_t>(oh_begin * g.stride_h - g.pad_h, 0);
      const int64_t h_last = std::min(
          (oh_end - 1) * g.stride_h - g.pad_h + (g.kernel_h - 1) * g.dilation_h + 1, g.in_h);
      bool finite = rows != nullptr && h_last - h_first <= max_rows;
      for (int64_t h = h_first; finite && h < h_last; ++h)
        finite = row_max<kStride, kKernelW>(in + h * g.in_w, g, rows + (h - h_first) * g.out_w);
      if (!finite) {
        max_pool2d_rows<false>(input, output, nullptr, g, r_begin, r_end);
        continue;
      }
      for (int64_t oh = oh_begin; oh < oh_end; ++oh) {
        int64_t h0 = oh * g.stride_h - g.pad_h;
        const int64_t h1 = std::min(h0 + (g.kernel_h - 1) * g.dilation_h + 1, g.in_h);
        h0 = first_tap_inside(h0, g.dilation_h);
        float* out = output + (p * g.out_h + oh) * g.out_w;
        int64_t ow = 0;
        for (; ow + 4 <= g.out_w; ow += 4) {
          v128 best = f32x4_splat(kNegInf);
          for (int64_t h = h0; h < h1; h += g.dilation_h)
            best = f32x4_pmax(best, f32x4_load(rows + (h - h_first) * g.out_w + ow));
          f32x4_store(out + ow, best);
        }
        for (; ow < g.out_w; ++ow) {
          float best = kNegInf;
          for (int64_t h = h0; h < h1; h += g.dilation_h) {
            const float v = rows[(h - h_first) * g.out_w + ow];
            if (v > best) best = v;
          }
          out[ow] = best;
        }
      }
    }
  });
}

}  // namespace

void max_pool2d(const float* input, float* output, int32_t* indices, const Pool2dGeometry& g) {
  if (!indices && !is_k2s2(g)) {
    if (g.stride_w == 2 && g.kernel_w == 3) return max_pool2d_separable<2, 3>(input, output, g);
    if (g.stride_w == 1 && g.kernel_w == 3) return max_pool2d_separable<1, 3>(input, output, g);
    if (g.stride_w == 2) return max_pool2d_separable<2, 0>(input, output, g);
    if (g.stride_w == 1) return max_pool2d_separable<1, 0>(input, output, g);
    return max_pool2d_separable<0, 0>(input, output, g);
  }
  // Work per output row: windows clipped to the input (a kernel may be mostly padding).
  const int64_t row_work = g.out_w * std::min(g.kernel_h, g.in_h) * std::min(g.kernel_w, g.in_w);
  parallel_for(g.planes * g.out_h, row_work, [&](int64_t begin, int64_t end) {
    if (indices) {
      max_pool2d_rows<true>(input, output, indices, g, begin, end);
    } else {
      max_pool2d_rows<false>(input, output, nullptr, g, begin, end);
    }
  });
}

}  // namespace poolkit
