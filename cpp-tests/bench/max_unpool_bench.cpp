#include <memory>

#include "bench/kernel_bench.h"
#include "pool/max_pool2d.h"
#include "pool/max_unpool.h"

namespace poolkit::bench {
namespace {

// MaxUnpool2d undoing a 2x2 max pool of 1x64x112x112: indices as a real pool makes them.
const Register k2s2([] {
  const Pool2dGeometry pool{64, 112, 112, 56, 56, 2, 2, 2, 2, 0, 0, 1, 1};
  const std::vector<float> image = random_floats(64 * 112 * 112);
  auto in = std::make_shared<std::vector<float>>(64 * 56 * 56);
  auto idx = std::make_shared<std::vector<int32_t>>(in->size());
  max_pool2d(image.data(), in->data(), idx->data(), pool);
  auto out = std::make_shared<std::vector<float>>(image.size());
  const UnpoolGeometry g{64, 56 * 56, 112 * 112};
  const int64_t count = static_cast<int64_t>(idx->size());
  // Both include the index check the binding runs before writing anything.
  return KernelCase{"max_unpool", "1x64x56x56 -> 112x112 k2 s2",
                    [=] {
                      if (max_unpool_find_invalid(idx->data(), count, g.out_plane) < 0)
                        max_unpool(in->data(), idx->data(), out->data(), g);
                    },
                    [=] {
                      if (max_unpool_find_invalid_reference(idx->data(), count, g.out_plane) < 0)
                        max_unpool_reference(in->data(), idx->data(), out->data(), g);
                    }};
});

}  // namespace
}  // namespace poolkit::bench
