// The seed U-Net's forward pass composed from the scalar reference kernels, with the crop and
// the concatenation built explicitly, as PyTorch's module does it: the twin UNet::forward is
// tested against.
#pragma once

#include <vector>

#include "conv/conv2d.h"
#include "conv/conv_transpose2d.h"
#include "pool/max_pool2d.h"
#include "unet/unet_spec.h"

namespace poolkit::testing {

struct RefFeature {
  std::vector<float> data;
  int64_t channels, h, w;
};

class UNetReference {
 public:
  UNetReference(const UNetSpec& spec, const std::vector<const float*>& tensors, int64_t batch)
      : spec_(spec), tensors_(tensors), batch_(batch) {}

  RefFeature forward(RefFeature x) {
    next_ = 0;
    const int levels = spec_.levels();
    std::vector<RefFeature> skips;
    for (int i = 0; i < levels; ++i) {
      x = block(x, spec_.encoder[i]);
      skips.push_back(x);
      x = pool(x);
    }
    x = block(x, spec_.bottom);
    // The state_dict lists up_i and dec_i from the deepest level up.
    for (int i = levels - 1; i >= 0; --i) {
      x = up(x, spec_.up[i]);
      x = block(cat(x, crop(skips[i], x.h, x.w)), spec_.decoder[i]);
    }
    return conv(x, spec_.out_channels, 1, Activation::kNone);
  }

 private:
  RefFeature conv(const RefFeature& x, int64_t out, int64_t k, Activation act) {
    const int64_t pad = spec_.same_padding && k == 3 ? 1 : 0;
    const Conv2dGeometry g{
        batch_, x.channels, x.h, x.w, out, x.h + 2 * pad - k + 1, x.w + 2 * pad - k + 1, k, k, 1, 1,
        pad,    pad,        1,   1,   1};
    RefFeature y{std::vector<float>(static_cast<size_t>(batch_ * out * g.out_h * g.out_w)), out,
                 g.out_h, g.out_w};
    conv2d_reference(x.data.data(), tensors_[next_], tensors_[next_ + 1], y.data.data(), g, act);
    next_ += 2;
    return y;
  }
  RefFeature block(const RefFeature& x, int64_t out) {
    return conv(conv(x, out, 3, Activation::kRelu), out, 3, Activation::kRelu);
  }
  RefFeature pool(const RefFeature& x) {
    RefFeature y{
        std::vector<float>(static_cast<size_t>(batch_ * x.channels * (x.h / 2) * (x.w / 2))),
        x.channels, x.h / 2, x.w / 2};
    max_pool2d_reference(x.data.data(), y.data.data(), nullptr,
                         {batch_ * x.channels, x.h, x.w, y.h, y.w, 2, 2, 2, 2, 0, 0, 1, 1});
    return y;
  }
  RefFeature up(const RefFeature& x, int64_t out) {
    const Conv2dGeometry g{batch_, x.channels, x.h, x.w, out, 2 * x.h, 2 * x.w, 2,
                           2,      2,          2,   0,   0,   1,       1,       1};
    RefFeature y{std::vector<float>(static_cast<size_t>(batch_ * out * g.out_h * g.out_w)), out,
                 g.out_h, g.out_w};
    conv_transpose2d_reference(x.data.data(), tensors_[next_], tensors_[next_ + 1], y.data.data(),
                               g);
    next_ += 2;
    return y;
  }
  RefFeature crop(const RefFeature& x, int64_t h, int64_t w) {
    RefFeature y{{}, x.channels, h, w};
    const int64_t top = (x.h - h) / 2, left = (x.w - w) / 2;
    for (int64_t p = 0; p < batch_ * x.channels; ++p)
      for (int64_t r = 0; r < h; ++r)
        for (int64_t c = 0; c < w; ++c)
          y.data.push_back(x.data[static_cast<size_t>((p * x.h + top + r) * x.w + left + c)]);
    return y;
  }
  RefFeature cat(const RefFeature& a, const RefFeature& b) {
    RefFeature y{{}, a.channels + b.channels, a.h, a.w};
    const size_t plane = static_cast<size_t>(a.h * a.w);
    for (int64_t n = 0; n < batch_; ++n) {
      y.data.insert(y.data.end(), a.data.begin() + n * a.channels * plane,
                    a.data.begin() + (n + 1) * a.channels * plane);
      y.data.insert(y.data.end(), b.data.begin() + n * b.channels * plane,
                    b.data.begin() + (n + 1) * b.channels * plane);
    }
    return y;
  }

  UNetSpec spec_;
  std::vector<const float*> tensors_;
  int64_t batch_;
  size_t next_ = 0;
};

}  // namespace poolkit::testing
