// Conditions (SPEC §4): the pass probability given the announced townships, villages or
// household list, against exact answers on small counties; the errors for announced sets the
// design could not have drawn; --sensitivity on common random numbers.
#include "simulate/condition.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <fstream>
#include <limits>
#include <string>
#include <vector>

#include "config/config.h"
#include "simulate/sensitivity.h"
#include "simulate/simulation.h"

namespace kaoping {
namespace {

/// A county built in code: every household non_registered with an income far above the line
/// (no finding), so only presence and approval are random and the verdict is the
/// satisfaction criterion's.
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
  /// n households in `village` at home with `presence`, approving with `satisfaction`.
  void add(const std::string& village, int n, double presence, double satisfaction) {
    for (int k = 0; k < n; ++k) {
      const std::size_t i = reg_.households.add_default();
      Households& h = reg_.households;
      h.id[i] = village + "-H" + std::to_string(k + 1);
      h.village_id[i] = village;
      h.status[i] = Status::kNonRegistered;
      h.income[i] = 100000;
      h.income_system[i] = 100000;
      h.presence[i] = presence;
      h.satisfaction[i] = satisfaction;
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

Config label_config(int townships) {
  Config config;
  Diagnostics diag;
  EXPECT_TRUE(load_config("", {}, &config, &diag));
  config.design.townships = townships;
  config.design.tier_method = TierMethod::kLabel;
  return config;
}

Design design_of(const Registry& reg, const Config& config) {
  Design design;
  Diagnostics diag;
  EXPECT_TRUE(build_design(reg, config.design, &design, &diag));
  return design;
}

SimulationResult run(const Registry& reg, const Config& config, const Condition& condition,
                     int64_t runs) {
  SimulationOptions opts;
  opts.runs = runs;
  opts.threads = 2;
  opts.seed = 11;
  opts.condition = condition;
  SimulationResult res;
  std::string err;
  EXPECT_TRUE(run_simulation(reg, config, design_of(reg, config), opts, &res, &err)) << err;
  return res;
}

std::vector<double> binomial(int n, double p) {
  std::vector<double> pmf(n + 1);
  for (int k = 0; k <= n; ++k)
    pmf[k] = std::exp(std::lgamma(n + 1.0) - std::lgamma(k + 1.0) - std::lgamma(n - k + 1.0) +
                      k * std::log(p) + (n - k) * std::log1p(-p));
  return pmf;
}

/// P(satisfaction > 0.9) when `sure` households are surveyed and approve for sure and
/// `surveyed[m]` is the probability that m others are, each approving with probability s.
double pass_given(const std::vector<double>& surveyed, double s, int sure) {
  double pass = 0;
  for (int m = 0; m < static_cast<int>(surveyed.size()); ++m) {
    const std::vector<double> approve = binomial(m, s);
    for (int a = 0; a <= m; ++a) {
      const int total = sure + m;
      if (total > 0 && static_cast<double>(sure + a) / total > 0.9)
        pass += surveyed[m] * approve[a];
    }
  }
  return pass;
}

void expect_within(double estimate, double exact, int64_t runs) {
  ASSERT_GT(exact, 0.05);
  ASSERT_LT(exact, 0.95);
  EXPECT_NEAR(estimate, exact, 4.5 * std::sqrt(exact * (1 - exact) / runs));
}

/// Two townships of three labelled villages of 10 households each (taken whole): in T1
/// everyone approves, in T2 each approves with 0.92; all at home with 0.8.
Registry two_townships() {
  County c;
  const Tier tiers[] = {Tier::kGood, Tier::kMedium, Tier::kPoor};
  for (const char* t : {"T1", "T2"}) {
    c.township(t);
    for (int k = 0; k < 3; ++k) {
      const std::string v = std::string(t) + "V" + std::to_string(k + 1);
      c.village(v, t, tiers[k]);
      c.add(v, 10, 0.8, std::string(t) == "T1" ? 1.0 : 0.92);
    }
  }
  return c.build();
}

TEST(Condition, GivenTownshipsMatchesTheExactConditionalProbability) {
  const Registry reg = two_townships();
  const Config config = label_config(1);
  const Design design = design_of(reg, config);
  Condition t2, t1;
  std::string err;
  ASSERT_TRUE(township_condition(reg, config.design, design, {"T2"}, &t2, &err)) << err;
  ASSERT_TRUE(township_condition(reg, config.design, design, {"T1"}, &t1, &err)) << err;
  const int64_t runs = 200000;
  const double exact = pass_given(binomial(30, 0.8), 0.92, 0);
  const SimulationResult r2 = run(reg, config, t2, runs);
  expect_within(r2.pass_probability, exact, runs);
  EXPECT_EQ(r2.townships[1].sampled, runs);
  EXPECT_EQ(r2.townships[0].sampled, 0);
  // T1 approves for sure; it passes unless nobody at all is at home (0.2^30).
  EXPECT_EQ(run(reg, config, t1, 20000).pass_probability, 1.0);
  // Unconditionally, each township half the time.
  const SimulationResult all = run(reg, config, Condition{}, runs);
  expect_within(all.pass_probability, 0.5 + 0.5 * exact, runs);
}

/// One township: two good villages (G1 approves for sure, G2 with 0.5, its 10 at home with
/// 0.8), a medium and a poor one (10 each, at home and approving for sure).
Registry two_good_villages() {
  County c;
  c.township("T1");
  c.village("G1", "T1", Tier::kGood);
  c.village("G2", "T1", Tier::kGood);
  c.village("M1", "T1", Tier::kMedium);
  c.village("P1", "T1", Tier::kPoor);
  c.add("G1", 10, 1.0, 1.0);
  c.add("G2", 10, 0.8, 0.5);
  c.add("M1", 10, 1.0, 1.0);
  c.add("P1", 10, 1.0, 1.0);
  return c.build();
}

TEST(Condition, GivenVillagesMatchesTheExactConditionalProbability) {
  const Registry reg = two_good_villages();
  const Config config = label_config(1);
  const Design design = design_of(reg, config);
  Condition given;
  std::string err;
  ASSERT_TRUE(village_condition(reg, config.design, design, {"M1", "G2", "P1"}, &given, &err))
      << err;
  ASSERT_EQ(given.townships, std::vector<int>{0});
  const int64_t runs = 200000;
  // 20 sure approvals, m ~ Binomial(10, 0.8) of G2 surveyed, each approving with 0.5.
  const double exact = pass_given(binomial(10, 0.8), 0.5, 20);
  const SimulationResult r = run(reg, config, given, runs);
  expect_within(r.pass_probability, exact, runs);
  EXPECT_EQ(r.villages[reg.village_index.at("G2")].sampled, runs);
  EXPECT_EQ(r.villages[reg.village_index.at("G1")].sampled, 0);
  Condition g1;
  ASSERT_TRUE(village_condition(reg, config.design, design, {"G1", "M1", "P1"}, &g1, &err));
  EXPECT_EQ(run(reg, config, g1, 20000).pass_probability, 1.0);
}

std::string write_list(const std::string& name, const std::string& text) {
  const std::string path = testing::TempDir() + name;
  std::ofstream(path, std::ios::binary) << text;
  return path;
}

TEST(Condition, GivenListVisitsExactlyItsHouseholdsAndItsReserveInOrder) {
  County c;
  c.township("T1");
  c.village("G1", "T1", Tier::kGood);
  c.village("M1", "T1", Tier::kMedium);
  c.village("P1", "T1", Tier::kPoor);
  c.add("G1", 50, 0.7, 0.95);
  c.add("M1", 50, 1.0, 1.0);
  c.add("P1", 50, 1.0, 1.0);
  const Registry reg = c.build();
  const Config config = label_config(1);
  const Design design = design_of(reg, config);
  // 10 of G1 in sample, G1-H11..H15 its reserve (listed out of rank order).
  std::string csv = "household_id,role,reserve_rank\n";
  for (int k = 1; k <= 10; ++k) csv += "G1-H" + std::to_string(k) + ",sample,\n";
  for (int k : {3, 1, 2, 5, 4})
    csv += "G1-H" + std::to_string(10 + k) + ",reserve," + std::to_string(k) + "\n";
  const std::string path = write_list("cond_list.csv", csv);
  Condition given;
  Diagnostics diag;
  ASSERT_TRUE(sample_condition(path, reg, design, &given, &diag));
  EXPECT_EQ(given.sha256.size(), 64u);
  const int64_t runs = 200000;
  const SimulationResult r = run(reg, config, given, runs);
  // Surveyed: X ~ Bin(10, 0.7) of the sample at home, then min(10 − X, Z) of the reserve,
  // Z ~ Bin(5, 0.7) of it at home; each approves with 0.95.
  std::vector<double> surveyed(11, 0.0);
  const std::vector<double> x = binomial(10, 0.7), z = binomial(5, 0.7);
  for (int i = 0; i <= 10; ++i)
    for (int j = 0; j <= 5; ++j) surveyed[i + std::min(10 - i, j)] += x[i] * z[j];
  expect_within(r.pass_probability, pass_given(surveyed, 0.95, 0), runs);
  // Nobody outside the list is ever surveyed; each listed one at home with 0.7.
  for (std::size_t i = 0; i < reg.households.count(); ++i) {
    const std::string& id = reg.households.id[i];
    const int k = id.rfind("G1-H", 0) == 0 ? std::stoi(id.substr(4)) : 0;
    if (k == 0 || k > 15) {
      EXPECT_EQ(r.households[i].sampled, 0) << id;
    } else if (k <= 10) {
      const double se = std::sqrt(0.7 * 0.3 / runs);
      EXPECT_NEAR(static_cast<double>(r.households[i].sampled) / runs, 0.7, 4.5 * se) << id;
    }
  }
  // The reserve is used in rank order: rank 1 (G1-H11) at least as often as rank 5 (H15).
  EXPECT_GT(r.households[reg.household_index.at("G1-H11")].sampled,
            r.households[reg.household_index.at("G1-H15")].sampled);
  std::remove(path.c_str());
}

TEST(Condition, AnnouncedSetsTheDesignCouldNotHaveDrawnAreErrors) {
  // T3 has no poor village: not eligible.
  County c;
  const Tier tiers[] = {Tier::kGood, Tier::kMedium, Tier::kPoor};
  for (const char* t : {"T1", "T2", "T3"}) {
    c.township(t);
    for (int k = 0; k < (std::string(t) == "T3" ? 2 : 3); ++k) {
      const std::string v = std::string(t) + "V" + std::to_string(k + 1);
      c.village(v, t, tiers[k]);
      c.add(v, 5, 1.0, 1.0);
    }
  }
  c.village("T1V4", "T1", Tier::kGood);
  c.add("T1V4", 5, 1.0, 1.0);
  const Registry reg = c.build();
  const Config config = label_config(2);
  const Design design = design_of(reg, config);
  Condition out;
  std::string err;
  auto towns = [&](std::vector<std::string> ids) {
    err.clear();
    return township_condition(reg, config.design, design, ids, &out, &err);
  };
  auto villages = [&](std::vector<std::string> ids) {
    err.clear();
    return village_condition(reg, config.design, design, ids, &out, &err);
  };
  EXPECT_TRUE(towns({"T2", "T1"}));
  EXPECT_EQ(out.townships, (std::vector<int>{1, 0}));
  EXPECT_FALSE(towns({"T1"}));  // wrong number
  EXPECT_NE(err.find("draws 2 townships"), std::string::npos) << err;
  EXPECT_FALSE(towns({"T1", "T3"}));  // ineligible
  EXPECT_NE(err.find("\"T3\" cannot be drawn"), std::string::npos) << err;
  EXPECT_FALSE(towns({"T1", "t2x"}));  // unknown, with a hint
  EXPECT_NE(err.find("did you mean \"T2\""), std::string::npos) << err;

  EXPECT_TRUE(villages({"T1V1", "T1V2", "T1V3", "T2V1", "T2V2", "T2V3"}));
  EXPECT_EQ(out.townships, (std::vector<int>{0, 1}));
  EXPECT_FALSE(villages({"T1V1", "T1V4", "T1V2", "T1V3", "T2V1", "T2V2", "T2V3"}));
  EXPECT_NE(err.find("both of tier good"), std::string::npos) << err;
  EXPECT_FALSE(villages({"T1V1", "T1V2", "T1V3"}));  // one township of two
  EXPECT_NE(err.find("in 1 townships"), std::string::npos) << err;
  EXPECT_FALSE(villages({"T1V1", "T1V2", "T1V3", "T2V1", "T2V2", "T3V1", "T3V2"}));
  EXPECT_NE(err.find("in 3 townships"), std::string::npos) << err;  // more than drawn
  EXPECT_FALSE(villages({"T1V1", "T1V2", "T1V3", "T3V1", "T3V2"}));
  EXPECT_NE(err.find("\"T3\" cannot be drawn"), std::string::npos) << err;
  EXPECT_FALSE(villages({"T1V1", "T1V2", "T2V1", "T2V2", "T2V3"}));
  EXPECT_NE(err.find("no village of tier poor"), std::string::npos) << err;
  EXPECT_FALSE(villages({"T1V9"}));
  EXPECT_NE(err.find("did you mean"), std::string::npos) << err;

  std::vector<std::string> ids;
  EXPECT_FALSE(parse_id_list("T1,,T2", &ids, &err));
  EXPECT_FALSE(parse_id_list("T1,T1", &ids, &err));
  EXPECT_FALSE(parse_id_list("  ", &ids, &err));
  ASSERT_TRUE(parse_id_list(" T1 , T2", &ids, &err));
  EXPECT_EQ(ids, (std::vector<std::string>{"T1", "T2"}));

  const std::string bad = write_list("cond_bad.csv", "household_id\nT1V1-H1\nNOPE\n");
  Diagnostics diag;
  EXPECT_FALSE(sample_condition(bad, reg, design, &out, &diag));
  ASSERT_FALSE(diag.items().empty());
  EXPECT_NE(diag.items()[0].format().find(":3:1: error:"), std::string::npos)
      << diag.items()[0].format();
  std::remove(bad.c_str());
}

TEST(Sensitivity, AnEndAtTheConfiguredValueEqualsThePlainRunExactly) {
  // Approval from the config (evaluator.satisfaction.non_registered 0.90 ± the shift).
  County c;
  c.township("T1");
  const Tier tiers[] = {Tier::kGood, Tier::kMedium, Tier::kPoor};
  for (int k = 0; k < 3; ++k) {
    const std::string v = "V" + std::to_string(k + 1);
    c.village(v, "T1", tiers[k]);
    c.add(v, 10, 0.8, std::numeric_limits<double>::quiet_NaN());
  }
  const Registry reg = c.build();
  Config config = label_config(1);
  const Design design = design_of(reg, config);
  SensitivityConfig ranges;
  ranges.income_noise = {config.evaluator.income_noise, 0.3};
  ranges.presence = {config.evaluator.presence, 0.6};  // households have their own presence
  ranges.satisfaction_shift = {0.0, -0.05};
  ranges.unverified_fault_factor = {1.0, 3.0};
  SimulationOptions opts;
  opts.runs = 20000;
  opts.seed = 5;
  SimulationResult plain;
  std::string err;
  ASSERT_TRUE(run_simulation(reg, config, design, opts, &plain, &err)) << err;
  SimulationResult with = plain;
  ASSERT_TRUE(add_sensitivity(reg, config, design, ranges, opts, &with, &err)) << err;
  const std::vector<SensitivityEntry>& entries = with.sensitivity;
  ASSERT_EQ(entries.size(), 4u);
  for (const SensitivityEntry& e : entries) {
    EXPECT_EQ(e.pass_low, plain.pass_probability) << e.key;  // common random numbers
    if (e.key == "evaluator.satisfaction") {
      EXPECT_LT(e.pass_high, e.pass_low);  // less approval, fewer passes
    } else {
      // No household's figures depend on it here: the replicates are the same.
      EXPECT_EQ(e.pass_high, plain.pass_probability) << e.key;
    }
  }
  EXPECT_EQ(entries[0].key, "evaluator.satisfaction");  // the largest swing first
  for (std::size_t i = 1; i < entries.size(); ++i)
    EXPECT_GE(entries[i - 1].swing(), entries[i].swing());
}

}  // namespace
}  // namespace kaoping
