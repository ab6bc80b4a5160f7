#include "simulate/batch.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cmath>
#include <filesystem>
#include <string>
#include <vector>

#include "config/config.h"
#include "registry/generate.h"
#include "registry/load.h"
#include "registry/write.h"
#include "sampler/design.h"
#include "simulate/simulation.h"

namespace kaoping {
namespace {

Config default_config() {
  Config config;
  Diagnostics diag;
  EXPECT_TRUE(load_config("", {}, &config, &diag));
  return config;
}

/// The rates' means over a run and the county's totals give poverty_incidence's mean: it is
/// linear in the three rates (SPEC §3), so E[PI] = (P_poor + E[r_shortfall] · P_planned +
/// E[r_omission] · P_nonreg + E[r_wrong_exit] · P_exited) / P_all, to floating precision.
TEST(PovertyIncidence, MeanOverARunIsTheFormulaOfTheMeanRates) {
  const Registry reg = generate_county(Profile::kDefault, 1);
  Config config = default_config();
  config.standards.criteria = {{Rate::kWrongExit, true, 0.02},
                               {Rate::kOmission, true, 0.02},
                               {Rate::kPlannedExitShortfall, true, 0.02},
                               {Rate::kPovertyIncidence, true, 0.03}};
  Design design;
  Diagnostics diag;
  ASSERT_TRUE(build_design(reg, config.design, &design, &diag));
  SimulationOptions opts;
  opts.runs = 20000;
  opts.threads = 2;
  opts.household_attribution = false;
  SimulationResult res;
  std::string err;
  ASSERT_TRUE(run_simulation(reg, config, design, opts, &res, &err)) << err;
  const CountyTotals c = county_totals(reg.households, config.standards.rate_basis);
  const auto w = [&](Status s) { return c.weight[static_cast<int>(s)]; };
  const double all =
      w(Status::kPoor) + w(Status::kPlannedExit) + w(Status::kExited) + w(Status::kNonRegistered);
  const double formula = (w(Status::kPoor) + res.criteria[2].mean * w(Status::kPlannedExit) +
                          res.criteria[1].mean * w(Status::kNonRegistered) +
                          res.criteria[0].mean * w(Status::kExited)) /
                         all;
  const double mean = res.criteria[3].mean;
  EXPECT_NEAR(mean, formula, 1e-12 * formula);
  // The remaining poor alone are a floor; the sample's faults add to it.
  EXPECT_GT(mean, w(Status::kPoor) / all);
  EXPECT_GT(res.criteria[3].mean_se, 0);
  // Not a constant: it moves with the rates from replicate to replicate.
  EXPECT_LT(res.criteria[3].p05, res.criteria[3].p95);
}

class BatchTest : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = std::filesystem::temp_directory_path() /
            ("kaoping_batch_test_" + std::to_string(::getpid()));
    std::filesystem::create_directories(root_);
    for (int seed : {1, 2}) {
      const std::string dir = (root_ / ("county" + std::to_string(seed))).string();
      std::string err;
      ASSERT_TRUE(write_registry(generate_county(Profile::kSmall, seed), dir, &err)) << err;
      dirs_.push_back(dir);
    }
  }
  void TearDown() override { std::filesystem::remove_all(root_); }

  std::filesystem::path root_;
  std::vector<std::string> dirs_;
};

TEST_F(BatchTest, EachCountyIsBitIdenticalToSimulateAloneAndABadOneIsReported) {
  const Config config = default_config();
  SimulationOptions opts;
  opts.runs = 20000;
  opts.seed = 77;
  opts.threads = 2;
  const std::string missing = (root_ / "no_such_county").string();
  BatchResult batch;
  run_batch({dirs_[1], missing, dirs_[0]}, config, opts, &batch);
  ASSERT_EQ(batch.counties.size(), 3u);
  EXPECT_EQ(batch.not_loaded, 1);
  EXPECT_FALSE(batch.counties[1].ok);
  EXPECT_FALSE(batch.counties[1].errors.empty());
  EXPECT_EQ(batch.counties[1].county, "no_such_county");
  EXPECT_EQ(batch.counties[1].fail_probability(), 0.0);
  const std::size_t order[2] = {2, 0};  // dirs_[0] is third, dirs_[1] first
  double expected = 0;
  for (int k = 0; k < 2; ++k) {
    Registry reg;
    Diagnostics diag;
    ASSERT_TRUE(load_registry(dirs_[k], &reg, &diag));
    Design design;
    ASSERT_TRUE(build_design(reg, config.design, &design, &diag));
    SimulationResult alone;
    std::string err;
    ASSERT_TRUE(run_simulation(reg, config, design, opts, &alone, &err)) << err;  // as --out
    const BatchCounty& c = batch.counties[order[k]];
    ASSERT_TRUE(c.ok);
    EXPECT_EQ(c.county, "county" + std::to_string(k + 1));
    EXPECT_EQ(c.households, static_cast<int64_t>(reg.households.count()));
    EXPECT_EQ(c.result.passes, alone.passes);
    EXPECT_EQ(c.result.pass_probability, alone.pass_probability);
    EXPECT_EQ(c.result.pass_ci95, alone.pass_ci95);
    ASSERT_EQ(c.result.criteria.size(), alone.criteria.size());
    for (std::size_t j = 0; j < alone.criteria.size(); ++j) {
      EXPECT_EQ(c.result.criteria[j].mean, alone.criteria[j].mean);
      EXPECT_EQ(c.result.criteria[j].fail_count, alone.criteria[j].fail_count);
      EXPECT_EQ(c.result.criteria[j].p95, alone.criteria[j].p95);
    }
    EXPECT_EQ(c.result.townships.size(), alone.townships.size());
    for (std::size_t t = 0; t < alone.townships.size(); ++t)
      EXPECT_EQ(c.result.townships[t].sampled_pass, alone.townships[t].sampled_pass);
    expected += 1 - alone.pass_probability;
  }
  EXPECT_DOUBLE_EQ(batch.expectation.expected, expected);
  EXPECT_EQ(batch.expectation.counties, 2);
}

TEST(BatchExpectation, SumsOfBernoulliVariancesAndMonteCarloError) {
  std::vector<BatchCounty> counties(3);
  const double pass[3] = {0.9, 0.5, 0.99};
  for (int i = 0; i < 3; ++i) {
    counties[i].ok = i != 2;  // the third did not load: not counted
    counties[i].result.pass_probability = pass[i];
    counties[i].result.runs = 10000;
  }
  const BatchExpectation e = expected_failures(counties);
  EXPECT_EQ(e.counties, 2);
  EXPECT_DOUBLE_EQ(e.expected, 0.1 + 0.5);
  const double var = 0.1 * 0.9 + 0.5 * 0.5;
  EXPECT_DOUBLE_EQ(e.outcome_sd, std::sqrt(var));
  EXPECT_DOUBLE_EQ(e.mc_se, std::sqrt(var / 10000));
  const double half = 1.959963984540054 * std::sqrt(var + var / 10000);
  EXPECT_DOUBLE_EQ(e.failures_ci95[0], 0.0);  // clipped at 0
  EXPECT_DOUBLE_EQ(e.failures_ci95[1], 0.6 + half);
  EXPECT_NEAR(e.expected_ci95[0], 0.6 - 1.959963984540054 * e.mc_se, 1e-15);
}

TEST(BatchExpectation, CountyIsTheFolderName) {
  EXPECT_EQ(county_name("data/c1"), "c1");
  EXPECT_EQ(county_name("data/c1/"), "c1");
  EXPECT_EQ(county_name("c2"), "c2");
}

}  // namespace
}  // namespace kaoping
