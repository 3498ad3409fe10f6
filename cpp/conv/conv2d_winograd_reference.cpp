#include <cmath>
#include <vector>

#include "conv/conv2d_winograd.h"

namespace poolkit {
namespace {

constexpr float kBT[4][4] = {{1, 0, -1, 0}, {0, 1, 1, 0}, {0, -1, 1, 0}, {0, 1, 0, -1}};
constexpr float kG[4][3] = {{1, 0, 0}, {.5f, .5f, .5f}, {.5f, -.5f, .5f}, {0, 0, 1}};
constexpr float kAT[2][4] = {{1, 1, 1, 0}, {0, 1, -1, -1}};

// Sums coefficient * value over the nonzero coefficients, in index order.
template <int N>
float dot(const float (&coefficients)[N], const float* values, int64_t stride) {
  float sum = 0.f;
  for (int k = 0; k < N; ++k)
    if (coefficients[k] != 0.f) sum += coefficients[k] * values[k * stride];
  return sum;
}

float activate(float v, Activation activation) {
  return activation == Activation::kRelu && !(v > 0.f) && !std::isnan(v) ? 0.f : v;
}

}  // namespace

void conv2d_winograd_reference(const float* input, const float* weight, const float* bias,
                               float* output, const Conv2dGeometry& g, Activation activation) {
  const int64_t ic_count = g.in_channels, oc_count = g.out_channels;
  // U = G g G^T for every (output, input) channel pair.
  std::vector<float> u(static_cast<size_t>(oc_count * ic_count * 16));
  for (int64_t pair = 0; pair < oc_count * ic_count; ++pair) {
    const float* filter = weight + pair * 9;
    float r[4][3];  // G g
    for (int i = 0; i < 4; ++i)
      for (int c = 0; c < 3; ++c) r[i][c] = dot(kG[i], filter + c, 3);
    for (int i = 0; i < 4; ++i)
      for (int j = 0; j < 4; ++j)
        u[static_cast<size_t>(pair * 16 + i * 4 + j)] = dot(kG[j], r[i], 1);
  }
  // Non-finite weights: every tile takes the direct sums.
  bool weights_finite = true;
  for (float x : u) weights_finite = weights_finite && std::isfinite(x);
  const int64_t tiles_h = (g.out_h + 1) / 2, tiles_w = (g.out_w + 1) / 2;
  std::vector<float> v(static_cast<size_t>(ic_count * 16));
  for (int64_t n = 0; n < g.batch; ++n) {
    const float* image = input + n * ic_count * g.in_h * g.in_w;
    float* out_image = output + n * oc_count * g.out_h * g.out_w;
    for (int64_t th = 0; th < tiles_h; ++th) {
      for (int64_t tw = 0; tw < tiles_w; ++tw) {
        const int64_t ih0 = 2 * th - g.pad_h, iw0 = 2 * tw - g.pad_w;
        // V = B^T d B per input channel, and the running sum that tells a non-finite tile.
        float check = 0.f;
        for (int64_t ic = 0; ic < ic_count; ++ic) {
          float d[4][4], t[4][4];
          for (int y = 0; y < 4; ++y)
            for (int x = 0; x < 4; ++x) {
              const int64_t ih = ih0 + y, iw = iw0 + x;
              d[y][x] = ih >= 0 && ih < g.in_h && iw >= 0 && iw < g.in_w
                            ? image[(ic * g.in_h + ih) * g.in_w + iw]
                            : 0.f;
            }
          for (int k = 0; k < 4; ++k)
            for (int j = 0; j < 4; ++j) t[k][j] = dot(kBT[j], d[k], 1);
          for (int i = 0; i < 4; ++i)
            for (int j = 0; j < 4; ++j) {
              const float value = dot(kBT[i], &t[0][j], 4);
              v[static_cast<size_t>(ic * 16 + i * 4 + j)] = value;
              check += value;
            }
        }
        const bool finite = weights_finite && std::isfinite(check);
        for (int64_t oc = 0; oc < oc_count; ++oc) {
          float y[2][2];
          if (finite) {
            float m[4][4], s[2][4];
            for (int e = 0; e < 16; ++e) {
              float sum = 0.f;
              for (int64_t ic = 0; ic < ic_count; ++ic)
                sum += u[static_cast<size_t>((oc * ic_count + ic) * 16 + e)] *
                       v[static_cast<size_t>(ic * 16 + e)];
              m[e / 4][e % 4] = sum;
            }
            for (int a = 0; a < 2; ++a)
              for (int j = 0; j < 4; ++j) s[a][j] = dot(kAT[a], &m[0][j], 4);
            for (int a = 0; a < 2; ++a)
              for (int b = 0; b < 2; ++b) y[a][b] = dot(kAT[b], s[a], 1);
          } else {
            // Direct sums, in the order of conv2d's direct path (padding read as zeros).
            for (int a = 0; a < 2; ++a)
              for (int b = 0; b < 2; ++b) {
                float sum = 0.f;
                for (int64_t ic = 0; ic < ic_count; ++ic)
                  for (int kh = 0; kh < 3; ++kh)
                    for (int kw = 0; kw < 3; ++kw) {
                      const int64_t ih = ih0 + a + kh, iw = iw0 + b + kw;
                      const float x = ih >= 0 && ih < g.in_h && iw >= 0 && iw < g.in_w
                                          ? image[(ic * g.in_h + ih) * g.in_w + iw]
                                          : 0.f;
                      sum += weight[(oc * ic_count + ic) * 9 + kh * 3 + kw] * x;
                    }
                y[a][b] = sum;
              }
          }
          for (int a = 0; a < 2; ++a)
            for (int b = 0; b < 2; ++b) {
              const int64_t oh = 2 * th + a, ow = 2 * tw + b;
              if (oh >= g.out_h || ow >= g.out_w) continue;
              out_image[(oc * g.out_h + oh) * g.out_w + ow] =
                  activate(y[a][b] + (bias ? bias[oc] : 0.f), activation);
            }
        }
      }
    }
  }
}

}  // namespace poolkit
