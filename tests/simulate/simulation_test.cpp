#include "simulate/simulation.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstring>
#include <limits>
#include <map>
#include <numeric>
#include <string>
#include <vector>

#include "audit/audit.h"
#include "config/config.h"
#include "registry/generate.h"
#include "sampler/inclusion.h"
#include "sampler/sampler.h"
#include "simulate/model.h"

namespace kaoping {
namespace {

/// Households of a test county; every field not given is the registry default (income 0,
/// guarantees met, status non_registered).
struct HouseholdSpec {
  Status status = Status::kNonRegistered;
  double income = 100000;  ///< far above the line: no income finding
  int size = 1;
  bool guarantees = true;
  uint16_t excluded = 0;
  double presence = 1;
  double satisfaction = 1;
  bool verified = true;
  double fault_prior = std::numeric_limits<double>::quiet_NaN();  ///< NaN: the config's
};

/// A county built in code.
class County {
 public:
  void township(const std::string& id) { reg_.townships.push_back({id, id, 60}); }
  void village(const std::string& id, const std::string& township, Tier tier) {
    Village v;
    v.id = id;
    v.name = id;
    v.township_id = township;
    v.tier = tier;
    reg_.villages.push_back(v);
  }
  /// Adds n households like `spec` to `village`; returns the index of the first.
  int add(const std::string& village, const HouseholdSpec& spec, int n) {
    int first = -1;
    for (int k = 0; k < n; ++k) {
      const std::size_t i = reg_.households.add_default();
      if (first < 0) first = static_cast<int>(i);
      Households& h = reg_.households;
      h.id[i] = village + "-H" + std::to_string(i);
      h.village_id[i] = village;
      h.status[i] = spec.status;
      h.income[i] = spec.income;
      h.income_system[i] = spec.income;
      h.size[i] = spec.size;
      h.food_secure[i] = spec.guarantees ? 1 : 0;
      h.excluded[i] = spec.excluded;
      h.presence[i] = spec.presence;
      h.satisfaction[i] = spec.satisfaction;
      h.verified[i] = spec.verified ? 1 : 0;
      h.fault_prior[i] = spec.fault_prior;
      if (spec.status == Status::kExited) h.exit_year[i] = 2016;
    }
    return first;
  }
  Registry build() {
    std::string err;
    EXPECT_TRUE(reg_.build_indexes(&err)) << err;
    return reg_;
  }

