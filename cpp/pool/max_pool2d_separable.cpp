// MaxPool2d without indices, as a separable pass: a max over a rectangle is the max over its
// rows of each row's max, and "first greatest in row-major order" survives the split (the first
// row holding the overall maximum, and in it the first column). Each input row is reduced
// horizontally once, four output columns at a time, and merged straight into every output row
// whose window takes it, in row order: the first such row stores, later ones keep the maximum.
// Nothing goes through a scratch row, and windows that cross an end of the row are vector blocks
// too, reading -inf outside it: the scalar edge cells they replaced cost as much as the rest of
// the 3x3 stride-2 pool. That pool also carries the row two windows share (pool_row_pair);
// together 0.62 -> 0.19 ms on 1x64x112x112 (wasm, one thread). The 2x2 stride-2 pool is the
// same loop with its own block, so it reads one input row at a time (two interleaved row
// streams ran at half speed on a 20 MB input).
//
// pmax(best, v) is "replace when greater" while no NaN is involved. A running sum of every tap
// (NaN once an input is NaN, or harmlessly when +inf meets -inf) tells which chunks of output
// rows must be redone by the exact path.
#include <algorithm>
#include <limits>

#include "core/float_buffer.h"
#include "core/parallel.h"
#include "core/row_reader.h"
#include "core/simd.h"
#include "pool/dilated_window.h"
#include "pool/max_pool2d_paths.h"

namespace poolkit {
namespace {

using namespace simd;

constexpr float kNegInf = -std::numeric_limits<float>::infinity();

// Output rows per unit of work: a NaN sends one chunk, not the plane, to the exact path.
constexpr int64_t kChunkRows = 64;

// Windows wider than this many columns (kernels of hundreds, most of it padding) are pooled
// one scalar cell at a time where they cross an end of the row.
constexpr int64_t kWidestEdgeBlock = 64;

// The last input column a block of four output columns reads, relative to its first.
template <int kStride, int kKernelW>
int64_t block_reach(const Pool2dGeometry& g) {
  if (kStride == 2 && kKernelW == 3) return 8;
  if (kStride == 2 && kKernelW == 2) return 7;
  return (g.kernel_w - 1) * g.dilation_w + strided_reach(g.stride_w);
}

// Horizontal maxima of four adjacent windows, the first starting at the block's first column
// and the others stride apart; every value read is added into `sum`. kStride and kKernelW,
// when not 0, are known at compile time, and the specialised shapes have dilation 1.
template <int kStride, int kKernelW, typename Row>
inline v128 window_row_max4(const Row& r, const Pool2dGeometry& g, v128& sum) {
  if constexpr (kStride == 2 && kKernelW == 3) {
    // Columns 0..7 give the first two taps as even and odd lanes; 5..8 the one the third adds.
    const v128 a0 = r.load4(0), a1 = r.load4(4), b = r.load4(5);
    const v128 t0 = f32x4_even(a0, a1), t1 = f32x4_odd(a0, a1), t2 = f32x4_shift_in(t0, b);
    sum = f32x4_add(sum, f32x4_add(f32x4_add(a0, a1), b));
    return f32x4_pmax(f32x4_pmax(t0, t1), t2);
  } else if constexpr (kStride == 2 && kKernelW == 2) {
    const v128 a0 = r.load4(0), a1 = r.load4(4);
    sum = f32x4_add(sum, f32x4_add(a0, a1));
    return f32x4_pmax(f32x4_even(a0, a1), f32x4_odd(a0, a1));
  } else {
    const int64_t s = kStride ? kStride : g.stride_w;
    const int64_t kernel_w = kKernelW ? kKernelW : g.kernel_w;
    v128 best = read_strided<kStride>(r, 0, s);
    sum = f32x4_add(sum, best);
    for (int64_t k = 1; k < kernel_w; ++k) {
      const v128 v = read_strided<kStride>(r, k * g.dilation_w, s);
      sum = f32x4_add(sum, v);
      best = f32x4_pmax(best, v);
    }
    return best;
  }
}

// pmax's rule for one float: v replaces best only when greater.
inline float keep_greater(float best, float v) { return best < v ? v : best; }

// The output rows of a chunk whose windows take one input row: those it starts, which store its
// maxima, and those already holding earlier rows, which keep the greater.
struct RowTargets {
  float* start[kChunkRows];
  float* merge[kChunkRows];
  int starts = 0, merges = 0;

