// A tiny 4-lane SIMD vocabulary: wasm SIMD128 when compiling with -msimd128, otherwise a
// plain-C++ emulation with the same semantics. The emulation is not there for speed: it lets the
// vector kernels (their block loops, tails and bounds) run natively under ASan/UBSan, so an
// out-of-bounds load in a vector path is caught by the native tests, not just by wasm traps.
#pragma once

#include <cmath>
#include <cstdint>
#include <cstring>

#if defined(__wasm_simd128__)
#include <wasm_simd128.h>
#endif

namespace poolkit::simd {

#if defined(__wasm_simd128__)

using v128 = v128_t;

inline v128 f32x4_load(const float* p) { return wasm_v128_load(p); }
inline void f32x4_store(float* p, v128 v) { wasm_v128_store(p, v); }
inline v128 f32x4_splat(float x) { return wasm_f32x4_splat(x); }
inline v128 f32x4_make(float a, float b, float c, float d) { return wasm_f32x4_make(a, b, c, d); }
inline v128 f32x4_gt(v128 a, v128 b) { return wasm_f32x4_gt(a, b); }
inline v128 f32x4_is_nan(v128 a) { return wasm_f32x4_ne(a, a); }
inline v128 f32x4_add(v128 a, v128 b) { return wasm_f32x4_add(a, b); }
inline v128 f32x4_mul(v128 a, v128 b) { return wasm_f32x4_mul(a, b); }
inline v128 f32x4_max(v128 a, v128 b) { return wasm_f32x4_max(a, b); }
// Per lane a < b ? b : a (wasm's pseudo-maximum): b replaces a only when strictly greater, so
// ties (and +0 against -0) keep a, a NaN b never replaces, and a NaN a is never replaced.
inline v128 f32x4_pmax(v128 a, v128 b) { return wasm_f32x4_pmax(a, b); }
// Lanes 0, 2 of a and 0, 2 of b: the even elements of eight consecutive floats.
inline v128 f32x4_even(v128 a, v128 b) { return wasm_i32x4_shuffle(a, b, 0, 2, 4, 6); }
inline v128 f32x4_odd(v128 a, v128 b) { return wasm_i32x4_shuffle(a, b, 1, 3, 5, 7); }
// Lanes 1, 2, 3 of a, then lane 3 of b: a moved along by one, with b's last lane shifted in.
inline v128 f32x4_shift_in(v128 a, v128 b) { return wasm_i32x4_shuffle(a, b, 1, 2, 3, 7); }
// Lanes k..k+3 of a followed by b (0 < k < 4): four consecutive floats across two vectors.
template <int k>
inline v128 f32x4_slide(v128 a, v128 b) {
  return wasm_i32x4_shuffle(a, b, k, k + 1, k + 2, k + 3);
}
// p[0], p[2], p[4], p[6], reading p[0..6] only (two overlapping loads), so a block of windows
// that ends at the last column of a row needs no bounds slack.
inline v128 f32x4_load_stride2(const float* p) {
  return wasm_i32x4_shuffle(wasm_v128_load(p), wasm_v128_load(p + 3), 0, 2, 5, 7);
}
// One float from memory in every lane.
inline v128 f32x4_load_splat(const float* p) { return wasm_v128_load32_splat(p); }
// Lanes a0 b0 a1 b1 and a2 b2 a3 b3: two rows interleaved, as a pixel shuffle writes them.
inline v128 f32x4_zip_low(v128 a, v128 b) { return wasm_i32x4_shuffle(a, b, 0, 4, 1, 5); }
inline v128 f32x4_zip_high(v128 a, v128 b) { return wasm_i32x4_shuffle(a, b, 2, 6, 3, 7); }

inline v128 i32x4_load(const int32_t* p) { return wasm_v128_load(p); }
inline void i32x4_store(int32_t* p, v128 v) { wasm_v128_store(p, v); }
inline v128 i32x4_splat(int32_t x) { return wasm_i32x4_splat(x); }
inline v128 i32x4_make(int32_t a, int32_t b, int32_t c, int32_t d) {
  return wasm_i32x4_make(a, b, c, d);
}
inline v128 i32x4_add(v128 a, v128 b) { return wasm_i32x4_add(a, b); }
// Per lane: a >= b as unsigned 32-bit integers (so a negative a counts as huge).
inline v128 u32x4_ge(v128 a, v128 b) { return wasm_u32x4_ge(a, b); }

inline v128 v128_or(v128 a, v128 b) { return wasm_v128_or(a, b); }
// Per bit: mask ? a : b.
inline v128 v128_select(v128 a, v128 b, v128 mask) { return wasm_v128_bitselect(a, b, mask); }
inline bool v128_any_true(v128 a) { return wasm_v128_any_true(a); }

// Added for the averaging family.
inline v128 f32x4_sub(v128 a, v128 b) { return wasm_f32x4_sub(a, b); }
inline v128 f32x4_div(v128 a, v128 b) { return wasm_f32x4_div(a, b); }
inline v128 f32x4_sqrt(v128 a) { return wasm_f32x4_sqrt(a); }
inline v128 f32x4_abs(v128 a) { return wasm_f32x4_abs(a); }
inline v128 f32x4_lt(v128 a, v128 b) { return wasm_f32x4_lt(a, b); }
inline float f32x4_lane(v128 a, int i) {
  float lanes[4];
  wasm_v128_store(lanes, a);
  return lanes[i];
}

#else

struct v128 {
  uint32_t u[4];
};

namespace detail {
inline uint32_t bits(float x) {
  uint32_t b;
  std::memcpy(&b, &x, sizeof b);
  return b;
}
inline float value(uint32_t b) {
  float x;
  std::memcpy(&x, &b, sizeof x);
  return x;
}
inline float lane(v128 v, int i) { return value(v.u[i]); }
inline uint32_t mask(bool b) { return b ? 0xFFFFFFFFu : 0u; }
}  // namespace detail

inline v128 f32x4_make(float a, float b, float c, float d) {
  using detail::bits;
  return {{bits(a), bits(b), bits(c), bits(d)}};
}
inline v128 f32x4_load(const float* p) { return f32x4_make(p[0], p[1], p[2], p[3]); }
inline void f32x4_store(float* p, v128 v) {
  for (int i = 0; i < 4; ++i) p[i] = detail::lane(v, i);
}
inline v128 f32x4_splat(float x) { return f32x4_make(x, x, x, x); }
inline v128 f32x4_gt(v128 a, v128 b) {
  v128 r;
  for (int i = 0; i < 4; ++i) r.u[i] = detail::mask(detail::lane(a, i) > detail::lane(b, i));
  return r;
}
inline v128 f32x4_is_nan(v128 a) {
  v128 r;
  for (int i = 0; i < 4; ++i) {
    const float x = detail::lane(a, i);
    r.u[i] = detail::mask(x != x);
  }
  return r;
}
inline v128 f32x4_add(v128 a, v128 b) {
  using detail::lane;
  return f32x4_make(lane(a, 0) + lane(b, 0), lane(a, 1) + lane(b, 1), lane(a, 2) + lane(b, 2),
                    lane(a, 3) + lane(b, 3));
}
inline v128 f32x4_mul(v128 a, v128 b) {
  using detail::lane;
  return f32x4_make(lane(a, 0) * lane(b, 0), lane(a, 1) * lane(b, 1), lane(a, 2) * lane(b, 2),
                    lane(a, 3) * lane(b, 3));
}
// wasm's f32x4.max: NaN if either lane is NaN, and -0 < +0.
inline v128 f32x4_max(v128 a, v128 b) {
  v128 r;
  for (int i = 0; i < 4; ++i) {
    const float x = detail::lane(a, i), y = detail::lane(b, i);
    float m;
    if (x != x || y != y) {
      m = x != x ? x : y;
    } else if (x == y) {
      m = std::signbit(x) ? y : x;
    } else {
      m = x > y ? x : y;
    }
    r.u[i] = detail::bits(m);
  }
  return r;
}
inline v128 f32x4_pmax(v128 a, v128 b) {
  v128 r;
  for (int i = 0; i < 4; ++i) r.u[i] = detail::lane(a, i) < detail::lane(b, i) ? b.u[i] : a.u[i];
  return r;
}
inline v128 f32x4_even(v128 a, v128 b) { return {{a.u[0], a.u[2], b.u[0], b.u[2]}}; }
inline v128 f32x4_odd(v128 a, v128 b) { return {{a.u[1], a.u[3], b.u[1], b.u[3]}}; }
inline v128 f32x4_shift_in(v128 a, v128 b) { return {{a.u[1], a.u[2], a.u[3], b.u[3]}}; }
template <int k>
inline v128 f32x4_slide(v128 a, v128 b) {
  v128 r;
  for (int i = 0; i < 4; ++i) r.u[i] = k + i < 4 ? a.u[k + i] : b.u[k + i - 4];
  return r;
}
inline v128 f32x4_load_stride2(const float* p) { return f32x4_make(p[0], p[2], p[4], p[6]); }
inline v128 f32x4_load_splat(const float* p) { return f32x4_splat(*p); }
inline v128 f32x4_zip_low(v128 a, v128 b) { return {{a.u[0], b.u[0], a.u[1], b.u[1]}}; }
inline v128 f32x4_zip_high(v128 a, v128 b) { return {{a.u[2], b.u[2], a.u[3], b.u[3]}}; }

inline v128 i32x4_make(int32_t a, int32_t b, int32_t c, int32_t d) {
  return {{static_cast<uint32_t>(a), static_cast<uint32_t>(b), static_cast<uint32_t>(c),
           static_cast<uint32_t>(d)}};
}
inline v128 i32x4_load(const int32_t* p) { return i32x4_make(p[0], p[1], p[2], p[3]); }
inline void i32x4_store(int32_t* p, v128 v) {
  for (int i = 0; i < 4; ++i) p[i] = static_cast<int32_t>(v.u[i]);
}
inline v128 i32x4_splat(int32_t x) { return i32x4_make(x, x, x, x); }
inline v128 i32x4_add(v128 a, v128 b) {
  v128 r;
  for (int i = 0; i < 4; ++i) r.u[i] = a.u[i] + b.u[i];
  return r;
}
inline v128 u32x4_ge(v128 a, v128 b) {
  v128 r;
  for (int i = 0; i < 4; ++i) r.u[i] = detail::mask(a.u[i] >= b.u[i]);
  return r;
}

inline v128 v128_or(v128 a, v128 b) {
  v128 r;
  for (int i = 0; i < 4; ++i) r.u[i] = a.u[i] | b.u[i];
  return r;
}
inline v128 v128_select(v128 a, v128 b, v128 mask) {
  v128 r;
  for (int i = 0; i < 4; ++i) r.u[i] = (a.u[i] & mask.u[i]) | (b.u[i] & ~mask.u[i]);
  return r;
}
inline bool v128_any_true(v128 a) { return (a.u[0] | a.u[1] | a.u[2] | a.u[3]) != 0; }

// Added for the averaging family.
inline v128 f32x4_sub(v128 a, v128 b) {
  using detail::lane;
  return f32x4_make(lane(a, 0) - lane(b, 0), lane(a, 1) - lane(b, 1), lane(a, 2) - lane(b, 2),
                    lane(a, 3) - lane(b, 3));
}
inline v128 f32x4_div(v128 a, v128 b) {
  using detail::lane;
  return f32x4_make(lane(a, 0) / lane(b, 0), lane(a, 1) / lane(b, 1), lane(a, 2) / lane(b, 2),
                    lane(a, 3) / lane(b, 3));
}
inline v128 f32x4_sqrt(v128 a) {
  using detail::lane;
  return f32x4_make(std::sqrt(lane(a, 0)), std::sqrt(lane(a, 1)), std::sqrt(lane(a, 2)),
                    std::sqrt(lane(a, 3)));
}
// Clears the sign bit only, as wasm's f32x4.abs does (NaN payloads survive).
inline v128 f32x4_abs(v128 a) {
  v128 r;
  for (int i = 0; i < 4; ++i) r.u[i] = a.u[i] & 0x7FFFFFFFu;
  return r;
}
inline v128 f32x4_lt(v128 a, v128 b) {
  v128 r;
  for (int i = 0; i < 4; ++i) r.u[i] = detail::mask(detail::lane(a, i) < detail::lane(b, i));
  return r;
}
inline float f32x4_lane(v128 a, int i) { return detail::lane(a, i); }

#endif

}  // namespace poolkit::simd