 private:
  Registry reg_;
};

Config default_config() {
  Config config;
  Diagnostics diag;
  EXPECT_TRUE(load_config("", {}, &config, &diag));
  return config;
}

Design design_of(const Registry& reg, const Config& config) {
  Design design;
  Diagnostics diag;
  EXPECT_TRUE(build_design(reg, config.design, &design, &diag))
      << (diag.items().empty() ? "" : diag.items()[0].format());
  return design;
}

/// One township of three villages V1, V2, V3, one per tier (good, medium, poor), each
/// filled by fill(county, village id, village number from 0).
template <typename Fill>
Registry one_township_county(Fill&& fill) {
  County c;
  c.township("T1");
  const Tier tiers[] = {Tier::kGood, Tier::kMedium, Tier::kPoor};
  for (int v = 0; v < 3; ++v) {
    const std::string vid = "V" + std::to_string(v + 1);
    c.village(vid, "T1", tiers[v]);
    fill(c, vid, v);
  }
  return c.build();
}

/// The default configuration for one_township_county: its township drawn, tiers by label,
/// `criteria` the only criteria.
Config one_township_config(std::vector<Criterion> criteria) {
  Config config = default_config();
  config.design.townships = 1;
  config.design.tier_method = TierMethod::kLabel;
  config.standards.criteria = std::move(criteria);
  return config;
}

SimulationResult simulate(const Registry& reg, const Config& config, int64_t runs, int threads,
                          std::vector<int> fixed = {}, uint64_t seed = 7) {
  const Design design = design_of(reg, config);
  SimulationOptions opts;
  opts.runs = runs;
  opts.threads = threads;
  opts.seed = seed;
  opts.fixed_households = std::move(fixed);
  SimulationResult res;
  std::string err;
  EXPECT_TRUE(run_simulation(reg, config, design, opts, &res, &err)) << err;
  return res;
}

/// Hypergeometric pmf: k faulty among n drawn from N holding K faulty.
std::vector<double> hypergeometric(int N, int K, int n) {
  std::vector<double> p(n + 1, 0.0);
  auto log_choose = [](int a, int b) {
    return std::lgamma(a + 1.0) - std::lgamma(b + 1.0) - std::lgamma(a - b + 1.0);
  };
  for (int k = std::max(0, n - (N - K)); k <= std::min(n, K); ++k)
    p[k] = std::exp(log_choose(K, k) + log_choose(N - K, n - k) - log_choose(N, n));
  return p;
}

std::vector<double> convolve(const std::vector<double>& a, const std::vector<double>& b) {
  std::vector<double> c(a.size() + b.size() - 1, 0.0);
  for (std::size_t i = 0; i < a.size(); ++i)
    for (std::size_t j = 0; j < b.size(); ++j) c[i + j] += a[i] * b[j];
  return c;
}

/// P(sum <= m) of independent counts with the given pmfs.
double cdf_of_sum(const std::vector<std::vector<double>>& pmfs, int m) {
  std::vector<double> acc = {1.0};
  for (const auto& p : pmfs) acc = convolve(acc, p);
  double s = 0;
  for (int k = 0; k <= m && k < static_cast<int>(acc.size()); ++k) s += acc[k];
  return s;
}

/// One township with one labelled village per tier, so the village draws are fixed;
/// every household is at home and approves; findings are certain. Per village: 20 exited
/// (quota 13) with `bad_exited[v]` failing the guarantees (wrong exit for sure), 20 poor
/// (quota 15) with `bad_poor[v]` holding an exclusion code (mis-inclusion for sure), 15
/// non-registered (quota 15, taken whole), no fill. Pass ⇔ wrong exits <= 3 of 39 and
/// mis-inclusions <= 2 of 45, two independent sums of hypergeometric counts.
struct ExactCounty {
  Registry reg;
  Config config;
  std::vector<int> first_bad_exited;  ///< per village, index of a wrong-exit household
  std::vector<int> first_good_exited;
  double exact_pass = 0;
};

ExactCounty exact_county(const int bad_exited[3], const int bad_poor[3]) {
  County c;
  c.township("T1");
  const Tier tiers[] = {Tier::kGood, Tier::kMedium, Tier::kPoor};
  ExactCounty out;
  std::vector<std::vector<double>> exited_pmfs, poor_pmfs;
  for (int v = 0; v < 3; ++v) {
    const std::string vid = "V" + std::to_string(v + 1);
    c.village(vid, "T1", tiers[v]);
    HouseholdSpec exited{Status::kExited};
    HouseholdSpec bad = exited;
    bad.guarantees = false;
    out.first_bad_exited.push_back(c.add(vid, bad, bad_exited[v]));
    out.first_good_exited.push_back(c.add(vid, exited, 20 - bad_exited[v]));
    HouseholdSpec poor{Status::kPoor, 1000};
    HouseholdSpec excluded = poor;
    excluded.excluded = kExCar;
    c.add(vid, excluded, bad_poor[v]);
    c.add(vid, poor, 20 - bad_poor[v]);
    c.add(vid, HouseholdSpec{}, 15);
    exited_pmfs.push_back(hypergeometric(20, bad_exited[v], 13));
    poor_pmfs.push_back(hypergeometric(20, bad_poor[v], 15));
  }
  out.reg = c.build();
  out.config = default_config();
  out.config.design.townships = 1;
  out.config.design.tier_method = TierMethod::kLabel;
  out.config.standards.criteria = {{Rate::kWrongExit, true, 0.1},
                                   {Rate::kMisInclusion, true, 0.05},
                                   {Rate::kSatisfaction, false, 0.9}};
  // 3/39 = 0.0769 < 0.1 <= 4/39; 2/45 = 0.0444 < 0.05 <= 3/45.
  out.exact_pass = cdf_of_sum(exited_pmfs, 3) * cdf_of_sum(poor_pmfs, 2);
  return out;
}

TEST(MonteCarlo, PassProbabilityMatchesHypergeometricCounts) {
  const int bad_exited[3] = {1, 2, 3};
  const int bad_poor[3] = {2, 1, 0};
  const ExactCounty county = exact_county(bad_exited, bad_poor);
  const int64_t runs = 200000;
  const SimulationResult res = simulate(county.reg, county.config, runs, 2);
  const double p = county.exact_pass;
  ASSERT_GT(p, 0.05);
  ASSERT_LT(p, 0.95);
  const double se = std::sqrt(p * (1 - p) / runs);
  EXPECT_NEAR(res.pass_probability, p, 4.5 * se);
  EXPECT_EQ(res.runs, runs);
  // The criteria fail independently here: each one's fail probability is exact too.
  ASSERT_EQ(res.criteria.size(), 3u);
  EXPECT_EQ(res.criteria[2].fail_count, 0);  // everyone approves
  EXPECT_DOUBLE_EQ(res.criteria[2].mean, 1.0);
}

TEST(MonteCarlo, WhatIfNeverMatteringHouseholdIsExactlyZero) {
  const int bad_exited[3] = {1, 2, 3};
  const int bad_poor[3] = {2, 1, 0};
  const ExactCounty county = exact_county(bad_exited, bad_poor);
  // A household with no finding cannot change any verdict.
  const SimulationResult res =
      simulate(county.reg, county.config, 50000, 2, {county.first_good_exited[0]});
  ASSERT_TRUE(res.has_what_if);
  EXPECT_EQ(res.what_if.difference, 0.0);
  EXPECT_EQ(res.what_if.gained, 0);
  EXPECT_EQ(res.what_if.lost, 0);
  EXPECT_EQ(res.what_if.difference_ci95[0], 0.0);
  EXPECT_EQ(res.what_if.difference_ci95[1], 0.0);
  EXPECT_EQ(res.what_if.passes, res.passes);
}

TEST(MonteCarlo, WhatIfFixingAFaultyHouseholdMatchesTheExactGain) {
  const int bad_exited[3] = {1, 2, 3};
  const int bad_poor[3] = {2, 1, 0};
  const ExactCounty county = exact_county(bad_exited, bad_poor);
  // Putting right one wrong exit of village 3 is the county with bad_exited {1, 2, 2}.
  const int fixed_bad[3] = {1, 2, 2};
  const double exact_fixed = exact_county(fixed_bad, bad_poor).exact_pass;
  const int64_t runs = 200000;
  const SimulationResult res =
      simulate(county.reg, county.config, runs, 2, {county.first_bad_exited[2]});
  ASSERT_TRUE(res.has_what_if);
  const double se_fixed = std::sqrt(exact_fixed * (1 - exact_fixed) / runs);
  EXPECT_NEAR(res.what_if.pass_probability, exact_fixed, 4.5 * se_fixed);
  // Common random numbers: fixing a household can only remove findings, so no replicate
  // that passed fails, and the difference is measured from the paired replicates.
  EXPECT_EQ(res.what_if.lost, 0);
  const double gain = exact_fixed - county.exact_pass;
  const double d = res.what_if.difference;
  const double se_d =
      (res.what_if.difference_ci95[1] - res.what_if.difference_ci95[0]) / (2 * 1.959963984540054);
  EXPECT_GT(se_d, 0);
  EXPECT_NEAR(d, gain, 4.5 * se_d);
  EXPECT_DOUBLE_EQ(d, res.what_if.pass_probability - res.pass_probability);
}

TEST(MonteCarlo, OneAndTwoThreadsAreBitIdentical) {
  const Registry reg = generate_county(Profile::kSmall, 3);
  Config config = default_config();
  config.simulation.target_halfwidth = 0;
  const int64_t runs = 3 * kBlockSize + 123;  // partial last block
  const SimulationResult a = simulate(reg, config, runs, 1, {0, 5, 9});
  const SimulationResult b = simulate(reg, config, runs, 2, {0, 5, 9});
  EXPECT_EQ(a.runs, b.runs);
  EXPECT_EQ(a.passes, b.passes);
  EXPECT_EQ(std::memcmp(&a.pass_probability, &b.pass_probability, sizeof(double)), 0);
  ASSERT_EQ(a.criteria.size(), b.criteria.size());
  for (std::size_t k = 0; k < a.criteria.size(); ++k) {
    EXPECT_EQ(a.criteria[k].fail_count, b.criteria[k].fail_count);
    EXPECT_EQ(std::memcmp(&a.criteria[k].mean, &b.criteria[k].mean, sizeof(double)), 0);
    EXPECT_EQ(a.criteria[k].p05, b.criteria[k].p05);
    EXPECT_EQ(a.criteria[k].p50, b.criteria[k].p50);
    EXPECT_EQ(a.criteria[k].p95, b.criteria[k].p95);
  }
  EXPECT_EQ(a.binding, b.binding);
  for (std::size_t t = 0; t < a.townships.size(); ++t) {
    EXPECT_EQ(a.townships[t].sampled, b.townships[t].sampled);
    EXPECT_EQ(a.townships[t].sampled_pass, b.townships[t].sampled_pass);
  }
  for (std::size_t v = 0; v < a.villages.size(); ++v) {
    EXPECT_EQ(a.villages[v].sampled, b.villages[v].sampled);
    EXPECT_EQ(a.villages[v].sampled_pass, b.villages[v].sampled_pass);
  }
  int differing = 0;
  for (std::size_t i = 0; i < a.households.size(); ++i) {
    const HouseholdRisk& x = a.households[i];
    const HouseholdRisk& y = b.households[i];
    differing += x.sampled != y.sampled || x.sampled_pass != y.sampled_pass || x.fault != y.fault ||
                 x.fault_fail != y.fault_fail;
  }
  EXPECT_EQ(differing, 0);
  EXPECT_EQ(a.what_if.passes, b.what_if.passes);
  EXPECT_EQ(a.what_if.gained, b.what_if.gained);
  EXPECT_EQ(a.what_if.lost, b.what_if.lost);
  // And a different seed gives different replicates.
  const SimulationResult c = simulate(reg, config, runs, 2, {}, 8);
  EXPECT_NE(a.passes, c.passes);
}

TEST(MonteCarlo, EarlyStopIsDeterministicAndAtARoundBoundary) {
  const Registry reg = generate_county(Profile::kSmall, 3);
  const Config config = default_config();
  const Design design = design_of(reg, config);
  SimulationOptions opts;
  opts.runs = 10 * kRoundBlocks * kBlockSize;
  opts.target_halfwidth = 0.0035;
  SimulationResult a, b;
  std::string err;
  opts.threads = 1;
  ASSERT_TRUE(run_simulation(reg, config, design, opts, &a, &err)) << err;
  opts.threads = 2;
  ASSERT_TRUE(run_simulation(reg, config, design, opts, &b, &err)) << err;
  EXPECT_TRUE(a.stopped_early);
  EXPECT_GT(a.runs, kRoundBlocks * kBlockSize);  // not in the first round
  EXPECT_EQ(a.runs % (kRoundBlocks * kBlockSize), 0);
  EXPECT_EQ(a.runs, b.runs);
  EXPECT_EQ(a.passes, b.passes);
  EXPECT_LE(wilson_halfwidth(a.passes, a.runs), 0.0035);
  // One round earlier the target was not yet met.
  SimulationOptions shorter = opts;
  shorter.runs = a.runs - kRoundBlocks * kBlockSize;
  shorter.target_halfwidth = 0;
  SimulationResult c;
  ASSERT_TRUE(run_simulation(reg, config, design, shorter, &c, &err)) << err;
  EXPECT_GT(wilson_halfwidth(c.passes, c.runs), 0.0035);
}

TEST(MonteCarlo, TheRoundsLengthChangesNoFigure) {
  // Without a stop rule the rounds are kLongRoundBlocks long; a stop rule that is never met
  // keeps them kRoundBlocks long. The figures are the same either way, on two threads.
  const Registry reg = generate_county(Profile::kSmall, 3);
  const Config config = default_config();
  const Design design = design_of(reg, config);
  SimulationOptions opts;
  opts.runs = (kLongRoundBlocks + 3) * kBlockSize + 77;  // a second long round, partial
  opts.threads = 2;
  opts.target_halfwidth = 0;
  SimulationResult a, b;
  std::string err;
  ASSERT_TRUE(run_simulation(reg, config, design, opts, &a, &err)) << err;
  opts.target_halfwidth = 1e-9;  // never reached
  ASSERT_TRUE(run_simulation(reg, config, design, opts, &b, &err)) << err;
  EXPECT_FALSE(b.stopped_early);
  EXPECT_EQ(a.runs, b.runs);
  EXPECT_EQ(a.passes, b.passes);
  ASSERT_EQ(a.criteria.size(), b.criteria.size());
  for (std::size_t k = 0; k < a.criteria.size(); ++k) {
    EXPECT_EQ(a.criteria[k].fail_count, b.criteria[k].fail_count);
    EXPECT_EQ(std::memcmp(&a.criteria[k].mean, &b.criteria[k].mean, sizeof(double)), 0);
    EXPECT_EQ(std::memcmp(&a.criteria[k].mean_se, &b.criteria[k].mean_se, sizeof(double)), 0);
  }
  int differing = 0;
  for (std::size_t i = 0; i < a.households.size(); ++i)
    differing += a.households[i].sampled != b.households[i].sampled ||
                 a.households[i].fault_fail != b.households[i].fault_fail;
  EXPECT_EQ(differing, 0);
}

/// Townships and tier villages are drawn with the design's inclusion probabilities.
void check_inclusion(const Config& config, int64_t runs,
                     const Registry& reg = generate_county(Profile::kSmall, 2)) {
  const Design design = design_of(reg, config);
  const SimulationResult res = simulate(reg, config, runs, 2);
  const double n = static_cast<double>(runs);
  for (std::size_t t = 0; t < reg.townships.size(); ++t) {
    const double pi = design.township_pi[t];
    const double f = res.townships[t].sampled / n;
    EXPECT_NEAR(f, pi, 5 * std::sqrt(pi * (1 - pi) / n) + 1e-12) << "township " << t;
    for (Tier tier : config.design.tiers) {
      const auto& list = design.tier_villages[t][static_cast<int>(tier)];
      for (int v : list) {
        const double pv =
            pi * village_stage_pi(config.design.villages_of(tier), static_cast<int>(list.size()));
        const double fv = res.villages[v].sampled / n;
        EXPECT_NEAR(fv, pv, 5 * std::sqrt(pv * (1 - pv) / n) + 1e-12) << "village " << v;
      }
    }
  }
}

TEST(MonteCarlo, SrsInclusionFrequenciesMatchTheory) {
  Config config = default_config();
  config.design.townships = 2;
  check_inclusion(config, 40000);
}

TEST(MonteCarlo, VillagesPerTierInclusionFrequenciesMatchTheory) {
  // π(village) = π(township) · k/n_tier (SPEC §3), on the default county, whose townships
  // have several villages of each tier.
  Config config = default_config();
  config.design.villages_per_tier[static_cast<int>(Tier::kGood)] = 2;
  config.design.villages_per_tier[static_cast<int>(Tier::kPoor)] = 3;
  const Registry reg = generate_county(Profile::kDefault, 1);
  const Design design = design_of(reg, config);
  ASSERT_GE(design.eligible_townships.size(), 3u);
  bool partial = false;  // some tier of an eligible township has more villages than drawn
  for (int t : design.eligible_townships)
    for (Tier tier : config.design.tiers)
      partial |= static_cast<int>(design.tier_villages[t][static_cast<int>(tier)].size()) >
                 config.design.villages_of(tier);
  ASSERT_TRUE(partial);
  check_inclusion(config, 40000, reg);
}

TEST(MonteCarlo, PpsInclusionFrequenciesMatchTheory) {
  Config config = default_config();
  config.design.townships = 2;
  config.design.township_selection = TownshipSelection::kPps;
  check_inclusion(config, 40000);
}

/// Whole villages (smaller than households_per_village), everyone at home: the mean rate
/// of each income rule is exactly the person-weighted mean of rule_probability, so the
/// one-uniform income cut points are checked against audit/rules.h.
TEST(MonteCarlo, MeanRatesMatchRuleProbabilities) {
  const Registry reg = one_township_county([](County& c, const std::string& vid, int v) {
    for (int k = 0; k < 6; ++k) {
      // Incomes around the line (3335) and around twice the line.
      HouseholdSpec e{Status::kExited, 2900 + 150.0 * k + 40 * v, 1 + k % 3};
      c.add(vid, e, 1);
      HouseholdSpec o{Status::kNonRegistered, 3000 + 120.0 * k + 30 * v, 2 + k % 2};
      c.add(vid, o, 1);
      HouseholdSpec q{Status::kPlannedExit, 6200 + 150.0 * k + 50 * v, 1 + k % 4};
      c.add(vid, q, 1);
      HouseholdSpec p{Status::kPlannedExit, 3100 + 100.0 * k, 1 + k % 2};
      c.add(vid, p, 1);
    }
  });
  Config config = one_township_config({{Rate::kWrongExit, true, 0.5},
                                       {Rate::kOmission, true, 0.5},
                                       {Rate::kMisInclusion, true, 0.5},
                                       {Rate::kPlannedExitShortfall, true, 0.5}});
  config.evaluator.income_noise = 0.15;
  const int64_t runs = 40000;
  const SimulationResult res = simulate(reg, config, runs, 2);
  const Households& h = reg.households;
  const Finding findings[] = {Finding::kWrongExit, Finding::kOmission, Finding::kMisInclusion,
                              Finding::kPlannedExitShortfall};
  for (int k = 0; k < 4; ++k) {
    double num = 0, den = 0, var = 0;
    for (std::size_t i = 0; i < h.count(); ++i) {
      if (!in_denominator(h, i, rate_of(findings[k]))) continue;
      const double p = rule_probability(h, i, findings[k], config.standards, 0.15);
      num += h.size[i] * p;
      den += h.size[i];
      var += h.size[i] * h.size[i] * p * (1 - p);
    }
    const double expected = num / den;
    const double se = std::sqrt(var) / den / std::sqrt(static_cast<double>(runs));
    ASSERT_GT(expected, 0.05) << k;
    EXPECT_NEAR(res.criteria[k].mean, expected, 5 * se) << to_string(findings[k]);
  }
}

/// The engine estimates the distribution of what `sample` + `audit --sample` do. On the
/// small county, with every rate a criterion at a threshold near its median (so that each
/// fail probability is far from 0 and 1), every criterion's mean rate and fail probability
/// from the engine agree with those of draw_sample + audit_draw replicates within 4.5
/// standard errors — and there are enough reference replicates that 4.5 standard errors
/// are below one point, so an error of a point in any criterion fails the test.
TEST(MonteCarlo, EveryCriterionAgreesWithSamplerAndAuditOfOneDraw) {
  const Registry reg = generate_county(Profile::kSmall, 1);
  Config config = default_config();
  const Design design = design_of(reg, config);
  constexpr int kReference = 150000;
  std::vector<std::array<double, kRateCount>> rates(kReference);
  Draw draw;
  AuditResult audit;
  for (int r = 0; r < kReference; ++r) {
    draw_sample(reg, config.design, design, 99, r, &draw);
    audit_draw(reg, config, draw, 99, r, &audit);
    rates[r] = audit.rates.value;
  }
  config.standards.criteria.clear();
  for (int k = 0; k < kRateCount; ++k) {
    std::vector<double> v(kReference);
    for (int r = 0; r < kReference; ++r) v[r] = rates[r][k];
    std::nth_element(v.begin(), v.begin() + kReference / 2, v.end());
    const bool below = static_cast<Rate>(k) != Rate::kSatisfaction;
    config.standards.criteria.push_back({static_cast<Rate>(k), below, v[kReference / 2]});
  }
  const SimulationResult res = simulate(reg, config, 1000000, 2, {}, 5);
  ASSERT_EQ(res.criteria.size(), static_cast<std::size_t>(kRateCount));
  for (int k = 0; k < kRateCount; ++k) {
    const Criterion& c = config.standards.criteria[k];
    double sum = 0, sum2 = 0;
    int fails = 0;
    for (int r = 0; r < kReference; ++r) {
      sum += rates[r][k];
      sum2 += rates[r][k] * rates[r][k];
      fails += !c.holds(rates[r][k]);
    }
    const double mean = sum / kReference;
    const double var = (sum2 - kReference * mean * mean) / (kReference - 1);
    const double fail = static_cast<double>(fails) / kReference;
    const CriterionStats& e = res.criteria[k];
    // The engine's own variance of the rate is about the reference's.
    const double mean_se = std::sqrt(var / kReference + var / res.runs);
    const double fail_se = std::sqrt(fail * (1 - fail) / kReference +
                                     e.fail_probability * (1 - e.fail_probability) / res.runs);
    const std::string name(to_string(c.rate));
    EXPECT_GT(fail, 0.05) << name;
    EXPECT_LT(fail, 0.95) << name;
    EXPECT_LT(4.5 * fail_se, 0.01) << name;
    EXPECT_LT(4.5 * mean_se, 0.01) << name;
    EXPECT_NEAR(e.fail_probability, fail, 4.5 * fail_se) << name;
    EXPECT_NEAR(e.mean, mean, 4.5 * mean_se + 1e-12) << name;
  }
}

/// E[min(k, X)] for X the number at home among households with presence probabilities p
/// (Poisson-binomial, by dynamic programming).
double expected_surveyed(const std::vector<double>& p, int k) {
  std::vector<double> dist = {1.0};
  for (double q : p) {
    std::vector<double> next(dist.size() + 1, 0.0);
    for (std::size_t x = 0; x < dist.size(); ++x) {
      next[x] += dist[x] * (1 - q);
      next[x + 1] += dist[x] * q;
    }
    dist = std::move(next);
  }
  double e = 0;
  for (std::size_t x = 0; x < dist.size(); ++x) e += dist[x] * std::min<double>(k, x);
  return e;
}

/// Absence and replacement: per village and category, the number surveyed is min(k, number
/// at home) whether presence is shared by the pool (one binomial per category) or differs
/// between households (a walk with one draw per household), and a category taken whole
/// keeps only those at home.
TEST(MonteCarlo, SurveyedCountsFollowPresence) {
  County c;
  c.township("T1");
  const Tier tiers[] = {Tier::kGood, Tier::kMedium, Tier::kPoor};
  std::vector<double> exited_p(16, 0.8), poor_p(20, 0.9), non_p(10, 0.7);
  poor_p[0] = 0.5;
  for (int v = 0; v < 3; ++v) {
    const std::string vid = "V" + std::to_string(v + 1);
    c.village(vid, "T1", tiers[v]);
    for (double p : exited_p) {
      HouseholdSpec e{Status::kExited};
      e.presence = p;
      c.add(vid, e, 1);
    }
    for (double p : poor_p) {
      HouseholdSpec q{Status::kPoor, 1000};
      q.presence = p;
      c.add(vid, q, 1);
    }
    for (double p : non_p) {
      HouseholdSpec o;
      o.presence = p;
      c.add(vid, o, 1);
    }
  }
  const Registry reg = c.build();
  Config config = default_config();
  config.design.townships = 1;
  config.design.tier_method = TierMethod::kLabel;
  config.design.households_per_village = 38;  // 13 + 15 + 10: no fill
  const Design design = design_of(reg, config);
  ReplicateModel model;
  std::string err;
  ASSERT_TRUE(model.init(reg, config, design, {}, &err)) << err;
  ReplicateModel::Scratch scratch = model.make_scratch();
  const int runs = 40000;
  double sum = 0, sum2 = 0;
  for (int r = 0; r < runs; ++r) {
    const double n = model.run_replicate(3, r, &scratch).surveyed;
    sum += n;
    sum2 += n * n;
  }
  const double mean = sum / runs;
  const double sd = std::sqrt((sum2 - runs * mean * mean) / (runs - 1));
  const double expected = 3 * (expected_surveyed(exited_p, 13) + expected_surveyed(poor_p, 15) +
                               expected_surveyed(non_p, 10));
  EXPECT_NEAR(mean, expected, 5 * sd / std::sqrt(static_cast<double>(runs)));
  EXPECT_GT(sd, 0);
}

/// Exited households whose wrong-exit probability is of the order of 2^-12, on both sides of
/// the bound below which a household is "light" (no income draw of its own; one draw per
/// segment says whether any of them has a finding): 3 villages of 60 exited households of
/// one person, all at home, 43 surveyed per village (13 by quota and 30 by the fill), one
/// township. Any wrong exit fails the county, so the pass probability is the product over
/// villages of E[Π (1 − p_i)] over a simple random sample of 43 of 60, which is the
/// elementary symmetric polynomial e_43(1 − p) / C(60, 43); the mean rate is the mean p.
TEST(MonteCarlo, RareFindingsOfLightHouseholdsAreExact) {
  const Registry reg = one_township_county([](County& c, const std::string& vid, int v) {
    for (int j = 0; j < 60; ++j) c.add(vid, HouseholdSpec{Status::kExited, 4640.0 + 5 * j + v}, 1);
  });
  const Config config = one_township_config({{Rate::kWrongExit, true, 0.001}});
  const double sigma = config.evaluator.income_noise;
  const Households& h = reg.households;
  double exact_pass = 1, mean_p = 0;
  int light = 0;
  for (int v = 0; v < 3; ++v) {
    std::vector<double> e(44, 0.0);  // e[j] = e_j(1 − p) of the village
    e[0] = 1;
    for (int j = 0; j < 60; ++j) {
      const double p =
          rule_probability(h, 60 * v + j, Finding::kWrongExit, config.standards, sigma);
      mean_p += p / 180;
      light += p <= std::ldexp(1.0, -12);
      for (int m = 43; m >= 1; --m) e[m] += (1 - p) * e[m - 1];
    }
    exact_pass *= e[43] / std::exp(std::lgamma(61.0) - std::lgamma(44.0) - std::lgamma(18.0));
  }
  ASSERT_GT(light, 60);  // both kinds are present
  ASSERT_LT(light, 170);
  ASSERT_LT(exact_pass, 0.99);
  const int64_t runs = 200000;
  const SimulationResult res = simulate(reg, config, runs, 2);
  const double se = std::sqrt(exact_pass * (1 - exact_pass) / runs);
  EXPECT_NEAR(res.pass_probability, exact_pass, 5 * se);
  // Rate per replicate: findings of 129 Bernoulli(p_i) over 129, variance at most p̄/129.
  EXPECT_NEAR(res.criteria[0].mean, mean_p, 5 * std::sqrt(mean_p / 129 / runs));
}

/// The approval count of a group: table inversion up to 512 surveyed households, a Boost
/// binomial draw above. Non-registered households far above the line, all at home,
/// approving with probability 0.9; the county passes when more than 90% approve, a binomial
/// tail.
TEST(MonteCarlo, ApprovalCountsAreBinomial) {
  for (int per_village : {50, 200}) {
    const Registry reg = one_township_county([&](County& c, const std::string& vid, int) {
      HouseholdSpec o;
      o.satisfaction = 0.9;
      c.add(vid, o, per_village);
    });
    Config config = one_township_config({{Rate::kSatisfaction, false, 0.9}});
    config.design.households_per_village = per_village - 7;
    const int n = 3 * (per_village - 7);  // 129 or 579 surveyed
    double exact_pass = 0;
    for (int a = 0; a <= n; ++a) {
      if (!(static_cast<double>(a) / n > 0.9)) continue;
      exact_pass +=
          std::exp(std::lgamma(n + 1.0) - std::lgamma(a + 1.0) - std::lgamma(n - a + 1.0) +
                   a * std::log(0.9) + (n - a) * std::log(0.1));
    }
    const int64_t runs = 100000;
    const SimulationResult res = simulate(reg, config, runs, 2);
    const double se = std::sqrt(exact_pass * (1 - exact_pass) / runs);
    EXPECT_NEAR(res.pass_probability, exact_pass, 5 * se) << n;
    EXPECT_NEAR(res.criteria[0].mean, 0.9, 5 * std::sqrt(0.09 / n / runs)) << n;
  }
}

TEST(MonteCarlo, WilsonIntervalKnownValuesAndCoverage) {
  // 0 of 10: [0, z²/(n + z²)].
  const auto a = wilson_interval(0, 10);
  EXPECT_EQ(a[0], 0.0);
  const double z2 = 1.959963984540054 * 1.959963984540054;
  EXPECT_NEAR(a[1], z2 / (10 + z2), 1e-12);
  // Symmetric around 1/2 for n/2 successes.
  const auto b = wilson_interval(50, 100);
  EXPECT_NEAR(b[0] + b[1], 1.0, 1e-12);
  EXPECT_NEAR(wilson_halfwidth(50, 100), (b[1] - b[0]) / 2, 1e-12);
  // Exact coverage over the binomial distribution is close to 95% (Brown, Cai & DasGupta
  // 2001 report 0.93-0.97 for the Wilson interval at these n, p).
  for (int n : {40, 100, 400}) {
    for (double p : {0.1, 0.3, 0.5, 0.62}) {
      double coverage = 0;
      for (int k = 0; k <= n; ++k) {
        const auto ci = wilson_interval(k, n);
        if (ci[0] <= p && p <= ci[1])
          coverage +=
              std::exp(std::lgamma(n + 1.0) - std::lgamma(k + 1.0) - std::lgamma(n - k + 1.0) +
                       k * std::log(p) + (n - k) * std::log1p(-p));
      }
      EXPECT_GT(coverage, 0.92) << n << " " << p;
      EXPECT_LT(coverage, 0.98) << n << " " << p;
    }
  }
}

TEST(MonteCarlo, OnlyBadHouseholdsCountFaultsInFailingReplicates) {
  const int bad_exited[3] = {1, 2, 3};
  const int bad_poor[3] = {2, 1, 0};
  const ExactCounty county = exact_county(bad_exited, bad_poor);
  const SimulationResult res = simulate(county.reg, county.config, 20000, 2);
  // Exactly the nine bad households (6 exited, 3 poor) are found at fault in failing
  // replicates; simulate/priority.h orders them (tests/reports/ranking_test.cpp).
  int at_fault_in_failures = 0;
  for (const HouseholdRisk& x : res.households) at_fault_in_failures += x.fault_fail > 0;
  EXPECT_EQ(at_fault_in_failures, 9);
  // Households that are never at fault count no fault.
  EXPECT_EQ(res.households[county.first_good_exited[0]].fault, 0);
  // Inclusion of a household: exited ones are drawn 13 of 20 in the only village of its tier.
  const double f =
      static_cast<double>(res.households[county.first_good_exited[0]].sampled) / res.runs;
  EXPECT_NEAR(f, 13.0 / 20.0, 5 * std::sqrt(0.65 * 0.35 / res.runs));
}

/// The 16-bit per-household counts of each thread are flushed into the 64-bit totals before
/// they could wrap: a run of more than twice 65,535 replicates counts every household as a
/// 64-bit tally of the complete lists of the surveyed does, on one thread and on two.
TEST(MonteCarlo, HouseholdCountsOutlastTheirSixteenBits) {
  const int bad_exited[3] = {1, 2, 3};
  const int bad_poor[3] = {2, 1, 0};
  const ExactCounty county = exact_county(bad_exited, bad_poor);
  const Design design = design_of(county.reg, county.config);
  const int64_t runs = 2 * ReplicateModel::HouseholdCounts::kMaxReplicates + 3 * kBlockSize + 11;
  std::vector<HouseholdRisk> tally(county.reg.households.count());
  SimulationOptions opts;
  opts.runs = runs;
  opts.threads = 1;
  opts.observer = [&](int64_t, bool pass, const ReplicateModel& model,
                      const ReplicateModel::Scratch& s) {
    for (std::size_t i = 0; i < s.surveyed_count; ++i) {
      const uint32_t rec = s.surveyed[i];
      HouseholdRisk& x = tally[model.household_of(rec & ~ReplicateModel::kFaultBit)];
      const bool fault = (rec & ReplicateModel::kFaultBit) != 0;
      x.sampled += 1;
      x.sampled_pass += pass;
      x.fault += fault;
      x.fault_fail += fault && !pass;
    }
  };
  SimulationResult one, two;
  std::string err;
  ASSERT_TRUE(run_simulation(county.reg, county.config, design, opts, &one, &err)) << err;
  opts.observer = nullptr;
  opts.threads = 2;
  ASSERT_TRUE(run_simulation(county.reg, county.config, design, opts, &two, &err)) << err;
  int64_t most = 0, faults = 0;
  for (std::size_t i = 0; i < tally.size(); ++i) {
    for (const SimulationResult* r : {&one, &two}) {
      const HouseholdRisk& x = r->households[i];
      EXPECT_EQ(x.sampled, tally[i].sampled) << i;
      EXPECT_EQ(x.sampled_pass, tally[i].sampled_pass) << i;
      EXPECT_EQ(x.fault, tally[i].fault) << i;
      EXPECT_EQ(x.fault_fail, tally[i].fault_fail) << i;
    }
    most = std::max(most, tally[i].sampled);
    faults += tally[i].fault;
  }
  EXPECT_GT(most, 2 * 65535);  // some household's count did pass 16 bits twice over
  EXPECT_GT(faults, 0);
}

TEST(MonteCarlo, RejectsBadOptions) {
  const Registry reg = generate_county(Profile::kSmall, 1);
  const Config config = default_config();
  const Design design = design_of(reg, config);
  SimulationOptions opts;
  opts.runs = 0;
  SimulationResult res;
  std::string err;
  EXPECT_FALSE(run_simulation(reg, config, design, opts, &res, &err));
  EXPECT_EQ(err, "runs must be at least 1, got 0");
}

}  // namespace
}  // namespace kaoping

