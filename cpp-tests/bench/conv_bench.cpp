#include <memory>

#include "bench/kernel_bench.h"
#include "conv/conv2d.h"
#include "conv/conv_shape.h"
#include "conv/conv_transpose2d.h"

namespace poolkit::bench {
namespace {

struct ConvData {
  std::vector<float> input, weight, bias, output;
  PackedWeights packed;
  std::vector<PlaneView> views;  // conv2d's input, plane by plane
};

// `direct` forces the im2col-tile GEMM path where conv2d would take Winograd, to compare
// the two; GFLOP/s count the direct definition's multiply-adds either way.
KernelCase conv_case(const char* name, const Shape& input, const Shape& weight,
                     const Conv2dArgs& args, bool direct = false) {
  const ConvShapeResult s = conv2d_output_shape("conv2d", input, weight, nullptr, args);
  auto d = std::make_shared<ConvData>();
  d->input = random_floats(static_cast<size_t>(element_count(input)));
  d->weight = random_floats(static_cast<size_t>(element_count(weight)), 2);
  d->bias = random_floats(static_cast<size_t>(weight[0]), 3);
  d->output.resize(static_cast<size_t>(element_count(s.shape)));
  d->packed = PackedWeights::for_conv2d(d->weight.data(), s.geometry);
  const Conv2dGeometry g = s.geometry;
  for (int64_t i = 0; i < g.batch * g.in_channels; ++i)
    d->views.push_back({d->input.data() + i * g.in_h * g.in_w, g.in_w});
  KernelCase c{direct ? "conv2d_direct" : "conv2d", name,
               [=] {
                 const float* bias = d->bias.data();
                 if (direct) {
                   conv2d_direct(d->views.data(), d->packed, bias, d->output.data(), g,
                                 Activation::kRelu);
                 } else {
                   conv2d(d->views.data(), d->packed, bias, d->output.data(), g, Activation::kRelu);
                 }
               },
               [=] {
                 conv2d_reference(d->input.data(), d->weight.data(), d->bias.data(),
                                  d->output.data(), g, Activation::kRelu);
               }};
  c.flops = 2.0 * static_cast<double>(g.batch * g.out_channels * g.out_h * g.out_w *
                                      g.in_channels_per_group() * g.kernel_h * g.kernel_w);
  return c;
}

KernelCase conv_transpose_case(const char* name, const Shape& input, const Shape& weight,
                               const ConvTranspose2dArgs& args) {
  const ConvShapeResult s =
      conv_transpose2d_output_shape("convTranspose2d", input, weight, nullptr, args);
  auto d = std::make_shared<ConvData>();
  d->input = random_floats(static_cast<size_t>(element_count(input)));
  d->weight = random_floats(static_cast<size_t>(element_count(weight)), 2);
  d->bias = random_floats(static_cast<size_t>(s.geometry.out_channels), 3);
  d->output.resize(static_cast<size_t>(element_count(s.shape)));
  d->packed = PackedWeights::for_conv_transpose2d(d->weight.data(), s.geometry);
  const Conv2dGeometry g = s.geometry;
  KernelCase c{
      "conv_transpose2d", name,
      [=] { conv_transpose2d(d->input.data(), d->packed, d->bias.data(), d->output.data(), g); },
      [=] {
        conv_transpose2d_reference(d->input.data(), d->weight.data(), d->bias.data(),
                                   d->output.data(), g);
      }};
  c.flops = 2.0 * static_cast<double>(g.batch * g.in_channels * g.in_h * g.in_w *
                                      g.out_channels_per_group() * g.kernel_h * g.kernel_w);
  return c;
}

const Register conv_64_3x3([] {
  return conv_case("1x64x66x66 64->64 3x3", {1, 64, 66, 66}, {64, 64, 3, 3},
                   {{1, 1}, {0, 0}, {1, 1}, 1});
});
const Register conv_128_256([] {
  return conv_case("1x128x34x34 128->256 3x3", {1, 128, 34, 34}, {256, 128, 3, 3},
                   {{1, 1}, {0, 0}, {1, 1}, 1});
});
const Register conv_64_3x3_direct([] {
  return conv_case("1x64x66x66 64->64 3x3", {1, 64, 66, 66}, {64, 64, 3, 3},
                   {{1, 1}, {0, 0}, {1, 1}, 1}, true);
});
const Register conv_128_256_direct([] {
  return conv_case("1x128x34x34 128->256 3x3", {1, 128, 34, 34}, {256, 128, 3, 3},
                   {{1, 1}, {0, 0}, {1, 1}, 1}, true);
});
const Register conv_same([] {
  return conv_case("1x32x64x64 32->32 3x3 same", {1, 32, 64, 64}, {32, 32, 3, 3},
                   {{1, 1}, {0, 0}, {1, 1}, 1, true});
});
const Register conv_stride2([] {
  return conv_case("1x32x64x64 32->64 3x3 s2 p1", {1, 32, 64, 64}, {64, 32, 3, 3},
                   {{2, 2}, {1, 1}, {1, 1}, 1});
});
const Register up_k2s2([] {
  return conv_transpose_case("1x256x32x32 256->128 k2 s2", {1, 256, 32, 32}, {256, 128, 2, 2},
                             {{2, 2}, {0, 0}, {0, 0}, {1, 1}, 1, {}});
});

}  // namespace
}  // namespace poolkit::bench