  bool empty() const { return starts + merges == 0; }

  void put4(int64_t ow, v128 v) const {
    for (int i = 0; i < starts; ++i) f32x4_store(start[i] + ow, v);
    for (int i = 0; i < merges; ++i)
      f32x4_store(merge[i] + ow, f32x4_pmax(f32x4_load(merge[i] + ow), v));
  }

  void put(int64_t ow, float v) const {
    for (int i = 0; i < starts; ++i) start[i][ow] = v;
    for (int i = 0; i < merges; ++i) merge[i][ow] = keep_greater(merge[i][ow], v);
  }
};

// Walks a chunk's input rows in increasing order and says which output rows each one feeds:
// the windows that have begun and not yet ended. Incremental, so no division per row (they
// cost as much as pooling a short row).
class ChunkRows {
 public:
  ChunkRows(const Pool2dGeometry& g, int64_t oh_begin, int64_t oh_end, float* out_plane)
      : g_(g),
        span_((g.kernel_h - 1) * g.dilation_h),
        begun_(oh_begin),
        ended_(oh_begin),
        end_(oh_end),
        out_plane_(out_plane) {}

  RowTargets targets(int64_t h) {
    while (begun_ < end_ && top(begun_) <= h) ++begun_;
    while (ended_ < begun_ && top(ended_) + span_ < h) ++ended_;
    RowTargets t;
    for (int64_t oh = ended_; oh < begun_; ++oh) {
      const int64_t top_row = top(oh);
      if (g_.dilation_h != 1 && (h - top_row) % g_.dilation_h != 0) continue;
      const int64_t first = g_.dilation_h == 1 ? std::max<int64_t>(top_row, 0)
                                               : first_tap_inside(top_row, g_.dilation_h);
      float* out = out_plane_ + oh * g_.out_w;
      if (h == first) {
        t.start[t.starts++] = out;
      } else {
        t.merge[t.merges++] = out;
      }
    }
    return t;
  }

 private:
  int64_t top(int64_t oh) const { return oh * g_.stride_h - g_.pad_h; }