namespace kaoping {
namespace {

/// Every criterion says how sure it is: mean_se is the standard error of the mean rate over
/// the very replicates of the run (recomputed here replicate by replicate), fail_ci95 the
/// Wilson interval of its fail count, and each unit carries the interval of its pass
/// probability when sampled.
TEST(MonteCarlo, StatisticsCarryTheirUncertainty) {
  const Registry reg = generate_county(Profile::kSmall, 1);
  const Config config = default_config();
  const Design design = design_of(reg, config);
  const int64_t runs = 20000;
  const SimulationResult res = simulate(reg, config, runs, 2, {}, 13);
  ReplicateModel model;
  std::string err;
  ASSERT_TRUE(model.init(reg, config, design, {}, &err)) << err;
  ReplicateModel::Scratch scratch = model.make_scratch();
  std::vector<double> sum(res.criteria.size(), 0), sum2(res.criteria.size(), 0);
  for (int64_t r = 0; r < runs; ++r) {
    const ReplicateOutcome o = model.run_replicate(13, static_cast<uint64_t>(r), &scratch);
    for (std::size_t k = 0; k < res.criteria.size(); ++k) {
      const double x = o.rate[static_cast<int>(res.criteria[k].criterion.rate)];
      sum[k] += x;
      sum2[k] += x * x;
    }
  }
  for (std::size_t k = 0; k < res.criteria.size(); ++k) {
    const CriterionStats& c = res.criteria[k];
    const double mean = sum[k] / runs;
    const double sd = std::sqrt((sum2[k] - runs * mean * mean) / (runs - 1));
    EXPECT_NEAR(c.mean, mean, 1e-12);
    EXPECT_NEAR(c.mean_se, sd / std::sqrt(static_cast<double>(runs)), 1e-9);
    EXPECT_GT(c.mean_se, 0);
    EXPECT_EQ(c.fail_ci95, wilson_interval(c.fail_count, runs));
    EXPECT_LE(c.fail_ci95[0], c.fail_probability);
    EXPECT_GE(c.fail_ci95[1], c.fail_probability);
  }
  for (const UnitRisk& u : res.villages)
    EXPECT_EQ(u.pass_ci95, wilson_interval(u.sampled_pass, u.sampled));
}

}  // namespace
}  // namespace kaoping

