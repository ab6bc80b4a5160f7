#include "sampler/sampler.h"

#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <set>
#include <string>

#include "config/config.h"
#include "sampler/design.h"
#include "sampler/inclusion.h"

namespace kaoping {
namespace {

/// A county built in code: townships, villages with indicators, households by category.
class County {
 public:
  void township(const std::string& id) { reg_.townships.push_back({id, id, 60}); }
  void village(const std::string& id, const std::string& township, double natural,
               std::optional<Tier> tier = std::nullopt) {
    Village v;
    v.id = id;
    v.township_id = township;
    v.natural = natural;
    v.tier = tier;
    reg_.villages.push_back(v);
  }
  void households(const std::string& village, Status status, int n) {
    for (int k = 0; k < n; ++k) {
      const std::size_t i = reg_.households.add_default();
      reg_.households.id[i] = village + "-" + std::to_string(i);
      reg_.households.village_id[i] = village;
      reg_.households.status[i] = status;
    }
  }
  Registry build() {
    std::string err;
    EXPECT_TRUE(reg_.build_indexes(&err)) << err;
    return reg_;
  }

 private:
  Registry reg_;
};

/// 5σ band of a binomial proportion estimated from `n` draws.
double tolerance(double p, int n) {
  return 5.0 * std::sqrt(p * (1 - p) / n) + 1e-12;
}

/// Four townships of three labelled villages each (good, medium, poor), `per` households of
/// each category per village; T4 lacks a poor village when `t4_short`.
Registry labelled_county(int per_poor, int per_exited, int per_non, bool t4_short = false,
                         int towns = 4) {
  County c;
  const Tier tiers[] = {Tier::kGood, Tier::kMedium, Tier::kPoor};
  for (int t = 1; t <= towns; ++t) {
    const std::string tid = "T" + std::to_string(t);
    c.township(tid);
    for (int k = 0; k < 3; ++k) {
      const std::string vid = tid + "V" + std::to_string(k);
      c.village(vid, tid, 0, t == 4 && t4_short && k == 2 ? Tier::kMedium : tiers[k]);
      c.households(vid, Status::kPoor, per_poor);
      c.households(vid, Status::kExited, per_exited);
      c.households(vid, Status::kNonRegistered, per_non);
    }
  }
  return c.build();
}

Config label_config() {
  Config cfg;
  cfg.design.tier_method = TierMethod::kLabel;
  return cfg;
}

TEST(DesignTest, TownshipsLackingATierAreNotEligible) {
  Registry reg = labelled_county(20, 20, 20, /*t4_short=*/true);
  Config cfg = label_config();
  Design d;
  Diagnostics diag;
  ASSERT_TRUE(build_design(reg, cfg.design, &d, &diag));
  EXPECT_EQ(d.eligible_townships, (std::vector<int>{0, 1, 2}));
  EXPECT_EQ(d.township_pi[3], 0.0);
  EXPECT_DOUBLE_EQ(d.township_pi[0], 1.0);
  EXPECT_EQ(d.tier_villages[3][static_cast<int>(Tier::kMedium)], (std::vector<int>{10, 11}));
}

TEST(DesignTest, MoreTownshipsThanEligibleIsAnError) {
  Registry reg = labelled_county(20, 20, 20, /*t4_short=*/true, /*towns=*/4);
  Config cfg = label_config();
  cfg.design.townships = 4;
  Design d;
  Diagnostics diag;
  EXPECT_FALSE(build_design(reg, cfg.design, &d, &diag));
  ASSERT_EQ(diag.items().size(), 1u);
  EXPECT_EQ(diag.items()[0].format(),
            "kaoping: error: design.townships is 4 but only 3 townships have a village in every "
            "tier");
}

TEST(DesignTest, PoolsByCategoryPoorCoversPlannedExit) {
  County c;
  c.township("T1");
  c.village("V1", "T1", 0, Tier::kGood);
  c.households("V1", Status::kPlannedExit, 2);
  c.households("V1", Status::kExited, 1);
  c.households("V1", Status::kPoor, 1);
  Registry reg = c.build();
  Config cfg = label_config();
  cfg.design.townships = 1;
  cfg.design.tiers = {Tier::kGood};
  Design d;
  Diagnostics diag;
  ASSERT_TRUE(build_design(reg, cfg.design, &d, &diag));
  EXPECT_EQ(d.pools[0][0], (std::vector<int>{0, 1, 3}));
  EXPECT_EQ(d.pools[0][1], (std::vector<int>{2}));
  EXPECT_TRUE(d.pools[0][2].empty());
  EXPECT_EQ(d.township_households[0], 4);
}

TEST(PpsTest, CertaintyUnitsRemovedRepeatedly) {
  std::vector<double> pi;
  std::vector<uint8_t> certain;
  std::string err;
  // n = 3: 3·1000/1500 = 2 → certain; then n' = 2 of 500: 2·300/500 = 1.2 → certain;
  // then n' = 1 of 200: 0.5, 0.25, 0.25.
  ASSERT_TRUE(pps_inclusion_probabilities({1000, 300, 100, 50, 50}, {0, 1, 2, 3, 4}, 3, &pi,
                                          &certain, &err));
  EXPECT_EQ(certain, (std::vector<uint8_t>{1, 1, 0, 0, 0}));
  EXPECT_EQ(pi, (std::vector<double>{1, 1, 0.5, 0.25, 0.25}));
  // Exactly n·size/total = 1 is a certainty unit ("reaches 1").
  ASSERT_TRUE(pps_inclusion_probabilities({2, 1, 1}, {0, 1, 2}, 2, &pi, &certain, &err));
  EXPECT_EQ(certain, (std::vector<uint8_t>{1, 0, 0}));
  EXPECT_EQ(pi, (std::vector<double>{1, 0.5, 0.5}));
  // Ineligible units get 0 and do not count in the total.
  ASSERT_TRUE(pps_inclusion_probabilities({10, 999, 30}, {0, 2}, 1, &pi, &certain, &err));
  EXPECT_EQ(pi, (std::vector<double>{0.25, 0, 0.75}));
}

TEST(PpsTest, TooFewUnitsWithHouseholds) {
  std::vector<double> pi;
  std::vector<uint8_t> certain;
  std::string err;
  EXPECT_FALSE(pps_inclusion_probabilities({10, 0, 0}, {0, 1, 2}, 2, &pi, &certain, &err));
  EXPECT_EQ(err,
            "design.townships is 2 but only 1 eligible townships have households to draw with "
            "township_selection: pps");
}

TEST(SrsTest, InclusionFrequenciesMatchNOverBigN) {
  const std::vector<int> eligible = {0, 2, 3, 5, 6, 9};
  const int draws = 4000;
  std::map<int, int> hits;
  for (int r = 0; r < draws; ++r) {
    Rng rng(7, r, Stream::kTownships);
    const auto chosen = select_townships_srs(eligible, 3, rng);
    ASSERT_EQ(chosen.size(), 3u);
    ASSERT_EQ(std::set<int>(chosen.begin(), chosen.end()).size(), 3u);
    for (int t : chosen) ++hits[t];
  }
  for (int t : eligible)
    EXPECT_NEAR(hits[t] / double(draws), 0.5, tolerance(0.5, draws)) << "township " << t;
  EXPECT_EQ(hits.size(), eligible.size());
}

TEST(PpsTest, SystematicDrawHasExactInclusionProbabilities) {
  Design d;
  d.eligible_townships = {0, 1, 2, 3, 4, 5};
  d.township_households = {900, 300, 200, 100, 250, 150};
  std::string err;
  ASSERT_TRUE(pps_inclusion_probabilities(d.township_households, d.eligible_townships, 3,
                                          &d.township_pi, &d.township_certain, &err));
  // 3·900/1900 >= 1 → certain; the others: 2·size/1000.
  EXPECT_EQ(d.township_pi[0], 1.0);
  EXPECT_DOUBLE_EQ(d.township_pi[1], 0.6);
  EXPECT_DOUBLE_EQ(d.township_pi[3], 0.2);
  const int draws = 5000;
  std::vector<int> hits(6, 0);
  for (int r = 0; r < draws; ++r) {
    Rng rng(11, r, Stream::kTownships);
    const auto chosen = select_townships_pps(d, 3, rng);
    ASSERT_EQ(chosen.size(), 3u);
    for (int t : chosen) ++hits[t];
  }
  EXPECT_EQ(hits[0], draws);
  for (int t = 1; t < 6; ++t)
    EXPECT_NEAR(hits[t] / double(draws), d.township_pi[t], tolerance(d.township_pi[t], draws))
        << "township " << t;
}

TEST(HouseholdStageTest, ShortCategoryFilledFromThePooledRemainder) {
  const int count[3] = {10, 20, 30};
  const int quota[3] = {15, 13, 15};
  const HouseholdStage st = household_stage(count, quota, 43);
  EXPECT_FALSE(st.whole);
  EXPECT_EQ(st.take[0], 10);
  EXPECT_EQ(st.take[1], 13);
  EXPECT_EQ(st.take[2], 15);
  EXPECT_EQ(st.fill, 5);
  EXPECT_EQ(st.remainder, 22);
  EXPECT_EQ(st.pi[0], 1.0);
  EXPECT_DOUBLE_EQ(st.pi[1], 13.0 / 20 + (7.0 / 20) * 5.0 / 22);
  EXPECT_DOUBLE_EQ(st.pi[2], 15.0 / 30 + (15.0 / 30) * 5.0 / 22);
}

TEST(HouseholdStageTest, QuotasSummingBelowTheMinimumAreToppedUp) {
  const int count[3] = {10, 10, 10};
  const int quota[3] = {5, 5, 5};
  const HouseholdStage st = household_stage(count, quota, 20);
  EXPECT_EQ(st.fill, 5);
  EXPECT_EQ(st.remainder, 15);
  EXPECT_DOUBLE_EQ(st.pi[0], 0.5 + 0.5 * 5.0 / 15);
}

TEST(HouseholdStageTest, SmallVillageTakenWhole) {
  const int count[3] = {10, 10, 10};
  const int quota[3] = {15, 13, 15};
  const HouseholdStage st = household_stage(count, quota, 43);
  EXPECT_TRUE(st.whole);
  EXPECT_EQ(st.pi[0], 1.0);
  EXPECT_EQ(st.pi[2], 1.0);
}

/// One village of the given category counts, alone in its township and tier.
Registry single_village(int poor, int exited, int non) {
  County c;
  c.township("T1");
  c.village("V1", "T1", 0, Tier::kGood);
  c.households("V1", Status::kPoor, poor);
  c.households("V1", Status::kExited, exited);
  c.households("V1", Status::kNonRegistered, non);
  return c.build();
}

TEST(SampleVillageTest, QuotasFillReservesAndExactPi) {
  Registry reg = single_village(10, 20, 30);
  Config cfg = label_config();
  cfg.design.townships = 1;
  cfg.design.tiers = {Tier::kGood};
  Design d;
  Diagnostics diag;
  ASSERT_TRUE(build_design(reg, cfg.design, &d, &diag));
  const int count[3] = {10, 20, 30};
  const HouseholdStage st = household_stage(count, cfg.design.quota, 43);
  const int draws = 4000;
  std::vector<int> hits(reg.households.count(), 0);
  for (int r = 0; r < draws; ++r) {
    Draw draw;
    draw_sample(reg, cfg.design, d, 3, r, &draw);
    ASSERT_EQ(draw.townships, std::vector<int>{0});
    ASSERT_EQ(draw.rows.size(), 60u);  // every household: sample or reserve
    int sample = 0;
    int in_category[3] = {0, 0, 0};
    std::map<int, std::vector<int>> ranks;
    for (const DrawRow& row : draw.rows) {
      EXPECT_EQ(row.category, category_of(reg.households.status[row.household]));
      EXPECT_DOUBLE_EQ(row.inclusion_prob, st.pi[static_cast<int>(row.category)]);
      if (row.role == Role::kSample) {
        ++sample;
        ++in_category[static_cast<int>(row.category)];
        ++hits[row.household];
        EXPECT_EQ(row.reserve_rank, 0);
      } else {
        ranks[static_cast<int>(row.category)].push_back(row.reserve_rank);
      }
    }
    ASSERT_EQ(sample, 43);
    // Quotas met where possible: the short poor category whole, at least 13 and 15 else.
    EXPECT_EQ(in_category[0], 10);
    EXPECT_GE(in_category[1], 13);
    EXPECT_GE(in_category[2], 15);
    // Reserve ranks 1, 2, ... in row order, per category.
    for (auto& [cat, list] : ranks)
      for (std::size_t k = 0; k < list.size(); ++k) EXPECT_EQ(list[k], static_cast<int>(k) + 1);
  }
  for (std::size_t i = 0; i < hits.size(); ++i) {
    const double pi = st.pi[static_cast<int>(category_of(reg.households.status[i]))];
    EXPECT_NEAR(hits[i] / double(draws), pi, tolerance(pi, draws)) << "household " << i;
  }
}

TEST(SampleVillageTest, QuotasBelowTheMinimumToppedUpWithExactPi) {
  Registry reg = single_village(10, 10, 10);
  Config cfg = label_config();
  cfg.design.townships = 1;
  cfg.design.tiers = {Tier::kGood};
  cfg.design.households_per_village = 20;
  cfg.design.quota[0] = cfg.design.quota[1] = cfg.design.quota[2] = 5;
  Design d;
  Diagnostics diag;
  ASSERT_TRUE(build_design(reg, cfg.design, &d, &diag));
  const double pi = 0.5 + 0.5 * 5.0 / 15;  // q/N + (1 − q/N)·s/R
  const int draws = 3000;
  std::vector<int> hits(reg.households.count(), 0);
  for (int r = 0; r < draws; ++r) {
    Draw draw;
    draw_sample(reg, cfg.design, d, 8, r, &draw);
    int sample = 0;
    for (const DrawRow& row : draw.rows) {
      EXPECT_DOUBLE_EQ(row.inclusion_prob, pi);
      if (row.role == Role::kSample) ++sample, ++hits[row.household];
    }
    ASSERT_EQ(sample, 20);
  }
  for (std::size_t i = 0; i < hits.size(); ++i)
    EXPECT_NEAR(hits[i] / double(draws), pi, tolerance(pi, draws)) << "household " << i;
}

TEST(DrawSampleTest, PpsCertaintyTownshipAlwaysDrawn) {
  // T1 is large: 3·300/450 >= 1, a certainty unit; the others share n' = 2 by size.
  County c;
  const Tier tiers[] = {Tier::kGood, Tier::kMedium, Tier::kPoor};
  const int per_village[] = {100, 20, 10, 10, 10};
  for (int t = 0; t < 5; ++t) {
    const std::string tid = "T" + std::to_string(t + 1);
    c.township(tid);
    for (int k = 0; k < 3; ++k) {
      const std::string vid = tid + "V" + std::to_string(k);
      c.village(vid, tid, 0, tiers[k]);
      c.households(vid, Status::kPoor, per_village[t]);
    }
  }
  Registry reg = c.build();
  Config cfg = label_config();
  cfg.design.township_selection = TownshipSelection::kPps;
  Design d;
  Diagnostics diag;
  ASSERT_TRUE(build_design(reg, cfg.design, &d, &diag));
  EXPECT_EQ(d.township_certain, (std::vector<uint8_t>{1, 0, 0, 0, 0}));
  EXPECT_DOUBLE_EQ(d.township_pi[1], 2.0 * 60 / 150);
  EXPECT_DOUBLE_EQ(d.township_pi[2], 2.0 * 30 / 150);
  const int draws = 3000;
  std::vector<int> hits(5, 0);
  for (int r = 0; r < draws; ++r) {
    Draw draw;
    draw_sample(reg, cfg.design, d, 99, r, &draw);
    ASSERT_EQ(draw.townships.size(), 3u);
    for (int t : draw.townships) ++hits[t];
    for (const DrawRow& row : draw.rows)
      ASSERT_DOUBLE_EQ(
          row.inclusion_prob,
          d.township_pi[row.township] * (per_village[row.township] <= 43
                                             ? 1.0
                                             : 15.0 / per_village[row.township] +
                                                   (1 - 15.0 / per_village[row.township]) * 28.0 /
                                                       (per_village[row.township] - 15)));
  }
  EXPECT_EQ(hits[0], draws);
  for (int t = 1; t < 5; ++t)
    EXPECT_NEAR(hits[t] / double(draws), d.township_pi[t], tolerance(d.township_pi[t], draws));
}

TEST(SampleVillageTest, SmallVillageTakenWholeWithWarning) {
  Registry reg = single_village(5, 5, 5);
  Config cfg = label_config();
  cfg.design.townships = 1;
  cfg.design.tiers = {Tier::kGood};
  Design d;
  Diagnostics diag;
  ASSERT_TRUE(build_design(reg, cfg.design, &d, &diag));
  Draw draw;
  draw_sample(reg, cfg.design, d, 1, 0, &draw);
  ASSERT_EQ(draw.rows.size(), 15u);
  for (const DrawRow& row : draw.rows) {
    EXPECT_EQ(row.role, Role::kSample);
    EXPECT_EQ(row.inclusion_prob, 1.0);
  }
  ASSERT_EQ(draw.warnings.size(), 1u);
  EXPECT_EQ(draw.warnings[0],
            "village V1 has 15 households, fewer than design.households_per_village (43): taken "
            "whole");
}

TEST(DrawSampleTest, ThreeTownshipsOneVillagePerTierAndProductPi) {
  // Two villages per tier in each township: π(village | township) = 1/2.
  County c;
  const Tier tiers[] = {Tier::kGood, Tier::kMedium, Tier::kPoor};
  for (int t = 1; t <= 5; ++t) {
    const std::string tid = "T" + std::to_string(t);
    c.township(tid);
    for (int k = 0; k < 6; ++k) {
      const std::string vid = tid + "V" + std::to_string(k);
      c.village(vid, tid, 0, tiers[k % 3]);
      c.households(vid, Status::kPoor, 20);
      c.households(vid, Status::kExited, 20);
      c.households(vid, Status::kNonRegistered, 20);
    }
  }
  Registry reg = c.build();
  Config cfg = label_config();
  Design d;
  Diagnostics diag;
  ASSERT_TRUE(build_design(reg, cfg.design, &d, &diag));
  Draw a, b, other;
  draw_sample(reg, cfg.design, d, 20170905, 0, &a);
  draw_sample(reg, cfg.design, d, 20170905, 0, &b);
  draw_sample(reg, cfg.design, d, 20170905, 1, &other);
  ASSERT_EQ(a.townships.size(), 3u);
  ASSERT_EQ(a.villages.size(), 9u);
  for (std::size_t k = 0; k < a.villages.size(); ++k) {
    const int v = a.villages[k];
    EXPECT_EQ(reg.villages[v].township, a.townships[k / 3]);
    EXPECT_EQ(*reg.villages[v].tier, tiers[k % 3]);
  }
  int sample = 0;
  for (const DrawRow& row : a.rows) {
    sample += row.role == Role::kSample;
    // π = 3/5 · 1/2 · π(household | village) with 20 per category: 15/20, 13/20, 15/20.
    const double within = row.category == Category::kExited ? 13.0 / 20 : 15.0 / 20;
    EXPECT_DOUBLE_EQ(row.inclusion_prob, 0.6 * 0.5 * within);
  }
  EXPECT_EQ(sample, 9 * 43);
  // Same (seed, replicate), same draw; another replicate, another draw.
  ASSERT_EQ(a.rows.size(), b.rows.size());
  bool same = true;
  for (std::size_t i = 0; i < a.rows.size(); ++i)
    same = same && a.rows[i].household == b.rows[i].household;
  EXPECT_TRUE(same);
  bool differs = a.townships != other.townships || a.villages != other.villages;
  for (std::size_t i = 0; !differs && i < a.rows.size(); ++i)
    differs = a.rows[i].household != other.rows[i].household;
  EXPECT_TRUE(differs);
}

TEST(VisitFieldTest, ReplacementByReserveRankAndShortfall) {
  Registry reg = single_village(16, 13, 15);  // poor: 15 sampled + 1 reserve
  Config cfg = label_config();
  cfg.design.townships = 1;
  cfg.design.tiers = {Tier::kGood};
  Design d;
  Diagnostics diag;
  ASSERT_TRUE(build_design(reg, cfg.design, &d, &diag));
  Draw draw;
  draw_sample(reg, cfg.design, d, 5, 0, &draw);
  std::vector<double> presence(reg.households.count(), 1.0);
  Fieldwork f;
  visit_field(draw, presence, 5, 0, &f);
  EXPECT_EQ(f.surveyed.size(), 44u - 1u);  // 43 sample rows of 44 households
  EXPECT_EQ(f.absent, 0);
  EXPECT_EQ(f.short_total, 0);

  // The first poor sample household never at home: replaced by the reserve (rank 1).
  int first = -1, reserve = -1;
  for (std::size_t r = 0; r < draw.rows.size(); ++r) {
    if (draw.rows[r].category != Category::kPoor) continue;
    if (draw.rows[r].role == Role::kSample && first < 0) first = static_cast<int>(r);
    if (draw.rows[r].role == Role::kReserve) reserve = static_cast<int>(r);
  }
  ASSERT_GE(first, 0);
  ASSERT_GE(reserve, 0);
  EXPECT_EQ(draw.rows[reserve].reserve_rank, 1);
  presence[draw.rows[first].household] = 0.0;
  visit_field(draw, presence, 5, 0, &f);
  EXPECT_EQ(f.visit[first], Visit::kAbsent);
  EXPECT_EQ(f.visit[reserve], Visit::kSurveyed);
  EXPECT_EQ(f.surveyed.size(), 43u);
  EXPECT_EQ(f.absent, 1);
  EXPECT_EQ(f.short_total, 0);

  // The reserve absent too: the poor group is one short.
  presence[draw.rows[reserve].household] = 0.0;
  visit_field(draw, presence, 5, 0, &f);
  EXPECT_EQ(f.visit[reserve], Visit::kAbsent);
  EXPECT_EQ(f.surveyed.size(), 42u);
  EXPECT_EQ(f.absent, 2);
  ASSERT_EQ(f.shortfalls.size(), 1u);
  EXPECT_EQ(f.shortfalls[0].village, 0);
  EXPECT_EQ(f.shortfalls[0].category, Category::kPoor);
  EXPECT_EQ(f.shortfalls[0].missing, 1);
}

TEST(VisitFieldTest, PresenceFrequencyMatchesProbability) {
  Registry reg = single_village(15, 13, 15);  // no reserves: absent = not surveyed
  Config cfg = label_config();
  cfg.design.townships = 1;
  cfg.design.tiers = {Tier::kGood};
  Design d;
  Diagnostics diag;
  ASSERT_TRUE(build_design(reg, cfg.design, &d, &diag));
  Draw draw;
  draw_sample(reg, cfg.design, d, 5, 0, &draw);
  const std::vector<double> presence(reg.households.count(), 0.8);
  const int reps = 200;
  int surveyed = 0;
  for (int r = 0; r < reps; ++r) {
    Fieldwork f;
    visit_field(draw, presence, 9, r, &f);
    surveyed += static_cast<int>(f.surveyed.size());
    EXPECT_EQ(static_cast<int>(f.surveyed.size()) + f.short_total, 43);
  }
  const int n = reps * 43;
  EXPECT_NEAR(surveyed / double(n), 0.8, tolerance(0.8, n));
}

/// Three townships of 4 good, 3 medium and 2 poor labelled villages and a fourth with one
/// good village only, 20 households of each category per village.
Registry several_per_tier_county() {
  County c;
  for (int t = 1; t <= 4; ++t) {
    const std::string tid = "T" + std::to_string(t);
    c.township(tid);
    const int per_tier[3] = {t == 4 ? 1 : 4, 3, 2};
    const Tier tiers[] = {Tier::kGood, Tier::kMedium, Tier::kPoor};
    for (int k = 0; k < 3; ++k) {
      for (int j = 0; j < per_tier[k]; ++j) {
        const std::string vid = tid + "V" + std::to_string(k) + std::to_string(j);
        c.village(vid, tid, 0, tiers[k]);
        c.households(vid, Status::kPoor, 20);
        c.households(vid, Status::kExited, 20);
        c.households(vid, Status::kNonRegistered, 20);
      }
    }
  }
  return c.build();
}

TEST(DesignTest, VillagesPerTierGiveExactInclusionProbabilities) {
  EXPECT_DOUBLE_EQ(village_stage_pi(2, 4), 0.5);
  EXPECT_DOUBLE_EQ(village_stage_pi(1, 3), 1.0 / 3);
  EXPECT_DOUBLE_EQ(village_stage_pi(2, 2), 1.0);
  EXPECT_DOUBLE_EQ(village_stage_pi(1, 0), 0.0);
  const Registry reg = several_per_tier_county();
  Config cfg = label_config();
  cfg.design.townships = 2;
  cfg.design.villages_per_tier[static_cast<int>(Tier::kGood)] = 2;
  cfg.design.villages_per_tier[static_cast<int>(Tier::kPoor)] = 2;
  Design d;
  Diagnostics diag;
  ASSERT_TRUE(build_design(reg, cfg.design, &d, &diag));
  // T4 has one good village, fewer than villages_per_tier.good: not eligible.
  EXPECT_EQ(d.eligible_townships, (std::vector<int>{0, 1, 2}));
  EXPECT_EQ(cfg.design.villages_drawn(), 10);
  // Closed form: π = π(township) · k/n_tier · π(household | village); here 2/3 · k/n_tier
  // · q_c/N_c (43 = 15 + 13 + 15: no fill).
  const double q_over_n[3] = {15.0 / 20, 13.0 / 20, 15.0 / 20};
  const double village_pi[3] = {2.0 / 4, 1.0 / 3, 2.0 / 2};
  const int runs = 20000;
  std::map<int, int> village_draws;
  Draw draw;
  for (int r = 0; r < runs; ++r) {
    draw_sample(reg, cfg.design, d, 11, r, &draw);
    ASSERT_EQ(draw.villages.size(), 10u);
    ASSERT_EQ(std::set<int>(draw.villages.begin(), draw.villages.end()).size(), 10u);
    for (int v : draw.villages) ++village_draws[v];
    if (r > 10) continue;
    for (const DrawRow& row : draw.rows) {
      const double expected = 2.0 / 3 * village_pi[static_cast<int>(row.tier)] *
                              q_over_n[static_cast<int>(row.category)];
      EXPECT_DOUBLE_EQ(row.inclusion_prob, expected);
    }
  }
  // And the draws have those probabilities: each village within 5 standard errors.
  for (int t = 0; t < 3; ++t)
    for (Tier tier : cfg.design.tiers)
      for (int v : d.tier_villages[t][static_cast<int>(tier)]) {
        const double p = 2.0 / 3 * village_pi[static_cast<int>(tier)];
        EXPECT_NEAR(static_cast<double>(village_draws[v]) / runs, p, tolerance(p, runs)) << v;
      }
  cfg.design.villages_per_tier[static_cast<int>(Tier::kMedium)] = 4;  // no township has 4
  EXPECT_FALSE(build_design(reg, cfg.design, &d, &diag));
}

}  // namespace
}  // namespace kaoping