  const Pool2dGeometry& g_;
  const int64_t span_;
  int64_t begun_, ended_;  // windows [ended_, begun_) hold the current row
  const int64_t end_;
  float* const out_plane_;
};

// Which blocks of four output columns read the row in place; the same for every row. Blocks
// before `in_place` have windows starting in the left padding, blocks from `in_place_end` on
// reach past the right end; those read it clipped (or, for very wide windows, go one scalar
// cell at a time).
struct ColumnBlocks {
  int64_t in_place, in_place_end;
  bool edge_blocks;
};

template <int kStride, int kKernelW>
ColumnBlocks column_blocks(const Pool2dGeometry& g) {
  const int64_t s = kStride ? kStride : g.stride_w;
  const int64_t reach = block_reach<kStride, kKernelW>(g);
  ColumnBlocks c;
  c.edge_blocks = reach < kWidestEdgeBlock;
  const int64_t first_inside = std::min((g.pad_w + s - 1) / s, g.out_w);
  // Edge blocks are four columns wide, so in-place blocks then start at a multiple of four.
  c.in_place = c.edge_blocks ? std::min((first_inside + 3) / 4 * 4, g.out_w) : first_inside;
  c.in_place_end = c.in_place;
  while (c.in_place_end + 4 <= g.out_w && c.in_place_end * s - g.pad_w + reach < g.in_w)
    c.in_place_end += 4;
  return c;
}

// Output columns [begin, end) of one row at an end of it: four at a time reading the row
// clipped (row_reader.h), or one scalar cell at a time for very wide windows. The -inf padding
// beside a +inf makes the tap sum NaN, which only sends the chunk to the exact path. Inlined
// by force, as are the clipped loads: as calls they cost more than the blocks (V8 does not
// inline wasm calls).
template <int kStride, int kKernelW>
__attribute__((always_inline)) inline void pool_row_ends(const float* row, const Pool2dGeometry& g,
                                                         const ColumnBlocks& c, const RowTargets& t,
                                                         int64_t begin, int64_t end, v128& sum,
                                                         bool& nan) {
  const int64_t s = kStride ? kStride : g.stride_w;
  if (!c.edge_blocks) {
    for (int64_t ow = begin; ow < end; ++ow) {
      const int64_t x = ow * s - g.pad_w;
      const int64_t stop = std::min(x + (g.kernel_w - 1) * g.dilation_w + 1, g.in_w);
      float best = kNegInf;
      for (int64_t w = first_tap_inside(x, g.dilation_w); w < stop; w += g.dilation_w) {
        nan = nan || row[w] != row[w];
        best = keep_greater(best, row[w]);
      }
      t.put(ow, best);
    }
    return;
  }
  for (int64_t ow = begin; ow < end; ow += 4) {
    const ClippedRow clipped{row, g.in_w, ow * s - g.pad_w, kNegInf};
    const v128 best = window_row_max4<kStride, kKernelW>(clipped, g, sum);
    if (ow + 4 <= g.out_w) {
      t.put4(ow, best);
    } else {
      float values[4];
      f32x4_store(values, best);
      for (int64_t i = 0; ow + i < g.out_w; ++i) t.put(ow + i, values[i]);
    }
  }
}

// Pools one input row into its targets; false when a value read was NaN. Kept out of line:
// inlined into the chunk loop, the same code ran 1.5x slower or not, depending on how V8
// allocated registers in the one large function.
template <int kStride, int kKernelW>
__attribute__((noinline)) bool pool_row(const float* row, const Pool2dGeometry& g,
                                        const ColumnBlocks& c, const RowTargets& t) {
  const int64_t s = kStride ? kStride : g.stride_w;
  v128 sum = f32x4_splat(0.f);
  bool nan = false;
  pool_row_ends<kStride, kKernelW>(row, g, c, t, 0, c.in_place, sum, nan);
  // In place, with the usual target sets (a row that starts one window and/or ends another)
  // written out: a loop over the target lists per block cost a third of the pool.
  const float* p = row + c.in_place * s - g.pad_w;
  auto in_place = [&](auto put) {
    for (int64_t ow = c.in_place; ow < c.in_place_end; ow += 4, p += 4 * s)
      put(ow, window_row_max4<kStride, kKernelW>(InPlaceRow{p}, g, sum));
  };
  if (t.starts == 1 && t.merges == 0) {
    float* out = t.start[0];
    in_place([out](int64_t ow, v128 v) { f32x4_store(out + ow, v); });
  } else if (t.starts == 0 && t.merges == 1) {
    float* out = t.merge[0];
    in_place(
        [out](int64_t ow, v128 v) { f32x4_store(out + ow, f32x4_pmax(f32x4_load(out + ow), v)); });
  } else if (t.starts == 1 && t.merges == 1) {
    float *out = t.start[0], *older = t.merge[0];
    in_place([out, older](int64_t ow, v128 v) {
      f32x4_store(out + ow, v);
      f32x4_store(older + ow, f32x4_pmax(f32x4_load(older + ow), v));
    });
  } else {
    in_place([&t](int64_t ow, v128 v) { t.put4(ow, v); });
  }
  pool_row_ends<kStride, kKernelW>(row, g, c, t, c.in_place_end, g.out_w, sum, nan);
  return !nan && !v128_any_true(f32x4_is_nan(sum));
}

// The 3-high, stride-2 window (ResNet's stem pool and friends): an output row takes the row
// its predecessor ended with, and two new ones. The shared row's maxima are kept in `carry`, so
// each block of four outputs reads the carry, reduces the two new rows and stores the output
// and the new carry: three memory operations where targets of single rows took seven, and one
// call per output row instead of two. pmax applies the rows in window order. False when a value
// read was NaN.
template <int kStride, int kKernelW>
__attribute__((noinline)) bool pool_row_pair(const float* mid, const float* bottom,
                                             const Pool2dGeometry& g, const ColumnBlocks& c,
                                             float* carry, float* out) {
  const int64_t s = kStride ? kStride : g.stride_w;
  v128 sum = f32x4_splat(0.f);
  auto block = [&](int64_t ow, v128 m, v128 b) {
    f32x4_store(out + ow, f32x4_pmax(f32x4_pmax(f32x4_load(carry + ow), m), b));
    f32x4_store(carry + ow, b);
  };
  // Row ends: clipped blocks (`out` has no room past out_w, so their lanes go one by one).
  auto ends = [&](int64_t begin, int64_t end) __attribute__((always_inline)) {
    for (int64_t ow = begin; ow < end; ow += 4) {
      const int64_t x = ow * s - g.pad_w;
      const v128 m =
          window_row_max4<kStride, kKernelW>(ClippedRow{mid, g.in_w, x, kNegInf}, g, sum);
      const v128 b =
          window_row_max4<kStride, kKernelW>(ClippedRow{bottom, g.in_w, x, kNegInf}, g, sum);
      if (ow + 4 <= g.out_w) {
        block(ow, m, b);
        continue;
      }
      float top_m[4], bottom_m[4];
      f32x4_store(top_m, m);
      f32x4_store(bottom_m, b);
      for (int64_t i = 0; ow + i < g.out_w; ++i) {
        out[ow + i] = keep_greater(keep_greater(carry[ow + i], top_m[i]), bottom_m[i]);
        carry[ow + i] = bottom_m[i];
      }
    }
  };
  ends(0, c.in_place);
  const float* pm = mid + c.in_place * s - g.pad_w;
  const float* pb = bottom + c.in_place * s - g.pad_w;
  for (int64_t ow = c.in_place; ow < c.in_place_end; ow += 4, pm += 4 * s, pb += 4 * s)
    block(ow, window_row_max4<kStride, kKernelW>(InPlaceRow{pm}, g, sum),
          window_row_max4<kStride, kKernelW>(InPlaceRow{pb}, g, sum));
  ends(c.in_place_end, g.out_w);
  return !v128_any_true(f32x4_is_nan(sum));
}

// Output rows [oh_begin, oh_end) of one plane, each input row they take fed to all of them at
// once; false when a value read was NaN.
template <int kStride, int kKernelW>
bool pool_rows(const float* in, float* out, const Pool2dGeometry& g, const ColumnBlocks& c,
               int64_t oh_begin, int64_t oh_end) {
  // The input rows the windows touch. (Not first_tap_inside of the first window: with
  // dilation a later window's first tap can come before it.)
  const int64_t h_begin = std::max<int64_t>(oh_begin * g.stride_h - g.pad_h, 0);
  const int64_t h_end =
      std::min((oh_end - 1) * g.stride_h - g.pad_h + (g.kernel_h - 1) * g.dilation_h + 1, g.in_h);
  ChunkRows rows(g, oh_begin, oh_end, out);
  for (int64_t h = h_begin; h < h_end; ++h) {
    const RowTargets t = rows.targets(h);
    if (!t.empty() && !pool_row<kStride, kKernelW>(in + h * g.in_w, g, c, t)) return false;
  }
  // A window with no row inside the input (possible only with dilation): every tap is
  // padding, and the maximum of nothing is -inf, as in the exact path.
  for (int64_t oh = oh_begin; oh < oh_end; ++oh) {
    const int64_t top = oh * g.stride_h - g.pad_h;
    if (first_tap_inside(top, g.dilation_h) >=
        std::min(top + (g.kernel_h - 1) * g.dilation_h + 1, g.in_h))
      std::fill_n(out + oh * g.out_w, g.out_w, kNegInf);
  }
  return true;
}

// Pools output rows [oh_begin, oh_end) of one plane; false when a value read was NaN. With
// 3-high, stride-2 windows, rows in the steady state take pool_row_pair, and the others (the
// first of a chunk, rows clipped at the top or bottom) pool_rows, which then leaves the next
// window's first row in `carry`.
template <int kStride, int kKernelW>
bool pool_chunk(const float* in, float* out, const Pool2dGeometry& g, const ColumnBlocks& c,
                int64_t oh_begin, int64_t oh_end, float* carry) {
  if (!carry || g.kernel_h != 3 || g.stride_h != 2 || g.dilation_h != 1)
    return pool_rows<kStride, kKernelW>(in, out, g, c, oh_begin, oh_end);
  bool carried = false;  // carry holds the maxima of the current output row's first input row
  for (int64_t oh = oh_begin; oh < oh_end; ++oh) {
    const int64_t top = oh * 2 - g.pad_h, bottom = top + 2;
    if (carried && bottom < g.in_h) {
      const float* bottom_row = in + bottom * g.in_w;
      if (!pool_row_pair<kStride, kKernelW>(bottom_row - g.in_w, bottom_row, g, c, carry,
                                            out + oh * g.out_w))
        return false;
      continue;
    }
    if (!pool_rows<kStride, kKernelW>(in, out, g, c, oh, oh + 1)) return false;
    carried = bottom >= 0 && bottom < g.in_h;
    if (carried) {
      RowTargets t;
      t.start[t.starts++] = carry;
      if (!pool_row<kStride, kKernelW>(in + bottom * g.in_w, g, c, t)) return false;
    }
  }
  return true;
}

template <int kStride, int kKernelW>
void separable(const float* input, float* output, const Pool2dGeometry& g) {
  const int64_t chunks_per_plane = (g.out_h + kChunkRows - 1) / kChunkRows;
  const ColumnBlocks columns = column_blocks<kStride, kKernelW>(g);
  const int64_t chunk_work =
      kChunkRows * g.out_w * (std::min(g.kernel_h, g.in_h) + std::min(g.kernel_w, g.in_w));
  parallel_for(g.planes * chunks_per_plane, chunk_work, [&](int64_t begin, int64_t end) {
    // The shared row's maxima for pool_row_pair; without it (out of memory) every row takes
    // pool_rows.
    const FloatBuffer carry = allocate_floats({g.out_w});
    for (int64_t unit = begin; unit < end; ++unit) {
      const int64_t p = unit / chunks_per_plane;
      const int64_t oh_begin = unit % chunks_per_plane * kChunkRows;
      const int64_t oh_end = std::min(oh_begin + kChunkRows, g.out_h);
      if (!pool_chunk<kStride, kKernelW>(input + p * g.in_h * g.in_w,
                                         output + p * g.out_h * g.out_w, g, columns, oh_begin,
                                         oh_end, carry.get()))
        max_pool2d_exact_rows(input, output, nullptr, g, p * g.out_h + oh_begin,
                              p * g.out_h + oh_end);
    }
  });
}

}  // namespace

void max_pool2d_separable(const float* input, float* output, const Pool2dGeometry& g) {
  if (g.dilation_w == 1 && g.stride_w == 2 && g.kernel_w == 3)
    return separable<2, 3>(input, output, g);
  if (g.dilation_w == 1 && g.stride_w == 2 && g.kernel_w == 2)
    return separable<2, 2>(input, output, g);
  if (g.stride_w == 1 && g.kernel_w == 3) return separable<1, 3>(input, output, g);
  if (g.stride_w == 2) return separable<2, 0>(input, output, g);
  if (g.stride_w == 1) return separable<1, 0>(input, output, g);
  return separable<0, 0>(input, output, g);
}

}  // namespace poolkit