namespace kaoping {
namespace {

/// Who a replicate surveyed in each village, as (household id, at fault) pairs, sorted.
std::map<int, std::vector<std::pair<std::string, bool>>> surveyed_by_village(
    const Registry& reg, const ReplicateModel& model, const ReplicateModel::Scratch& s) {
  std::map<int, std::vector<std::pair<std::string, bool>>> out;
  for (std::size_t k = 0; k < s.surveyed_count; ++k) {
    const uint32_t rec = s.surveyed[k];
    const int i = model.household_of(rec & ~ReplicateModel::kFaultBit);
    out[reg.households.village[i]].push_back({reg.households.id[i], (rec >> 31) != 0});
  }
  for (auto& [v, list] : out) std::sort(list.begin(), list.end());
  return out;
}

/// SPEC §3: the same townships and villages drawn, a change to one village's household
/// records — a record put right, an income that makes a household heavy, a household added —
/// changes no other village's household draws in that replicate. (Draws used to run through
/// every village in one stream: 140 of 160 other-village draws changed.)
TEST(MonteCarlo, AnEditInOneVillageLeavesEveryOtherVillagesDrawsUnchanged) {
  const Registry before = generate_county(Profile::kSmall, 1);
  const int edited = 0;  // the first village
  Registry after = before;
  Households& h = after.households;
  int changed = 0;
  for (std::size_t i = 0; i < h.count() && changed < 6; ++i) {
    if (h.village[i] != edited) continue;
    h.income[i] = changed % 2 ? 1000.0 : 3400.0;  // poor-looking, or just above the line
    h.housing[i] = changed % 3 ? Housing::kB : Housing::kD;
    ++changed;
  }
  const std::size_t added = h.add_default();
  h.id[added] = "ADDED-1";
  h.village_id[added] = after.villages[edited].id;
  h.status[added] = Status::kNonRegistered;
  h.income[added] = h.income_system[added] = 1000;
  std::string err;
  ASSERT_TRUE(after.build_indexes(&err)) << err;
  const Config config = default_config();
  const Design design_before = design_of(before, config), design_after = design_of(after, config);
  ReplicateModel a, b;
  ASSERT_TRUE(a.init(before, config, design_before, {}, &err)) << err;
  ASSERT_TRUE(b.init(after, config, design_after, {}, &err)) << err;
  ReplicateModel::Scratch sa = a.make_scratch(), sb = b.make_scratch();
  ReplicateModel::HouseholdCounts ca, cb;
  ca.assign(a.household_count());
  cb.assign(b.household_count());
  sa.counts = &ca;  // the complete list of the surveyed, as --out keeps it
  sb.counts = &cb;
  int compared = 0, edited_seen = 0, edited_differs = 0;
  for (uint64_t r = 0; r < 300; ++r) {
    a.run_replicate(21, r, &sa);
    b.run_replicate(21, r, &sb);
    ASSERT_EQ(sa.townships, sb.townships) << r;
    ASSERT_EQ(sa.villages, sb.villages) << r;
    const auto va = surveyed_by_village(before, a, sa), vb = surveyed_by_village(after, b, sb);
    for (const auto& [v, list] : va) {
      if (v == edited) {
        ++edited_seen;
        edited_differs += vb.count(v) == 0 || vb.at(v) != list;
        continue;
      }
      ASSERT_TRUE(vb.count(v)) << r;
      EXPECT_EQ(vb.at(v), list) << "replicate " << r << " village " << before.villages[v].id;
      ++compared;
    }
  }
  EXPECT_GT(compared, 1000);
  EXPECT_GT(edited_seen, 10);    // the edited village was drawn ...
  EXPECT_GT(edited_differs, 0);  // ... and its own draws did change
}

}  // namespace
}  // namespace kaoping

