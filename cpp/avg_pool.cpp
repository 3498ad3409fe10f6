#include "avg_pool.h"

#include <algorithm>

#include "parallel.h"
#include "simd.h"
#include "strided_load.h"

namespace poolkit {
namespace {

using namespace simd;

// The window rows shared by one output row (od, oh): depth and height ranges clipped to the
// input, and their extents clipped to the padded input (for countIncludePad).
struct RowWindow {
  int64_t d0, d1, h0, h1;
  int64_t padded_dh;  // (d extent within input + padding) * (h extent within input + padding)
};

inline RowWindow row_window(const AvgPoolGeometry& g, int64_t od, int64_t oh) {
  int64_t d0 = od * g.stride_d - g.pad_d;
  int64_t h0 = oh * g.stride_h - g.pad_h;
  const int64_t d1 = std::min(d0 + g.kernel_d, g.in_d + g.pad_d);
  const int64_t h1 = std::min(h0 + g.kernel_h, g.in_h + g.pad_h);
  const int64_t padded_dh = (d1 - d0) * (h1 - h0);
  d0 = std::max<int64_t>(d0, 0);
  h0 = std::max<int64_t>(h0, 0);
  return {d0, std::min(d1, g.in_d), h0, std::min(h1, g.in_h), padded_dh};
}

inline int64_t divisor(const AvgPoolGeometry& g, const RowWindow& r, int64_t padded_w,
                       int64_t clipped_w) {
  if (g.divisor_override) return g.divisor_override;
  return g.count_include_pad ? r.padded_dh * padded_w : (r.d1 - r.d0) * (r.h1 - r.h0) * clipped_w;
}

// One output cell, its window clipped at the left and right edges.
inline float pool_cell(const float* in, const AvgPoolGeometry& g, const RowWindow& r, int64_t ow) {
  int64_t w0 = ow * g.stride_w - g.pad_w;
  const int64_t w1 = std::min(w0 + g.kernel_w, g.in_w + g.pad_w);
  const int64_t padded_w = w1 - w0;
  w0 = std::max<int64_t>(w0, 0);
  const int64_t w1_in = std::min(w1, g.in_w);
  if (w0 >= w1_in) return 0.f;
  float sum = 0.f;
  for (int64_t d = r.d0; d < r.d1; ++d) {
    for (int64_t h = r.h0; h < r.h1; ++h) {
      const float* row = in + (d * g.in_h + h) * g.in_w;
      for (int64_t w = w0; w < w1_in; ++w) sum += row[w];
    }
  }
  return 0.f + sum / static_cast<float>(divisor(g, r, padded_w, w1_in - w0));
}

// 4 * kBlocks adjacent output cells whose windows lie inside the row. Each lane adds its window's
// values in the scalar scan order (d, h, then w), so the sums are the reference's bit for bit;
// several blocks at once keep several of those dependent chains of additions in flight.
template <int kBlocks, int kStride, int kKernelW>
inline void pool_blocks(const float* in, const AvgPoolGeometry& g, const RowWindow& r, int64_t ow,
                        v128 divisor_vec, float* out) {
  const int64_t s = g.stride_w;
  const int64_t x0 = ow * s - g.pad_w;
  v128 sum[kBlocks];
  for (v128& v : sum) v = f32x4_splat(0.f);
  for (int64_t d = r.d0; d < r.d1; ++d) {
    for (int64_t h = r.h0; h < r.h1; ++h) {
      const float* p = in + (d * g.in_h + h) * g.in_w + x0;
      const int64_t kernel_w = kKernelW ? kKernelW : g.kernel_w;
      for (int64_t k = 0; k < kernel_w; ++k)
        for (int b = 0; b < kBlocks; ++b)
          sum[b] = f32x4_add(sum[b], load_strided<kStride>(p + k + 4 * b * s, s));
    }
  }
  for (int b = 0; b < kBlocks; ++b)
    f32x4_store(out + 4 * b, f32x4_add(f32x4_splat(0.f), f32x4_div(sum[b], divisor_vec)));
}

// One output row: clipped cells at the edges, blocks of 16 and then 4 in between. kStride and
// kKernelW are the stride and kernel width when the row is specialised for them, else 0.
template <int kStride, int kKernelW>
void pool_row(const float* in, const AvgPoolGeometry& g, const RowWindow& r, float* out) {
  const int64_t s = g.stride_w;
  // Output columns whose windows need no clipping and whose 4-wide loads stay in the row.
  const int64_t vector_begin = std::min((g.pad_w + s - 1) / s, g.out_w);
  const int64_t window_reach = (g.kernel_w - 1) + strided_reach(s);
  // Whether the 4-wide block starting at output column ow stays inside the row.
  auto inside = [&](int64_t ow) { return ow * s - g.pad_w + window_reach < g.in_w; };
  const v128 divisor_vec = f32x4_splat(static_cast<float>(divisor(g, r, g.kernel_w, g.kernel_w)));
  int64_t ow = 0;
  for (; ow < vector_begin; ++ow) out[ow] = pool_cell(in, g, r, ow);
  for (; ow + 16 <= g.out_w && inside(ow + 12); ow += 16)
    pool_blocks<4, kStride, kKernelW>(in, g, r, ow, divisor_vec, out + ow);
  for (; ow + 4 <= g.out_w && inside(ow); ow += 4)
    pool_blocks<1, kStride, kKernelW>(in, g, r, ow, divisor_vec, out + ow);
  for (; ow < g.out_w; ++ow) out[ow] = pool_cell(in, g, r, ow);
}

}  // namespace

void avg_pool(const float* input, float* output, const AvgPoolGeometry& g) {
  const int64_t volume = g.in_d * g.in_h * g.in_w;
  auto row = pool_row<0, 0>;
  if (g.stride_w == 1)
    row = g.kernel_w == 3 ? pool_row<1, 3> : g.kernel_w == 2 ? pool_row<1, 2> : pool_row<1, 0>;
  if (g.stride_w == 2)
    row = g.kernel_w == 3 ? pool_row<2, 3> : g.kernel_w == 2 ? pool_row<2, 2> : pool_row<2, 0>;
  const int64_t row_work = g.out_w * std::min(g.kernel_d, g.in_d) * std::min(g.kernel_h, g.in_h) *
                           std::min(g.kernel_w, g.in_w);
  parallel_for_rows(g.planes, g.out_d, g.out_h, row_work,
                    [&](int64_t p, int64_t od, int64_t oh, int64_t index) {
                      float* out = output + index * g.out_w;
                      const RowWindow r = row_window(g, od, oh);
                      if (r.d0 >= r.d1 || r.h0 >= r.h1) {
                        std::fill(out, out + g.out_w, 0.f);
                      } else {
                        row(input + p * volume, g, r, out);
                      }
                    });
}

}  // namespace poolkit
