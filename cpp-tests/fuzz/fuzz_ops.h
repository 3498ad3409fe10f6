// The ops the fuzzer drives, one entry per op (each family in its own *_fuzz.cpp), and what
// became of their inputs. fuzz_inputs.h makes the inputs, fuzz_expect.h checks the results.
#pragma once

#include <fuzzer/FuzzedDataProvider.h>

#include <cstddef>
#include <cstdint>
#include <functional>
#include <vector>

namespace poolkit::fuzz {

// What became of one input, tallied per op and printed when the fuzzer exits, so a run shows
// that every op got past its checks often, not only into them.
enum class Outcome { kRejected, kTooLarge, kCompared };

struct OpTally {
  uint64_t runs = 0, rejected = 0, too_large = 0, compared = 0;
};

struct FuzzOp {
  const char* name;
  std::function<void(FuzzedDataProvider&)> run;
  OpTally tally;
};

std::vector<FuzzOp>& ops();

// Runs one input through ops()[i] and tallies its outcome, which fuzz_expect.h's helpers note
// (an input that ends otherwise, e.g. with invalid unpool indices, notes its own).
void run_op(size_t i, FuzzedDataProvider& in);
void note(Outcome outcome);
void print_tallies();

struct RegisterOp {
  RegisterOp(const char* name, std::function<void(FuzzedDataProvider&)> run) {
    ops().push_back({name, std::move(run), {}});
  }
};

}  // namespace poolkit::fuzz