namespace kaoping {
namespace {

/// A county whose only risk is its unverified households has a computable pass
/// probability: three small villages, visited whole and everyone at home, 90 exited
/// households of one person of which 30 unverified, each found at fault with probability
/// 0.1 (an unknown income for a third of them: an unknown income decides nothing). The
/// wrong-exit rate is F/90, F ~ Binomial(30, 0.1), and the county passes below 0.05, i.e.
/// with F <= 4. With evaluator.unverified_fault at zero (and no fault prior of their own)
/// it always passes.
TEST(MonteCarlo, UnverifiedHouseholdsRiskIsExact) {
  const Registry reg = one_township_county([](County& c, const std::string& vid, int) {
    HouseholdSpec exited{Status::kExited};
    c.add(vid, exited, 20);
    HouseholdSpec unverified = exited;
    unverified.verified = false;
    unverified.fault_prior = 0.1;
    c.add(vid, unverified, 7);
    unverified.income = std::numeric_limits<double>::quiet_NaN();
    c.add(vid, unverified, 3);
  });
  Config config = one_township_config({{Rate::kWrongExit, true, 0.05}});
  double exact = 0;
  for (int k = 0; k <= 4; ++k)
    exact += std::exp(std::lgamma(31.0) - std::lgamma(k + 1.0) - std::lgamma(31.0 - k) +
                      k * std::log(0.1) + (30 - k) * std::log(0.9));
  const int64_t runs = 200000;
  const SimulationResult res = simulate(reg, config, runs, 2, {}, 17);
  const double se = std::sqrt(exact * (1 - exact) / runs);
  EXPECT_NEAR(res.pass_probability, exact, 4.5 * se) << exact;
  EXPECT_NEAR(res.criteria[0].mean, 30 * 0.1 / 90, 4.5 * res.criteria[0].mean_se);

  // The fault prior of the households is their own; at zero, and with the config's at zero,
  // the county has no risk left.
  Registry clean = reg;
  for (std::size_t i = 0; i < clean.households.count(); ++i)
    clean.households.fault_prior[i] = std::numeric_limits<double>::quiet_NaN();
  config.evaluator.unverified_fault[static_cast<int>(Status::kExited)] = 0;
  EXPECT_EQ(simulate(clean, config, 20000, 2, {}, 17).pass_probability, 1.0);
}

/// More distinct light codes (weight, fault-light) than the engine's 256-entry table holds:
/// the households beyond it are visited as heavy ones, which changes no draw and no answer.
/// Every exited household is unverified with fault prior 0.1 and no rule finding, so in any
/// sample the expected wrong-exit rate is exactly 0.1, whatever the sizes drawn.
TEST(MonteCarlo, MoreLightCodesThanTheTableHoldsChangeNoAnswer) {
  const Registry reg = one_township_county([](County& c, const std::string& vid, int) {
    for (int size = 1; size <= 255; ++size) {
      HouseholdSpec other{Status::kNonRegistered};
      other.size = size;
      c.add(vid, other, 1);
      if (size > 120) continue;
      HouseholdSpec exited{Status::kExited};
      exited.size = size;
      exited.verified = false;
      exited.fault_prior = 0.1;
      c.add(vid, exited, 1);
    }
  });
  const Config config = one_township_config({{Rate::kWrongExit, true, 0.05}});
  const SimulationResult res = simulate(reg, config, 100000, 2, {}, 23);
  ASSERT_EQ(res.criteria.size(), 1u);
  EXPECT_GT(res.criteria[0].mean_se, 0);
  EXPECT_NEAR(res.criteria[0].mean, 0.1, 4.5 * res.criteria[0].mean_se);
  EXPECT_EQ(res.runs, 100000);
}

}  // namespace
}  // namespace kaoping

