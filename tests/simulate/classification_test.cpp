// One statement of the rules: the readable rules (rule_fires at an assessed income), the
// classification every engine consumes (classify) and the Monte Carlo engine's own tables
// (cut points of one 64-bit uniform) decide alike for every household and income draw.
#include <gtest/gtest.h>

#include <boost/math/distributions/normal.hpp>
#include <cmath>
#include <string>

#include "audit/rules.h"
#include "config/config.h"
#include "registry/generate.h"
#include "sampler/design.h"
#include "simulate/model.h"
#include "simulate/simulation.h"

namespace kaoping {
namespace {

/// The small county, plus records bent so that every branch of the rules occurs: exclusion
/// codes, dangerous housing, income 0, incomes on and around the line and m·L.
Registry varied_county() {
  Registry reg = generate_county(Profile::kSmall, 1);
  Households& h = reg.households;
  const double line = 3335;
  const double incomes[] = {0,        line * 0.5,   line - 1, line, line + 1, 2 * line - 1,
                            2 * line, 2 * line + 1, line * 5};
  for (std::size_t i = 0; i < h.count(); ++i) {
    if (i % 3 == 0) h.excluded[i] = kExCar;
    if (i % 5 == 0) h.housing[i] = Housing::kC;
    if (i % 7 == 0) h.income[i] = incomes[(i / 7) % std::size(incomes)];
    if (i % 13 == 0) h.income_system[i] = h.income[i] * 1.5;
  }
  return reg;
}

uint8_t readable_findings(const Households& h, std::size_t i, const StandardsConfig& s,
                          double assessed) {
  uint8_t bits = 0;
  for (int f = 0; f < kRuleFindingCount; ++f)
    if (rule_fires(h, i, static_cast<Finding>(f), s, assessed)) bits |= 1u << f;
  return bits;
}

bool near_threshold(const RuleClass& c, double z) {
  return std::abs(z - c.z.z_below) < 1e-9 || std::abs(z - c.z.z_rich) < 1e-9;
}

struct Case {
  double sigma;
  Identification identification;
};

class Classification : public ::testing::TestWithParam<Case> {};

TEST_P(Classification, ReadableRulesAndClassificationDecideAlike) {
  const Registry reg = varied_county();
  const Households& h = reg.households;
  StandardsConfig s;
  s.identification = GetParam().identification;
  const double sigma = GetParam().sigma;
  int compared = 0;
  for (std::size_t i = 0; i < h.count(); ++i) {
    const RuleClass c = classify(h, i, s, sigma);
    for (double z = -6; z <= 6; z += 0.0625) {
      if (near_threshold(c, z)) continue;
      ASSERT_EQ(readable_findings(h, i, s, assessed_income(h.income[i], sigma, z)),
                c.findings_at(z))
          << "household " << h.id[i] << " z " << z;
      ++compared;
    }
    for (int f = 0; f < kRuleFindingCount; ++f) {
      // The probabilities are those of the classified events.
      const double p = rule_probability(h, i, static_cast<Finding>(f), s, sigma);
      const uint8_t b = static_cast<uint8_t>(1u << f);
      const double want = (c.always & b)  ? 1.0
                          : (c.below & b) ? c.p_below
                          : (c.rich & b)  ? 1.0 - c.p_not_rich
                                          : 0.0;
      EXPECT_EQ(p, want);
    }
  }
  EXPECT_GT(compared, 100000);
}

TEST_P(Classification, EngineTablesDecideAsTheReadableRules) {
  const Registry reg = varied_county();
  const Households& h = reg.households;
  Config config;
  Diagnostics diag;
  ASSERT_TRUE(load_config("", {}, &config, &diag));
  config.standards.identification = GetParam().identification;
  config.evaluator.income_noise = GetParam().sigma;
  Design design;
  ASSERT_TRUE(build_design(reg, config.design, &design, &diag));
  ReplicateModel model;
  std::string err;
  ASSERT_TRUE(model.init(reg, config, design, {}, &err)) << err;
  const boost::math::normal normal;
  const double sigma = GetParam().sigma;
  int compared = 0;
  for (std::size_t i = 0; i < h.count(); ++i) {
    const RuleClass c = classify(h, i, config.standards, sigma);
    for (int k = 1; k < 256; ++k) {
      // Uniforms spread over (0, 1), denser in the tails where the income tests sit.
      const double u =
          k < 128 ? std::ldexp(1.0, -(128 - k) / 4) / 2 : 1 - std::ldexp(1.0, -(k - 127) / 4) / 2;
      if (!(u > 0 && u < 1)) continue;
      const double z = quantile(normal, u);
      if (near_threshold(c, z) || std::abs(u - c.p_below) < 1e-12 ||
          std::abs(u - c.p_not_rich) < 1e-12)
        continue;
      const uint64_t x = static_cast<uint64_t>(std::ldexp(u, 64));
      ASSERT_EQ(model.findings_for(static_cast<int>(i), x),
                readable_findings(h, i, config.standards, assessed_income(h.income[i], sigma, z)))
          << "household " << h.id[i] << " u " << u;
      ++compared;
    }
  }
  EXPECT_GT(compared, 50000);
}

INSTANTIATE_TEST_SUITE_P(SigmaAndIdentification, Classification,
                         ::testing::Values(Case{0.10, Identification::kIncomeOrGuarantees},
                                           Case{0.10, Identification::kIncome},
                                           Case{0.0, Identification::kIncomeOrGuarantees},
                                           Case{0.35, Identification::kIncome}),
                         [](const ::testing::TestParamInfo<Case>& info) {
                           return std::string(info.param.identification == Identification::kIncome
                                                  ? "Income"
                                                  : "IncomeOrGuarantees") +
                                  "Sigma" +
                                  std::to_string(static_cast<int>(info.param.sigma * 100));
                         });

}  // namespace
}  // namespace kaoping
