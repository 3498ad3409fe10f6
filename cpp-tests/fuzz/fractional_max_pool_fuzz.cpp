// fractionalMaxPool2d/3d: kernel 0, outputs too large for the kernel, randomSamples of the
// wrong shape or outside [0, 1) (including 1 itself, NaN and the float just below 1, whose
// intervals reach the input's end).
#include <algorithm>
#include <cmath>

#include "fuzz/fuzz_expect.h"
#include "fuzz/fuzz_inputs.h"
#include "pool/fractional_max_pool.h"
#include "pool/fractional_max_pool_shape.h"

namespace poolkit::fuzz {
namespace {

// Usually (N, C, dims) as the check wants, N = 1 for unbatched input; sometimes anything.
Shape fuzz_samples_shape(FuzzedDataProvider& in, const Shape& shape, size_t dims) {
  if (in.ConsumeIntegralInRange<int>(0, 15) == 15 || shape.size() < dims + 1)
    return small_shape(in, in.ConsumeIntegralInRange<size_t>(0, 4));
  const bool batched = shape.size() == dims + 2;
  return {batched ? shape[0] : 1, shape[shape.size() - dims - 1], static_cast<int64_t>(dims)};
}

// Mostly torch.rand's values (multiples of 2^-24 in [0, 1)) and the edges of [0, 1); in one
// input in four, some values outside it (1 itself, below 0, NaN, infinities).
std::vector<float> fuzz_samples(FuzzedDataProvider& in, int64_t count) {
  static constexpr float kInside[] = {0.f, -0.f, 0x1.fffffep-1f, 0x1p-149f, 0.5f, 0.25f, 0.75f};
  static constexpr float kOutside[] = {1.f,        -0x1p-149f,        1.5f, -1.f, HUGE_VALF,
                                       -HUGE_VALF, __builtin_nanf("")};
  const bool plant_outside = in.ConsumeIntegralInRange<int>(0, 3) == 3;
  std::vector<float> samples(static_cast<size_t>(count));
  for (float& s : samples) {
    switch (in.ConsumeIntegralInRange<int>(0, 7)) {
      case 6:
        s = in.PickValueInArray(kInside);
        break;
      case 7:
        if (plant_outside) {
          s = in.PickValueInArray(kOutside);
          break;
        }
        [[fallthrough]];
      default:
        s = static_cast<float>(in.ConsumeIntegralInRange<uint32_t>(0, (1u << 24) - 1)) * 0x1p-24f;
    }
  }
  return samples;
}

// An accepted call: positive kernels, the output sizes asked for, each window inside the input
// (the last one may end at the input's end in 2d, not in 3d, as in PyTorch 1.13), and
// randomSamples of shape (N, C, dims).
void expect_fractional_rules(const char* op, const Shape& shape, const Shape& kernel,
                             const Shape& output_size, const Shape& samples_shape,
                             const Shape& out) {
  const size_t dims = kernel.size();
  expect_pool_shapes(op, shape, out, dims);
  expect_rule(op, all_at_least(kernel, 1), "kernelSize positive");
  expect_rule(op, spatial(out, dims) == output_size, "the output size asked for");
  for (size_t i = 0; i < dims; ++i) {
    const int64_t last_end = output_size[i] + kernel[i] - 1, extent = spatial(shape, dims)[i];
    expect_rule(op, dims == 2 ? last_end <= extent : last_end < extent, "windows inside the input");
  }
  const bool batched = shape.size() == dims + 2;
  expect_rule(op,
              samples_shape == Shape{batched ? shape[0] : 1, shape[shape.size() - dims - 1],
                                     static_cast<int64_t>(dims)},
              "randomSamples of shape (N, C, dims)");
}

void fuzz_fractional_max_pool(FuzzedDataProvider& in, const char* op, size_t dims,
                              int64_t max_extent) {
  const Shape shape = pool_input_shape(in, dims, max_extent);
  // Mostly kernels and output sizes that fit (output + kernel - 1 at most the input in 2d, less
  // than it in 3d), sometimes one more.
  Shape kernel(dims), output_size(dims);
  for (size_t i = 0; i < dims; ++i) {
    const int64_t extent = shape.size() >= dims ? shape[shape.size() - dims + i] : max_extent;
    const int64_t room = extent - (dims == 3);
    kernel[i] = fuzz_int(in, 1, std::clamp<int64_t>(room, 1, 5));
    const int64_t fits = std::clamp<int64_t>(room - kernel[i] + 1, 1, max_extent);
    output_size[i] = fuzz_int(in, 1, fits + (in.ConsumeIntegralInRange<int>(0, 7) == 7));
  }
  const Shape samples_shape = fuzz_samples_shape(in, shape, dims);
  const ShapeResult out =
      fractional_max_pool_output_shape(op, shape, kernel, output_size, samples_shape);
  if (!out.ok()) return expect_clean_rejection(op, out.error);
  expect_fractional_rules(op, shape, kernel, output_size, samples_shape, out.shape);
  if (too_large(out.shape)) return;
  const std::vector<float> samples = fuzz_samples(in, element_count(samples_shape));
  const std::string sample_error = check_fractional_samples(op, samples.data(), samples_shape);
  if (!sample_error.empty()) return expect_clean_rejection(op, sample_error);
  for (float s : samples) expect_rule(op, s >= 0.f && s < 1.f, "randomSamples in [0, 1)");

  const FractionalPoolGeometry g = fractional_pool_geometry(shape, output_size, kernel);
  const std::vector<float> input = fuzz_floats(in, element_count(shape));
  expect_same_max(
      op, element_count(out.shape), in.ConsumeBool(),
      [&](float* o, int32_t* idx) { fractional_max_pool(input.data(), samples.data(), o, idx, g); },
      [&](float* o, int32_t* idx) {
        fractional_max_pool_reference(input.data(), samples.data(), o, idx, g);
      });
}

const RegisterOp fractional_max_pool2d_op("fractionalMaxPool2d", [](FuzzedDataProvider& in) {
  fuzz_fractional_max_pool(in, "fractionalMaxPool2d", 2, 24);
});
const RegisterOp fractional_max_pool3d_op("fractionalMaxPool3d", [](FuzzedDataProvider& in) {
  fuzz_fractional_max_pool(in, "fractionalMaxPool3d", 3, 10);
});

}  // namespace
}  // namespace poolkit::fuzz