namespace kaoping {
namespace {

/// The default county's unverified households (verified = 0, SPEC §3) raise its risk, and
/// setting evaluator.unverified_fault to zero gives back exactly the answer without them
/// (every household consumes the same draws whatever its record).
TEST(MonteCarlo, ZeroUnverifiedFaultGivesBackTheCountyWithoutThem) {
  const Registry reg = generate_county(Profile::kDefault, 1);
  std::size_t unverified = 0;
  for (uint8_t v : reg.households.verified) unverified += v == 0;
  EXPECT_GT(unverified, 50000u);
  Registry all_verified = reg;
  std::fill(all_verified.households.verified.begin(), all_verified.households.verified.end(), 1);
  Config config = default_config();
  const SimulationResult with = simulate(reg, config, 20000, 2, {}, 3);
  const SimulationResult without = simulate(all_verified, config, 20000, 2, {}, 3);
  EXPECT_LT(with.pass_probability, without.pass_probability);
  for (double& p : config.evaluator.unverified_fault) p = 0;
  const SimulationResult zero = simulate(reg, config, 20000, 2, {}, 3);
  EXPECT_EQ(zero.pass_probability, without.pass_probability);
  for (std::size_t k = 0; k < zero.criteria.size(); ++k)
    EXPECT_EQ(zero.criteria[k].mean, without.criteria[k].mean);
}

}  // namespace
}  // namespace kaoping
