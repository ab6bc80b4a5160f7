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

bool in_denominator(const Households& h, std::size_t i, Rate rate) {
  const Status st = h.status[i];
  switch (rate) {
    case Rate::kWrongExit:
      return st == Status::kExited;
    case Rate::kOmission:
      return st == Status::kNonRegistered;
    case Rate::kMisInclusion:
      return st == Status::kPoor || st == Status::kPlannedExit;
    case Rate::kPlannedExitShortfall:
      return st == Status::kPlannedExit;
    case Rate::kInconsistency:
      return is_registered(st);
    case Rate::kSatisfaction:
      return true;
  }
  return false;
}

Rates compute_rates(const Households& h, const StandardsConfig& s,
                    const std::vector<HouseholdAudit>& judged) {
  Rates r;
  const bool persons = s.rate_basis == RateBasis::kPerson;
  for (const HouseholdAudit& a : judged) {
    const std::size_t i = static_cast<std::size_t>(a.household);
    const double w = persons ? static_cast<double>(h.size[i]) : 1.0;
    for (int f = 0; f < kRuleFindingCount; ++f) {
      const Finding finding = static_cast<Finding>(f);
      const int k = static_cast<int>(rate_of(finding));
      if (!in_denominator(h, i, rate_of(finding))) continue;
      // 三统一 is judged per household whatever the basis (SPEC §3).
      const double weight = finding == Finding::kInconsistency ? 1.0 : w;
      r.denominator[k] += weight;
      if (a.has(finding)) r.numerator[k] += weight;
    }
    const int sat = static_cast<int>(Rate::kSatisfaction);
    r.denominator[sat] += 1.0;
    r.numerator[sat] += a.approval;
  }
  for (int k = 0; k < kRateCount; ++k)
    r.value[k] = r.denominator[k] > 0 ? r.numerator[k] / r.denominator[k] : 0.0;
  return r;
}

Verdict apply_criteria(const Rates& rates, const StandardsConfig& s) {
  Verdict v;
  for (const Criterion& c : s.criteria) {
    if (!c.holds(rates.value[static_cast<int>(c.rate)])) {
      v.pass = false;
      v.failed.push_back(c);
    }
  }
  return v;
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
  boost::random::normal_distribution<double> normal(0.0, 1.0);
  boost::random::uniform_01<double> uniform;
  std::vector<double> z(draw.rows.size()), u(draw.rows.size());
  for (std::size_t r = 0; r < draw.rows.size(); ++r) z[r] = normal(income_rng);
  for (std::size_t r = 0; r < draw.rows.size(); ++r) u[r] = uniform(satisfaction_rng);

  const double sigma = config.evaluator.income_noise;
  out->households.reserve(out->field.surveyed.size());
  for (int r : out->field.surveyed) {
    const std::size_t i = static_cast<std::size_t>(draw.rows[r].household);
    HouseholdAudit a;
    a.row = r;
    a.household = static_cast<int>(i);
    a.assessed_income = assessed_income(h.income[i], sigma, z[r]);
    a.findings = rule_findings(h, i, config.standards, a.assessed_income);
    a.approval = u[r] < approval_probability(h, i, config.evaluator) ? 1.0 : 0.0;
    out->households.push_back(a);
  }
  out->rates = compute_rates(h, config.standards, out->households);
  out->verdict = apply_criteria(out->rates, config.standards);
}

}  // namespace kaoping
