#include "unet/activation_arena.h"

#include <algorithm>
#include <cstdlib>
#include <numeric>

namespace poolkit {
namespace {

// Every activation starts on a 64-byte boundary, so vector loads of one never straddle
// another's cache lines.
constexpr int64_t kAlignment = 64;

}  // namespace

int ActivationArena::allocate(std::optional<int64_t> bytes) {
  if (committed()) return replayed_++;
  // Placement adds sizes up: keeping each below the limit keeps every sum far from overflow.
  if (!bytes || *bytes > allocation_limit()) {
    if (!too_large_) too_large_bytes_ = bytes;
    too_large_ = true;
    bytes = 0;
  }
  const int64_t rounded = (std::max<int64_t>(*bytes, 1) + kAlignment - 1) / kAlignment * kAlignment;
  activations_.push_back({rounded, 0, step_, -1});
  ++step_;
  return static_cast<int>(activations_.size()) - 1;
}

void ActivationArena::release(int id) {
  if (committed()) return;
  activations_[static_cast<size_t>(id)].last_step = step_++;
}

// Places the activations in `order`, each at the lowest offset clear of every placed
// activation whose lifetime overlaps its own; returns the block size.
int64_t ActivationArena::place(const std::vector<size_t>& order) {
  int64_t bytes = 0;
  std::vector<size_t> placed;
  for (size_t i : order) {
    Activation& a = activations_[i];
    std::vector<std::pair<int64_t, int64_t>> taken;  // [offset, end) of overlapping lifetimes
    for (size_t j : placed) {
      const Activation& b = activations_[j];
      if (b.first_step <= a.last_step && a.first_step <= b.last_step)
        taken.emplace_back(b.offset, b.offset + b.bytes);
    }
    std::sort(taken.begin(), taken.end());
    int64_t offset = 0;
    for (const auto& [begin, end] : taken) {
      if (offset + a.bytes <= begin) break;
      offset = std::max(offset, end);
    }
    a.offset = offset;
    bytes = std::max(bytes, offset + a.bytes);
    placed.push_back(i);
  }
  return bytes;
}

std::string ActivationArena::commit(const char* op) {
  if (too_large_) return check_allocation(op, "largest activation", too_large_bytes_);
  // Never released: alive to the end.
  for (Activation& a : activations_)
    if (a.last_step < 0) a.last_step = step_;
  // Two greedy orders (TFLite's arena planner uses the first): largest first, and longest-lived
  // first. Neither is best for every network: for the UNet, placing the skips (long-lived)
  // first keeps the short-lived giants of the top level from boxing them in.
  std::vector<size_t> by_size(activations_.size());
  std::iota(by_size.begin(), by_size.end(), 0);
  std::vector<size_t> by_lifetime = by_size;
  std::stable_sort(by_size.begin(), by_size.end(), [&](size_t a, size_t b) {
    return activations_[a].bytes > activations_[b].bytes;
  });
  std::stable_sort(by_lifetime.begin(), by_lifetime.end(), [&](size_t a, size_t b) {
    const Activation &x = activations_[a], &y = activations_[b];
    const int lx = x.last_step - x.first_step, ly = y.last_step - y.first_step;
    return lx != ly ? lx > ly : x.bytes > y.bytes;
  });
  const int64_t size_first = place(by_size);
  const int64_t lifetime_first = place(by_lifetime);
  bytes_ = lifetime_first <= size_first ? lifetime_first : place(by_size);
  std::string error;
  block_.reset(
      static_cast<char*>(checked_malloc(bytes_, op, "activation block", &error, kAlignment)));
  replayed_ = 0;
  return error;
}

float* ActivationArena::data(int id) const {
  if (!committed()) return nullptr;
  return reinterpret_cast<float*>(block_.get() + activations_[static_cast<size_t>(id)].offset);
}

}  // namespace poolkit
