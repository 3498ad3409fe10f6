#include "pool/adaptive_max_pool.h"

#include <cmath>
#include <limits>

#include "core/simd.h"

namespace poolkit {
namespace {

using namespace simd;

constexpr float kNegInf = -std::numeric_limits<float>::infinity();

struct Candidate {
  float value;
  int64_t index;
};

// The scalar scan's result does not depend on the scan order once indices are known: it is the
// NaN with the largest index if there is a NaN, else the smallest-index element equal to the
// maximum (equal as floats, so -0 and +0 tie). Partial scans, each in index order, therefore
// merge into exactly the reference's answer.
inline Candidate merge(Candidate a, Candidate b) {
  const bool a_nan = std::isnan(a.value), b_nan = std::isnan(b.value);
  if (a_nan || b_nan) {
    if (a_nan && b_nan) return a.index > b.index ? a : b;
    return a_nan ? a : b;
  }
  if (a.value != b.value) return a.value > b.value ? a : b;
  return a.index < b.index ? a : b;
}

// Input columns [w0, w1) of rows [h0, h1) in depths [d0, d1), scanned like the reference.
struct Window {
  int64_t d0, d1, h0, h1, w0, w1;
};

inline Candidate scan(const float* in, const AdaptivePoolGeometry& g, const Window& win,
                      int64_t w0) {
  Candidate best{kNegInf, (win.d0 * g.in_h + win.h0) * g.in_w + w0};
  for (int64_t d = win.d0; d < win.d1; ++d) {
    for (int64_t h = win.h0; h < win.h1; ++h) {
      for (int64_t w = w0; w < win.w1; ++w) {
        const int64_t i = (d * g.in_h + h) * g.in_w + w;
        if (in[i] > best.value || std::isnan(in[i])) best = {in[i], i};
      }
    }
  }
  return best;
}

// Four lanes, each scanning its own columns in index order with the scalar rule.
struct Lanes {
  v128 best, index;

  Lanes(int64_t first) : best(f32x4_splat(kNegInf)) {
    index = i32x4_add(i32x4_splat(static_cast<int32_t>(first)), i32x4_make(0, 1, 2, 3));
  }

  void update(const float* in, int64_t i) {
    const v128 v = f32x4_load(in + i);
    const v128 take = v128_or(f32x4_gt(v, best), f32x4_is_nan(v));
    best = v128_select(v, best, take);
    index = v128_select(i32x4_add(i32x4_splat(static_cast<int32_t>(i)), i32x4_make(0, 1, 2, 3)),
                        index, take);
  }

  Candidate merged() const {
    float values[4];
    int32_t indices[4];
    f32x4_store(values, best);
    i32x4_store(indices, index);
    Candidate c{values[0], indices[0]};
    for (int j = 1; j < 4; ++j) c = merge(c, {values[j], indices[j]});
    return c;
  }
};

// A window at least four columns wide: each row's full 4-column vectors alternate between two
// lane sets (two independent dependency chains), the columns past the last full vector are
// scanned one by one, and the partial results merge.
inline Candidate scan_wide(const float* in, const AdaptivePoolGeometry& g, const Window& win) {
  const int64_t vectors = (win.w1 - win.w0) / 4;
  const int64_t first = (win.d0 * g.in_h + win.h0) * g.in_w + win.w0;
  Lanes even(first), odd(first + 4);
  for (int64_t d = win.d0; d < win.d1; ++d) {
    for (int64_t h = win.h0; h < win.h1; ++h) {
      const int64_t row = (d * g.in_h + h) * g.in_w + win.w0;
      int64_t t = 0;
      for (; t + 2 <= vectors; t += 2) {
        even.update(in, row + 4 * t);
        odd.update(in, row + 4 * t + 4);
      }
      if (t < vectors) even.update(in, row + 4 * t);
    }
  }
  Candidate c = even.merged();
  if (vectors > 1) c = merge(c, odd.merged());
  const int64_t tail = win.w0 + 4 * vectors;
  if (tail < win.w1) c = merge(c, scan(in, g, win, tail));
  return c;
}

}  // namespace

void adaptive_max_pool(const float* input, float* output, int32_t* indices,
                       const AdaptivePoolGeometry& g) {
  const int64_t in_plane = g.in_d * g.in_h * g.in_w;
  for (int64_t p = 0; p < g.planes; ++p) {
    const float* in = input + p * in_plane;
    for (int64_t od = 0; od < g.out_d; ++od) {
      for (int64_t oh = 0; oh < g.out_h; ++oh) {
        Window win{adaptive_start(od, g.out_d, g.in_d),
                   adaptive_end(od, g.out_d, g.in_d),
                   adaptive_start(oh, g.out_h, g.in_h),
                   adaptive_end(oh, g.out_h, g.in_h),
                   0,
                   0};
        const int64_t o = ((p * g.out_d + od) * g.out_h + oh) * g.out_w;
        for (int64_t ow = 0; ow < g.out_w; ++ow) {
          win.w0 = adaptive_start(ow, g.out_w, g.in_w);
          win.w1 = adaptive_end(ow, g.out_w, g.in_w);
          const Candidate c =
              win.w1 - win.w0 >= 4 ? scan_wide(in, g, win) : scan(in, g, win, win.w0);
          output[o + ow] = c.value;
          if (indices) indices[o + ow] = static_cast<int32_t>(c.index);
        }
      }
    }
  }
}

}  // namespace poolkit
