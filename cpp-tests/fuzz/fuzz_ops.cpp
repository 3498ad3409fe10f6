#include "fuzz_ops.h"

namespace poolkit::fuzz {

std::vector<FuzzOp>& ops() {
  static std::vector<FuzzOp> registered;
  return registered;
}

}  // namespace poolkit::fuzz
