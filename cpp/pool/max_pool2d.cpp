#include "pool/max_pool2d.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "core/parallel.h"
#include "core/row_reader.h"
#include "core/simd.h"
#include "pool/dilated_window.h"
#include "pool/max_pool2d_paths.h"
#include "pool/running_max4.h"

namespace poolkit {
namespace {

using namespace simd;

constexpr float kNegInf = -std::numeric_limits<float>::infinity();

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

}  // namespace

void max_pool2d_exact_rows(const float* input, float* output, int32_t* indices,
                           const Pool2dGeometry& g, int64_t begin, int64_t end) {
  if (indices) {
    max_pool2d_rows<true>(input, output, indices, g, begin, end);
  } else {
    max_pool2d_rows<false>(input, output, nullptr, g, begin, end);
  }
}

void max_pool2d(const float* input, float* output, int32_t* indices, const Pool2dGeometry& g) {
  if (!indices) return max_pool2d_separable(input, output, g);
  // Work per output row: windows clipped to the input (a kernel may be mostly padding).
  const int64_t row_work = g.out_w * std::min(g.kernel_h, g.in_h) * std::min(g.kernel_w, g.in_w);
  parallel_for(g.planes * g.out_h, row_work, [&](int64_t begin, int64_t end) {
    max_pool2d_rows<true>(input, output, indices, g, begin, end);
  });
}

}  // namespace poolkit
