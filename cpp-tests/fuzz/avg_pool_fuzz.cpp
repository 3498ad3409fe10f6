// avgPool1d/2d/3d: countIncludePad, ceil-mode overhang and divisorOverride (including 0, negatives
// and values past int32, which must be rejected). Rows long enough for the 16-wide blocks.
#include <limits>
#include <optional>

#include "fuzz/fuzz_expect.h"
#include "fuzz/fuzz_inputs.h"
#include "pool/avg_pool.h"

namespace poolkit::fuzz {
namespace {

std::optional<int64_t> fuzz_divisor_override(FuzzedDataProvider& in) {
  switch (in.ConsumeIntegralInRange<int>(0, 3)) {
    case 1:
      return in.ConsumeIntegralInRange<int64_t>(-4, 12);
    case 2: {
      static constexpr int64_t kEdges[] = {0,
                                           -1,
                                           std::numeric_limits<int32_t>::min(),
                                           std::numeric_limits<int32_t>::max(),
                                           int64_t{std::numeric_limits<int32_t>::min()} - 1,
                                           int64_t{std::numeric_limits<int32_t>::max()} + 1,
                                           std::numeric_limits<int64_t>::min(),
                                           std::numeric_limits<int64_t>::max()};
      return in.PickValueInArray(kEdges);
    }
    default:
      return std::nullopt;
  }
}

void fuzz_avg_pool(FuzzedDataProvider& in, const char* op, size_t dims, int64_t max_extent) {
  const Shape shape = pool_input_shape(in, dims, max_extent);
  const WindowArgs args = fuzz_window_args(in, dims, 6, 5, true, 1);
  const bool count_include_pad = in.ConsumeBool();
  const std::optional<int64_t> divisor_override = fuzz_divisor_override(in);
  const ShapeResult out = avg_pool_output_shape(op, shape, args, divisor_override);
  if (!out.ok()) return expect_clean_rejection(op, out.error);
  expect_pool_shapes(op, shape, out.shape, dims);
  expect_window_rules(op, args);
  expect_rule(op,
              !divisor_override || (*divisor_override != 0 && *divisor_override >= INT32_MIN &&
                                    *divisor_override <= INT32_MAX),
              "divisorOverride a non-zero int32");
  for (size_t i = 0; dims == 3 && i < 3; ++i)
    expect_rule(op, spatial(shape, 3)[i] >= args.kernel_size[i], "3d input at least the kernel");
  if (too_large(out.shape)) return;

  const AvgPoolGeometry g =
      avg_pool_geometry(shape, out.shape, args, count_include_pad, divisor_override.value_or(0));
  const std::vector<float> input = fuzz_floats(in, element_count(shape));
  const size_t n = static_cast<size_t>(element_count(out.shape));
  std::vector<float> fast(n), ref(n);
  avg_pool(input.data(), fast.data(), g);
  avg_pool_reference(input.data(), ref.data(), g);
  expect_same_bits_any_nan(op, fast, ref);
}

const RegisterOp avg_pool1d_op("avgPool1d", [](FuzzedDataProvider& in) {
  fuzz_avg_pool(in, "avgPool1d", 1, 80);
});
const RegisterOp avg_pool2d_op("avgPool2d", [](FuzzedDataProvider& in) {
  fuzz_avg_pool(in, "avgPool2d", 2, 24);
});
const RegisterOp avg_pool3d_op("avgPool3d", [](FuzzedDataProvider& in) {
  fuzz_avg_pool(in, "avgPool3d", 3, 10);
});

}  // namespace
}  // namespace poolkit::fuzz
