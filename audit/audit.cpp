#include "audit/audit.h"

#include <boost/random/normal_distribution.hpp>
#include <boost/random/uniform_01.hpp>

namespace kaoping {

uint16_t rule_findings(const Households& h, std::size_t i, const StandardsConfig& s,
                       double assessed_income) {
  uint16_t bits = 0;
  for (int f = 0; f < kRuleFindingCount; ++f)
    if (rule_fires(h, i, static_cast<Finding>(f), s, assessed_income)) bits |= 1u << f;
  return bits;
}

Rates compute_rates(const Households& h, const StandardsConfig& s,
                    const std::vector<HouseholdAudit>& judged) {
  RateSums sums;
  const bool persons = s.rate_basis == RateBasis::kPerson;
  for (const HouseholdAudit& a : judged) {
    const std::size_t i = static_cast<std::size_t>(a.household);
    sums.add(h.status[i], persons ? static_cast<double>(h.size[i]) : 1.0, a.findings, a.approval);
  }
  return rates_of(sums, county_totals(h, s.rate_basis));
}

std::vector<double> presence_vector(const Households& h, const EvaluatorConfig& e) {
  std::vector<double> p(h.count());
  for (std::size_t i = 0; i < h.count(); ++i) p[i] = presence_probability(h, i, e);
  return p;
}

void audit_draw(const Registry& reg, const EvaluationConfig& config, const Draw& draw,
                uint64_t seed, uint64_t replicate, AuditResult* out) {
  *out = AuditResult{};
  const Households& h = reg.households;
  visit_field(draw, presence_vector(h, config.evaluator), seed, replicate, &out->field);

  Rng income_rng(seed, replicate, Stream::kIncome);
  Rng satisfaction_rng(seed, replicate, Stream::kSatisfaction);
  Rng fault_rng(seed, replicate, Stream::kFault);
  boost::random::normal_distribution<double> normal(0.0, 1.0);
  boost::random::uniform_01<double> uniform;
  std::vector<double> z(draw.rows.size()), u(draw.rows.size()), f(draw.rows.size());
  for (std::size_t r = 0; r < draw.rows.size(); ++r) z[r] = normal(income_rng);
  for (std::size_t r = 0; r < draw.rows.size(); ++r) u[r] = uniform(satisfaction_rng);
  for (std::size_t r = 0; r < draw.rows.size(); ++r) f[r] = uniform(fault_rng);

  const double sigma = config.evaluator.income_noise;
  out->households.reserve(out->field.surveyed.size());
  for (int r : out->field.surveyed) {
    const std::size_t i = static_cast<std::size_t>(draw.rows[r].household);
    HouseholdAudit a;
    a.row = r;
    a.household = static_cast<int>(i);
    a.assessed_income = assessed_income(h.income[i], sigma, z[r]);
    a.findings = rule_findings(h, i, config.standards, a.assessed_income);
    // An unverified household: found at fault with its prior, counted once with its rules.
    const FaultPrior prior = fault_prior(h, i, config.evaluator);
    if (f[r] < prior.p) {
      a.fault_findings = prior.findings & ~a.findings;
      a.findings |= prior.findings;
    }
    a.approval = u[r] < approval_probability(h, i, config.evaluator) ? 1.0 : 0.0;
    out->households.push_back(a);
  }
  out->rates = compute_rates(h, config.standards, out->households);
  out->verdict = apply_criteria(out->rates, config.standards);
}

std::vector<HouseholdFinding> draw_findings(const Households& h, const StandardsConfig& s,
                                            const AuditResult& result) {
  std::vector<HouseholdFinding> out;
  for (const HouseholdAudit& a : result.households)
    for (int f = 0; f < kRuleFindingCount; ++f)
      if (a.has(static_cast<Finding>(f)))
        out.push_back(
            {a.household, finding_detail(h, static_cast<std::size_t>(a.household),
                                         static_cast<Finding>(f), s, a.assessed_income, true)});
  return out;
}

}  // namespace kaoping
