#include "pool/avg_pool.h"

#include <algorithm>

#include "core/parallel.h"
#include "core/row_reader.h"
#include "core/simd.h"

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

// Windows wider than this many columns are pooled one scalar cell at a time at the row ends.
constexpr int64_t kWidestEdgeBlock = 64;

// The window sums of 4 * kBlocks adjacent output cells, the first window starting at column
// x0; `reader(row, x0)` makes each window row's reader (row_reader.h). Each lane adds its
// window's values in the scalar scan order (d, h, then w), so the sums are the reference's bit
// for bit, and a clipped read's zero padding changes nothing: the sum starts at +0 and so is
// never -0, and x + 0 is x. Several blocks at once keep several of those dependent chains of
// additions in flight.
template <int kBlocks, int kStride, int kKernelW, typename Reader>
__attribute__((always_inline)) inline void window_sums(const float* in, const AvgPoolGeometry& g,
                                                       const RowWindow& r, int64_t x0,
                                                       Reader reader, v128* sum) {
  const int64_t s = kStride ? kStride : g.stride_w;
  const int64_t kernel_w = kKernelW ? kKernelW : g.kernel_w;
  for (int b = 0; b < kBlocks; ++b) sum[b] = f32x4_splat(0.f);
  for (int64_t d = r.d0; d < r.d1; ++d) {
    for (int64_t h = r.h0; h < r.h1; ++h) {
      const auto row = reader(in + (d * g.in_h + h) * g.in_w, x0);
      for (int64_t k = 0; k < kernel_w; ++k)
        for (int b = 0; b < kBlocks; ++b)
          sum[b] = f32x4_add(sum[b], read_strided<kStride>(row, k + 4 * b * s, s));
    }
  }
}

inline v128 average(v128 sum, v128 divisor) {
  return f32x4_add(f32x4_splat(0.f), f32x4_div(sum, divisor));
}

// Output columns [begin, end) of one row at an end of it, where windows cross into the
// padding: four at a time reading the row clipped, each lane with its own divisor, or one
// scalar cell at a time for very wide windows.
template <int kStride, int kKernelW>
__attribute__((always_inline)) inline void pool_row_ends(const float* in, const AvgPoolGeometry& g,
                                                         const RowWindow& r, bool edge_blocks,
                                                         int64_t begin, int64_t end, float* out) {
  if (!edge_blocks) {
    for (int64_t ow = begin; ow < end; ++ow) out[ow] = pool_cell(in, g, r, ow);
    return;
  }
  const int64_t s = kStride ? kStride : g.stride_w;
  const int64_t in_w = g.in_w;
  for (int64_t ow = begin; ow < end; ow += 4) {
    float divisors[4];
    for (int64_t i = 0; i < 4; ++i) {
      const int64_t w0 = (ow + i) * s - g.pad_w;
      const int64_t w1 = std::min(w0 + g.kernel_w, g.in_w + g.pad_w);
      const int64_t inside = std::min(w1, g.in_w) - std::max<int64_t>(w0, 0);
      // A window with nothing inside sums to 0 and averages to 0, as pool_cell says.
      divisors[i] =
          ow + i < g.out_w && inside > 0 ? static_cast<float>(divisor(g, r, w1 - w0, inside)) : 1.f;
    }
    v128 sum;
    window_sums<1, kStride, kKernelW>(
        in, g, r, ow * s - g.pad_w,
        [in_w](const float* row, int64_t x0) {
          return ClippedRow{row, in_w, x0, 0.f};
        },
        &sum);
    const v128 mean = average(sum, f32x4_load(divisors));
    if (ow + 4 <= g.out_w) {
      f32x4_store(out + ow, mean);
    } else {
      float values[4];
      f32x4_store(values, mean);
      for (int64_t i = 0; ow + i < g.out_w; ++i) out[ow + i] = values[i];
    }
  }
}

// One output row: the ends (see pool_row_ends), blocks of 16 and then 4 in between. kStride
// and kKernelW are the stride and kernel width when the row is specialised for them, else 0.
template <int kStride, int kKernelW>
void pool_row(const float* in, const AvgPoolGeometry& g, const RowWindow& r, float* out) {
  const int64_t s = g.stride_w;
  const int64_t window_reach = (g.kernel_w - 1) + strided_reach(s);
  const bool edge_blocks = window_reach < kWidestEdgeBlock;
  // Output columns whose windows start inside the row; edge blocks are four wide, so the
  // in-place blocks then start at a multiple of four.
  const int64_t inside = std::min((g.pad_w + s - 1) / s, g.out_w);
  const int64_t in_place = edge_blocks ? std::min((inside + 3) / 4 * 4, g.out_w) : inside;
  // Whether the 4-wide block starting at output column ow stays inside the row.
  auto fits = [&](int64_t ow) { return ow * s - g.pad_w + window_reach < g.in_w; };
  const v128 divisor_vec = f32x4_splat(static_cast<float>(divisor(g, r, g.kernel_w, g.kernel_w)));
  auto in_place_reader = [](const float* row, int64_t x0) { return InPlaceRow{row + x0}; };
  pool_row_ends<kStride, kKernelW>(in, g, r, edge_blocks, 0, in_place, out);
  int64_t ow = in_place;
  for (; ow + 16 <= g.out_w && fits(ow + 12); ow += 16) {
    v128 sum[4];
    window_sums<4, kStride, kKernelW>(in, g, r, ow * s - g.pad_w, in_place_reader, sum);
    for (int b = 0; b < 4; ++b) f32x4_store(out + ow + 4 * b, average(sum[b], divisor_vec));
  }
  for (; ow + 4 <= g.out_w && fits(ow); ow += 4) {
    v128 sum;
    window_sums<1, kStride, kKernelW>(in, g, r, ow * s - g.pad_w, in_place_reader, &sum);
    f32x4_store(out + ow, average(sum, divisor_vec));
  }
  pool_row_ends<kStride, kKernelW>(in, g, r, edge_blocks, ow, g.out_w, out);
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
