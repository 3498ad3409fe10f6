#include "pool/fractional_max_pool.h"

#include <cmath>
#include <limits>
#include <vector>

#include "core/simd.h"

namespace poolkit {
namespace {

using namespace simd;

constexpr float kNegInf = -std::numeric_limits<float>::infinity();

// One output cell, scanned like the reference.
inline void pool_cell(const float* in, const FractionalPoolGeometry& g, int64_t d0, int64_t h0,
                      int64_t w0, float* out, int32_t* idx) {
  float best = kNegInf;
  int64_t best_index = (d0 * g.in_h + h0) * g.in_w + w0;
  for (int64_t d = d0; d < d0 + g.kernel_d; ++d) {
    for (int64_t h = h0; h < h0 + g.kernel_h; ++h) {
      for (int64_t w = w0; w < w0 + g.kernel_w; ++w) {
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

// Four adjacent output cells: their windows start at irregular columns, so each lane gathers its
// own inputs, but the comparisons and selects (the scalar rule, in scan order) run four at once
// without the scalar loop's unpredictable branches.
template <bool kIndices>
inline void pool_block4(const float* in, const FractionalPoolGeometry& g, int64_t d0, int64_t h0,
                        const int64_t* w0, float* out, int32_t* idx) {
  const v128 columns = i32x4_make(static_cast<int32_t>(w0[0]), static_cast<int32_t>(w0[1]),
                                  static_cast<int32_t>(w0[2]), static_cast<int32_t>(w0[3]));
  v128 best = f32x4_splat(kNegInf);
  v128 best_index =
      i32x4_add(i32x4_splat(static_cast<int32_t>((d0 * g.in_h + h0) * g.in_w)), columns);
  for (int64_t d = d0; d < d0 + g.kernel_d; ++d) {
    for (int64_t h = h0; h < h0 + g.kernel_h; ++h) {
      const int64_t row = (d * g.in_h + h) * g.in_w;
      for (int64_t k = 0; k < g.kernel_w; ++k) {
        const float* p = in + row + k;
        const v128 v = f32x4_make(p[w0[0]], p[w0[1]], p[w0[2]], p[w0[3]]);
        const v128 take = v128_or(f32x4_gt(v, best), f32x4_is_nan(v));
        best = v128_select(v, best, take);
        if (kIndices) {
          const v128 index = i32x4_add(i32x4_splat(static_cast<int32_t>(row + k)), columns);
          best_index = v128_select(index, best_index, take);
        }
      }
    }
  }
  f32x4_store(out, best);
  if (kIndices) i32x4_store(idx, best_index);
}

template <bool kIndices>
void fractional_max_pool_planes(const float* input, const float* samples, float* output,
                                int32_t* indices, const FractionalPoolGeometry& g) {
  std::vector<int64_t> start_d(g.out_d), start_h(g.out_h), start_w(g.out_w);
  const int64_t in_plane = g.in_d * g.in_h * g.in_w;
  for (int64_t p = 0; p < g.planes; ++p) {
    const float* s = samples + p * g.samples_per_plane;
    fractional_intervals(s[g.sample_d], g.in_d, g.out_d, g.kernel_d, start_d.data());
    fractional_intervals(s[g.sample_h], g.in_h, g.out_h, g.kernel_h, start_h.data());
    fractional_intervals(s[g.sample_w], g.in_w, g.out_w, g.kernel_w, start_w.data());
    const float* in = input + p * in_plane;
    for (int64_t od = 0; od < g.out_d; ++od) {
      for (int64_t oh = 0; oh < g.out_h; ++oh) {
        const int64_t o = ((p * g.out_d + od) * g.out_h + oh) * g.out_w;
        float* out = output + o;
        int32_t* idx = kIndices ? indices + o : nullptr;
        int64_t ow = 0;
        for (; ow + 4 <= g.out_w; ow += 4)
          pool_block4<kIndices>(in, g, start_d[od], start_h[oh], &start_w[ow], out + ow,
                                kIndices ? idx + ow : nullptr);
        for (; ow < g.out_w; ++ow)
          pool_cell(in, g, start_d[od], start_h[oh], start_w[ow], out + ow,
                    kIndices ? idx + ow : nullptr);
      }
    }
  }
}

}  // namespace

void fractional_max_pool(const float* input, const float* samples, float* output, int32_t* indices,
                         const FractionalPoolGeometry& g) {
  // An empty batch: nothing to pool, and its output extents (up to the input's, which an empty
  // batch leaves unbounded by memory) are no reason to allocate window starts.
  if (g.planes == 0) return;
  if (indices) {
    fractional_max_pool_planes<true>(input, samples, output, indices, g);
  } else {
    fractional_max_pool_planes<false>(input, samples, output, nullptr, g);
  }
}

}  // namespace poolkit
