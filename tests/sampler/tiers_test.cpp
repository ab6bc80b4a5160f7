#include "sampler/tiers.h"

#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "registry/generate.h"
#include "sampler/design.h"

namespace kaoping {
namespace {

Registry one_township(const std::vector<std::string>& ids, const std::vector<double>& natural) {
  Registry reg;
  reg.townships.push_back({"T1", "T1", 60});
  for (std::size_t i = 0; i < ids.size(); ++i) {
    Village v;
    v.id = ids[i];
    v.township_id = "T1";
    v.natural = natural[i];
    reg.villages.push_back(v);
  }
  std::string err;
  EXPECT_TRUE(reg.build_indexes(&err)) << err;
  return reg;
}

int count_tier(const std::vector<Tier>& tiers, Tier t) {
  int n = 0;
  for (Tier x : tiers) n += x == t;
  return n;
}

TEST(TercileTest, SizesOfTheThirds) {
  // {n, good, medium, poor}: round(n/3) good and poor, rounding half away from zero.
  const int cases[][4] = {{1, 0, 1, 0}, {2, 1, 0, 1}, {3, 1, 1, 1}, {4, 1, 2, 1},
                          {5, 2, 1, 2}, {6, 2, 2, 2}, {7, 2, 3, 2}, {8, 3, 2, 3}};
  for (const auto& c : cases) {
    std::vector<Tier> tiers;
    for (int r = 0; r < c[0]; ++r) tiers.push_back(tercile_tier(r, c[0]));
    EXPECT_EQ(count_tier(tiers, Tier::kGood), c[1]) << "n = " << c[0];
    EXPECT_EQ(count_tier(tiers, Tier::kMedium), c[2]) << "n = " << c[0];
    EXPECT_EQ(count_tier(tiers, Tier::kPoor), c[3]) << "n = " << c[0];
    // Order: good ranks first, poor last.
    for (int r = 1; r < c[0]; ++r) EXPECT_LE(tiers[r - 1], tiers[r]);
  }
}

TEST(TiersTest, RankedHighestFirstWithinTownship) {
  Registry reg = one_township({"V1", "V2", "V3", "V4", "V5"}, {5, 1, 3, 4, 2});
  DesignConfig d;
  std::vector<Tier> tiers;
  std::vector<double> index;
  Diagnostics diag;
  ASSERT_TRUE(assign_tiers(reg, d, &tiers, &index, &diag));
  // n = 5: two good (V1, V4), one medium (V3), two poor (V5, V2).
  EXPECT_EQ(tiers,
            (std::vector<Tier>{Tier::kGood, Tier::kPoor, Tier::kMedium, Tier::kGood, Tier::kPoor}));
}

TEST(TiersTest, TiesBrokenByVillageIdInByteOrder) {
  // Equal indices: order by id as bytes, so "B" < "a" and "V10" < "V9".
  Registry reg = one_township({"a", "V9", "B", "V10"}, {1, 1, 1, 1});
  DesignConfig d;
  std::vector<Tier> tiers;
  std::vector<double> index;
  Diagnostics diag;
  ASSERT_TRUE(assign_tiers(reg, d, &tiers, &index, &diag));
  // Byte order: B, V10, V9, a → good, medium, medium, poor.
  EXPECT_EQ(tiers[2], Tier::kGood);
  EXPECT_EQ(tiers[3], Tier::kMedium);
  EXPECT_EQ(tiers[1], Tier::kMedium);
  EXPECT_EQ(tiers[0], Tier::kPoor);
}

TEST(TiersTest, ZScoresUseTheSampleStandardDeviation) {
  Registry reg = one_township({"V1", "V2", "V3"}, {1, 2, 3});
  const auto z = zscore_indicators(reg.villages);
  // mean 2, sample sd 1 (population sd would give ±1.2247).
  EXPECT_DOUBLE_EQ(z[0][0], -1.0);
  EXPECT_DOUBLE_EQ(z[1][0], 0.0);
  EXPECT_DOUBLE_EQ(z[2][0], 1.0);
  // No spread in transport/economic: zero, not NaN.
  EXPECT_EQ(z[0][1], 0.0);
  EXPECT_EQ(z[2][2], 0.0);
}

TEST(TiersTest, CompositeWeightsApply) {
  Registry reg = one_township({"V1", "V2", "V3"}, {1, 2, 3});
  reg.villages[0].economic = 30;  // V1 worst on natural, best on economic
  reg.villages[1].economic = 20;
  reg.villages[2].economic = 10;
  DesignConfig d;
  d.weight_natural = 1;
  d.weight_economic = 3;
  const auto index = composite_index(reg.villages, d);
  EXPECT_DOUBLE_EQ(index[0], -1.0 + 3.0);
  EXPECT_DOUBLE_EQ(index[2], 1.0 - 3.0);
}

TEST(TiersTest, UserLabelOverridesComputedTier) {
  Registry reg = one_township({"V1", "V2", "V3"}, {3, 2, 1});
  reg.villages[0].tier = Tier::kPoor;  // computed good
  for (TierMethod m : {TierMethod::kComposite, TierMethod::kPca}) {
    DesignConfig d;
    d.tier_method = m;
    std::vector<Tier> tiers;
    std::vector<double> index;
    Diagnostics diag;
    ASSERT_TRUE(assign_tiers(reg, d, &tiers, &index, &diag));
    EXPECT_EQ(tiers[0], Tier::kPoor);
    EXPECT_EQ(tiers[1], Tier::kMedium);
    EXPECT_EQ(tiers[2], Tier::kPoor);
  }
}

TEST(TiersTest, LabelMethodNeedsEveryLabel) {
  Registry reg = one_township({"V1", "V2"}, {1, 2});
  reg.villages[0].tier = Tier::kGood;
  DesignConfig d;
  d.tier_method = TierMethod::kLabel;
  std::vector<Tier> tiers;
  std::vector<double> index;
  Diagnostics diag;
  EXPECT_FALSE(assign_tiers(reg, d, &tiers, &index, &diag));
  ASSERT_EQ(diag.items().size(), 1u);
  EXPECT_EQ(diag.items()[0].format(),
            "villages.csv: error: village V2 has no tier, which design.tier_method: label needs");
  reg.villages[1].tier = Tier::kPoor;
  Diagnostics ok;
  EXPECT_TRUE(assign_tiers(reg, d, &tiers, &index, &ok));
  EXPECT_EQ(tiers[1], Tier::kPoor);
  EXPECT_TRUE(std::isnan(index[0]));
}

TEST(TiersTest, PcaIsSignedToAgreeWithThePlainSum) {
  // Three indicators moving together, one village clearly best: the first principal
  // component must rank it first (good), not last, whatever sign the eigensolver returns.
  Registry reg = one_township({"V1", "V2", "V3", "V4", "V5", "V6"}, {1, 2, 3, 4, 5, 9});
  const double transport[] = {2, 1, 4, 3, 6, 8};
  const double economic[] = {1, 3, 2, 5, 4, 9};
  for (int i = 0; i < 6; ++i) {
    reg.villages[i].transport = transport[i];
    reg.villages[i].economic = economic[i];
  }
  DesignConfig d;
  const auto plain = composite_index(reg.villages, d);
  const auto pca = pca_index(reg.villages);
  double cov = 0;
  for (int i = 0; i < 6; ++i) cov += plain[i] * pca[i];
  EXPECT_GT(cov, 0);
  d.tier_method = TierMethod::kPca;
  std::vector<Tier> tiers;
  std::vector<double> index;
  Diagnostics diag;
  ASSERT_TRUE(assign_tiers(reg, d, &tiers, &index, &diag));
  EXPECT_EQ(tiers[5], Tier::kGood);
  EXPECT_EQ(tiers[0], Tier::kPoor);
  // Flipping every indicator flips the ranking: the sign follows the data, not the solver.
  for (Village& v : reg.villages)
    v.natural = -v.natural, v.transport = -v.transport, v.economic = -v.economic;
  ASSERT_TRUE(assign_tiers(reg, d, &tiers, &index, &diag));
  EXPECT_EQ(tiers[5], Tier::kPoor);
  EXPECT_EQ(tiers[0], Tier::kGood);
}

}  // namespace
}  // namespace kaoping

namespace kaoping {
namespace {

/// An imported registry without a villages sheet has no indicators (empty cells, NaN): the
/// composite index cannot be made, and says so at each village; labels still work.
TEST(Tiers, VillagesWithoutIndicatorsNeedLabels) {
  Registry reg = generate_county(Profile::kSmall, 1);
  for (Village& v : reg.villages) v.natural = v.transport = v.economic = std::nan("");
  DesignConfig d;
  std::vector<Tier> tiers;
  std::vector<double> index;
  Diagnostics diag;
  EXPECT_FALSE(assign_tiers(reg, d, &tiers, &index, &diag));
  ASSERT_EQ(diag.error_count(), reg.villages.size());
  EXPECT_EQ(diag.items()[0].message,
            "village " + reg.villages[0].id +
                " has no natural, transport and economic indicators, which "
                "design.tier_method: composite needs; give them, or a tier for every village "
                "with tier_method: label");
  for (std::size_t v = 0; v < reg.villages.size(); ++v) reg.villages[v].tier = Tier::kGood;
  d.tier_method = TierMethod::kLabel;
  Diagnostics ok;
  EXPECT_TRUE(assign_tiers(reg, d, &tiers, &index, &ok));
}

}  // namespace
}  // namespace kaoping
