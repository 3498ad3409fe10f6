#include "fuzz_ops.h"
#include "max_pool2d.h"

namespace poolkit::fuzz {
namespace {

void fuzz_max_pool2d(FuzzedDataProvider& in) {
  const size_t rank = in.ConsumeBool() ? 4 : in.ConsumeIntegralInRange<size_t>(2, 5);
  const Shape shape = small_shape(in, rank);
  const WindowArgs args{{small_int(in), small_int(in)},
                        {small_int(in), small_int(in)},
                        {small_int(in, -1, 4), small_int(in, -1, 4)},
                        {small_int(in, -1, 3), small_int(in, -1, 3)},
                        in.ConsumeBool()};
  const ShapeResult out = window_pool_output_shape("maxPool2d", shape, args);
  if (!out.ok()) return expect_clean_rejection("maxPool2d", out.error);

  const size_t r = shape.size();
  const Pool2dGeometry g{r == 4 ? shape[0] * shape[1] : shape[0],
                         shape[r - 2], shape[r - 1], out.shape[r - 2], out.shape[r - 1],
                         args.kernel_size[0], args.kernel_size[1], args.stride[0], args.stride[1],
                         args.padding[0], args.padding[1], args.dilation[0], args.dilation[1]};
  const std::vector<float> input = fuzz_floats(in, element_count(shape));
  const size_t n = static_cast<size_t>(element_count(out.shape));
  const bool with_indices = in.ConsumeBool();
  std::vector<float> fast(n), ref(n);
  std::vector<int32_t> fast_idx(with_indices ? n : 0), ref_idx(with_indices ? n : 0);
  max_pool2d(input.data(), fast.data(), with_indices ? fast_idx.data() : nullptr, g);
  max_pool2d_reference(input.data(), ref.data(), with_indices ? ref_idx.data() : nullptr, g);
  expect_same_bits("maxPool2d", fast, ref);
  expect_same_bits("maxPool2d", fast_idx, ref_idx);
}

const RegisterOp max_pool2d_op("maxPool2d", fuzz_max_pool2d);

}  // namespace
}  // namespace poolkit::fuzz
