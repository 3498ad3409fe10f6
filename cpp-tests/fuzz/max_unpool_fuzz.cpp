// maxUnpool1d/2d/3d: explicit output sizes around the valid band (default size +- stride), and
// random indices with duplicates (last write wins) and, in some inputs, indices outside the
// output plane, which the SIMD range check must find exactly where its scalar twin does.
#include <algorithm>

#include "fuzz/fuzz_expect.h"
#include "fuzz/fuzz_inputs.h"
#include "pool/max_unpool.h"
#include "pool/max_unpool_shape.h"

namespace poolkit::fuzz {
namespace {

UnpoolArgs fuzz_unpool_args(FuzzedDataProvider& in, size_t dims, const Shape& shape) {
  UnpoolArgs a{fuzz_ints(in, dims, 1, 5), fuzz_ints(in, dims, 1, 4), fuzz_ints(in, dims, 0, 2), {}};
  switch (in.ConsumeIntegralInRange<int>(0, 3)) {
    case 1:  // inside the band default size +- stride, or on its edges
      a.output_size.resize(dims);
      for (size_t i = 0; i < dims; ++i) {
        const int64_t input = shape.size() >= dims ? shape[shape.size() - dims + i] : 1;
        const int64_t reach = std::clamp<int64_t>(a.stride[i], 0, 8);
        a.output_size[i] = unpool_default_size(input, a.kernel_size[i], a.stride[i], a.padding[i]) +
                           in.ConsumeIntegralInRange<int64_t>(-reach, reach);
      }
      break;
    case 2:
      a.output_size = fuzz_ints(in, dims, 1, 30);
      break;
    default:  // PyTorch's default
      break;
  }
  return a;
}

// An accepted call: indices shaped like the input, positive kernel and stride, and PyTorch's
// default output size, or an explicit one strictly within a stride of it.
void expect_unpool_rules(const char* op, const Shape& shape, const Shape& indices_shape,
                         const UnpoolArgs& a, const Shape& out) {
  const size_t dims = a.kernel_size.size();
  expect_pool_shapes(op, shape, out, dims);
  expect_rule(op, indices_shape == shape, "indices shaped like the input");
  expect_rule(op, all_at_least(a.kernel_size, 1) && all_at_least(a.stride, 1),
              "kernelSize and stride positive");
  expect_rule(op, all_at_least(a.padding, 0), "padding non-negative");
  for (size_t i = 0; i < dims; ++i) {
    const int64_t size = spatial(out, dims)[i];
    const int64_t default_size =
        (spatial(shape, dims)[i] - 1) * a.stride[i] + a.kernel_size[i] - 2 * a.padding[i];
    if (a.output_size.empty()) {
      expect_rule(op, size == default_size, "PyTorch's default output size");
    } else {
      expect_rule(op, size == a.output_size[i], "the output size asked for");
      expect_rule(op, size > default_size - a.stride[i] && size < default_size + a.stride[i],
                  "outputSize strictly within a stride of the default");
    }
  }
  expect_rule(op, batch_item_fits(out, dims), "at most 2^31 - 1 output elements per batch item");
}

std::vector<int32_t> fuzz_indices(FuzzedDataProvider& in, int64_t count, int64_t out_plane) {
  // Most inputs hold valid indices only; in the others about one in sixteen is out of range.
  const bool plant_invalid = in.ConsumeIntegralInRange<int>(0, 3) == 3;
  // A narrow range makes duplicates common.
  const int64_t high = in.ConsumeBool() ? std::min<int64_t>(out_plane, 3) - 1 : out_plane - 1;
  const int64_t invalid[] = {-1, out_plane, out_plane + 1, std::numeric_limits<int32_t>::min(),
                             std::numeric_limits<int32_t>::max()};
  std::vector<int32_t> indices(static_cast<size_t>(count));
  for (int32_t& i : indices) {
    const bool bad = plant_invalid && in.ConsumeIntegralInRange<int>(0, 15) == 15;
    i = static_cast<int32_t>(bad ? in.PickValueInArray(invalid)
                                 : in.ConsumeIntegralInRange<int64_t>(0, high));
  }
  return indices;
}

void fuzz_max_unpool(FuzzedDataProvider& in, const char* op, size_t dims, int64_t max_extent) {
  const Shape shape = pool_input_shape(in, dims, max_extent);
  // The indices' shape must be the input's.
  const Shape indices_shape =
      in.ConsumeIntegralInRange<int>(0, 15) == 15 ? pool_input_shape(in, dims, max_extent) : shape;
  const UnpoolArgs args = fuzz_unpool_args(in, dims, shape);
  const ShapeResult out = max_unpool_output_shape(op, shape, indices_shape, args);
  if (!out.ok()) return expect_clean_rejection(op, out.error);
  expect_unpool_rules(op, shape, indices_shape, args, out.shape);
  if (too_large(out.shape)) return;

  const UnpoolGeometry g = unpool_geometry(shape, out.shape, dims);
  const int64_t count = g.planes * g.in_plane;
  const std::vector<int32_t> indices = fuzz_indices(in, count, g.out_plane);
  const int64_t bad = max_unpool_find_invalid(indices.data(), count, g.out_plane);
  if (bad != max_unpool_find_invalid_reference(indices.data(), count, g.out_plane)) {
    std::fprintf(stderr, "%s: SIMD and reference find different invalid indices\n", op);
    std::abort();
  }
  if (bad >= 0) return note(Outcome::kRejected);  // the binding reports the first one

  const std::vector<float> input = fuzz_floats(in, count);
  const size_t n = static_cast<size_t>(element_count(out.shape));
  std::vector<float> fast(n), ref(n);
  max_unpool(input.data(), indices.data(), fast.data(), g);
  max_unpool_reference(input.data(), indices.data(), ref.data(), g);
  expect_same_bits(op, fast, ref);
}

const RegisterOp max_unpool1d_op("maxUnpool1d", [](FuzzedDataProvider& in) {
  fuzz_max_unpool(in, "maxUnpool1d", 1, 40);
});
const RegisterOp max_unpool2d_op("maxUnpool2d", [](FuzzedDataProvider& in) {
  fuzz_max_unpool(in, "maxUnpool2d", 2, 12);
});
const RegisterOp max_unpool3d_op("maxUnpool3d", [](FuzzedDataProvider& in) {
  fuzz_max_unpool(in, "maxUnpool3d", 3, 6);
});

}  // namespace
}  // namespace poolkit::fuzz
