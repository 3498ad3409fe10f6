#include "fuzz/fuzz_ops.h"

#include <cinttypes>
#include <cstdio>
#include <optional>

namespace poolkit::fuzz {
namespace {

std::optional<Outcome> g_outcome;

}  // namespace

std::vector<FuzzOp>& ops() {
  static std::vector<FuzzOp> registered;
  return registered;
}

void note(Outcome outcome) { g_outcome = outcome; }

void run_op(size_t i, FuzzedDataProvider& in) {
  FuzzOp& op = ops()[i];
  g_outcome.reset();
  op.run(in);
  ++op.tally.runs;
  if (!g_outcome) return;
  switch (*g_outcome) {
    case Outcome::kRejected:
      ++op.tally.rejected;
      break;
    case Outcome::kTooLarge:
      ++op.tally.too_large;
      break;
    case Outcome::kCompared:
      ++op.tally.compared;
      break;
  }
}

void print_tallies() {
  std::fprintf(stderr, "%-20s %10s %10s %10s %10s\n", "op", "inputs", "rejected", "too large",
               "compared");
  for (const FuzzOp& op : ops()) {
    std::fprintf(stderr, "%-20s %10" PRIu64 " %10" PRIu64 " %10" PRIu64 " %10" PRIu64 "\n", op.name,
                 op.tally.runs, op.tally.rejected, op.tally.too_large, op.tally.compared);
  }
}

}  // namespace poolkit::fuzz
