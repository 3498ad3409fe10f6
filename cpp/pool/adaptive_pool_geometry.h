// The shape of one adaptive pooling call, 1d to 3d (a 2d call has in_d = out_d = 1, a 1d call
// also in_h = out_h = 1), and ATen's window rule (AdaptivePooling.h): output cell o of `out`
// covers input [floor(o * in / out), ceil((o + 1) * in / out)).
#pragma once

#include <cstdint>

#include "pool/pool_shape.h"

namespace poolkit {

struct AdaptivePoolGeometry {
  int64_t planes;  // N * C
  int64_t in_d, in_h, in_w;
  int64_t out_d, out_h, out_w;
};

// Written as ATen writes them, so that o * in cannot overflow.
inline int64_t adaptive_start(int64_t o, int64_t out, int64_t in) {
  return (o / out) * in + ((o % out) * in) / out;
}
inline int64_t adaptive_end(int64_t o, int64_t out, int64_t in) {
  return 1 + ((o + 1) * in - 1) / out;
}

// The geometry of a checked call: input and output shapes with `dims` (1 to 3) spatial
// dimensions, batched or not.
inline AdaptivePoolGeometry adaptive_pool_geometry(const Shape& in, const Shape& out, size_t dims) {
  const size_t r = in.size();
  const bool batched = r == dims + 2;
  auto spatial = [&](const Shape& s, size_t i) { return i < dims ? s[r - 1 - i] : int64_t{1}; };
  return {batched ? in[0] * in[1] : in[0],
          spatial(in, 2),
          spatial(in, 1),
          spatial(in, 0),
          spatial(out, 2),
          spatial(out, 1),
          spatial(out, 0)};
}

}  // namespace poolkit
