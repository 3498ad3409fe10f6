// Tolerance comparison for sums whose order may differ from PyTorch's: every value within
// `relative` times the expected tensor's largest finite magnitude (at least 1e-3), and NaN
// exactly where NaN is expected.
#pragma once

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <vector>

namespace poolkit::testing {

inline ::testing::AssertionResult all_close(const std::vector<float>& got,
                                            const std::vector<float>& expected, double relative) {
  if (got.size() != expected.size())
    return ::testing::AssertionFailure() << "sizes " << got.size() << " vs " << expected.size();
  double magnitude = 0;
  for (float e : expected)
    if (std::isfinite(e)) magnitude = std::max(magnitude, static_cast<double>(std::fabs(e)));
  const double tolerance = relative * std::max(magnitude, 1e-3);
  for (size_t i = 0; i < got.size(); ++i) {
    const bool nan_expected = std::isnan(expected[i]);
    if (nan_expected != static_cast<bool>(std::isnan(got[i])) ||
        (!nan_expected && !(std::fabs(static_cast<double>(got[i]) - expected[i]) <= tolerance))) {
      return ::testing::AssertionFailure() << "element " << i << ": got " << got[i] << ", expected "
                                           << expected[i] << " (tolerance " << tolerance << ")";
    }
  }
  return ::testing::AssertionSuccess();
}

}  // namespace poolkit::testing
