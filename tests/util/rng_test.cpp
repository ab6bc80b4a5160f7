#include "util/rng.h"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

namespace kaoping {
namespace {

TEST(RngTest, StreamsAreReproducibleAndDistinct) {
  Rng a(1, 5, Stream::kIncome), b(1, 5, Stream::kIncome);
  Rng c(1, 6, Stream::kIncome), d(1, 5, Stream::kPresence), e(2, 5, Stream::kIncome);
  uint64_t x = a();
  EXPECT_EQ(x, b());
  EXPECT_NE(x, c());
  EXPECT_NE(x, d());
  EXPECT_NE(x, e());
}

TEST(RngTest, BelowIsUniform) {
  // Chi-square goodness of fit over 7 cells; 0.1% critical value for 6 df is 22.46.
  Rng rng(20170905, 0, Stream::kHouseholds);
  const int n = 70000, k = 7;
  std::vector<int> count(k);
  for (int i = 0; i < n; ++i) ++count[rng.below(k)];
  double chi2 = 0;
  for (int c : count) chi2 += (c - n / k) * double(c - n / k) / (n / k);
  EXPECT_LT(chi2, 22.46);
}

TEST(RngTest, UniformMeanWithinStandardError) {
  Rng rng(3, 1, Stream::kSatisfaction);
  const int n = 100000;
  double sum = 0;
  for (int i = 0; i < n; ++i) {
    double u = rng.uniform();
    ASSERT_GE(u, 0.0);
    ASSERT_LT(u, 1.0);
    sum += u;
  }
  EXPECT_NEAR(sum / n, 0.5, 5 * std::sqrt(1.0 / 12 / n));
}

}  // namespace
}  // namespace kaoping
