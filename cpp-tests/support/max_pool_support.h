// What the max-type pooling tests share: running a kernel (SIMD or reference) with or without
// indices, and checking both against PyTorch's values and indices from a fixture.
#pragma once

#include <gtest/gtest.h>

#include <cstdint>
#include <initializer_list>
#include <vector>

#include "pool/adaptive_pool_geometry.h"
#include "pool/pool2d_geometry.h"
#include "pool/pool3d_geometry.h"
#include "support/bits.h"
#include "support/fixture.h"

namespace poolkit::testing {

struct Pooled {
  std::vector<float> values;
  std::vector<int32_t> indices;
};

inline int64_t output_count(const Pool2dGeometry& g) { return g.planes * g.out_h * g.out_w; }
inline int64_t output_count(const Pool3dGeometry& g) {
  return g.planes * g.out_d * g.out_h * g.out_w;
}
inline int64_t output_count(const AdaptivePoolGeometry& g) {
  return g.planes * g.out_d * g.out_h * g.out_w;
}

template <typename Kernel, typename Geometry>
Pooled run(Kernel kernel, const std::vector<float>& input, const Geometry& g, bool with_indices) {
  const size_t n = static_cast<size_t>(output_count(g));
  Pooled p{std::vector<float>(n), std::vector<int32_t>(with_indices ? n : 0)};
  kernel(input.data(), p.values.data(), with_indices ? p.indices.data() : nullptr, g);
  return p;
}

// Each kernel, with and without indices, gives PyTorch's values bit for bit and its indices.
template <typename Kernel, typename Geometry>
void expect_pytorch_max(std::initializer_list<Kernel> kernels, const std::vector<float>& input,
                        const Geometry& g, const FixtureTensor& expected,
                        const FixtureTensor& expected_indices) {
  for (Kernel kernel : kernels) {
    const Pooled got = run(kernel, input, g, true);
    EXPECT_EQ(float_bits(got.values), float_bits(expected.floats));
    EXPECT_EQ(got.indices, expected_indices.ints);
    EXPECT_EQ(float_bits(run(kernel, input, g, false).values), float_bits(expected.floats));
  }
}

}  // namespace poolkit::testing
