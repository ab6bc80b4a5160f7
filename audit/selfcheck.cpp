#include "audit/selfcheck.h"

#include <algorithm>
#include <string>

namespace kaoping {
namespace {

/// Order of the to-do list: worst first.
bool worse(const UnitSummary& a, const UnitSummary& b, const std::string& id_a,
           const std::string& id_b) {
  if (a.rule_flagged != b.rule_flagged) return a.rule_flagged > b.rule_flagged;
  if (a.flagged != b.flagged) return a.flagged > b.flagged;
  int total_a = 0, total_b = 0;
  for (int f = 0; f < kFindingCount; ++f) total_a += a.count[f], total_b += b.count[f];
  if (total_a != total_b) return total_a > total_b;
  return id_a < id_b;
}

}  // namespace

void self_check(const Registry& reg, const EvaluationConfig& config, SelfCheckResult* out) {
  *out = SelfCheckResult{};
  const Households& h = reg.households;
  const StandardsConfig& s = config.standards;

  std::vector<HouseholdAudit> judged(h.count());
  std::vector<std::vector<HouseholdAudit>> by_village(reg.villages.size());
  std::vector<std::vector<HouseholdAudit>> by_township(reg.townships.size());
  out->villages.resize(reg.villages.size());
  out->townships.resize(reg.townships.size());
  for (std::size_t v = 0; v < reg.villages.size(); ++v) out->villages[v].unit = static_cast<int>(v);
  for (std::size_t t = 0; t < reg.townships.size(); ++t)
    out->townships[t].unit = static_cast<int>(t);

  for (std::size_t i = 0; i < h.count(); ++i) {
    HouseholdAudit& a = judged[i];
    a.household = static_cast<int>(i);
    a.assessed_income = h.income[i];
    a.approval = approval_probability(h, i, config.evaluator);
    a.findings = rule_findings(h, i, s, h.income[i]);
    if (few_measures(h, i)) a.findings |= 1u << static_cast<int>(Finding::kFewMeasures);
    if (measure_mismatch(h, i)) a.findings |= 1u << static_cast<int>(Finding::kMeasureMismatch);
    if (missing_cards(h, i)) a.findings |= 1u << static_cast<int>(Finding::kMissingCards);

    const int v = h.village[i];
    const int t = v >= 0 ? reg.villages[v].township : -1;
    UnitSummary* units[] = {&out->county, v >= 0 ? &out->villages[v] : nullptr,
                            t >= 0 ? &out->townships[t] : nullptr};
    for (UnitSummary* u : units) {
      if (!u) continue;
      ++u->households;
      if (a.findings) ++u->flagged;
      if (a.findings & ((1u << kRuleFindingCount) - 1)) ++u->rule_flagged;
      for (int f = 0; f < kFindingCount; ++f)
        if (a.has(static_cast<Finding>(f))) ++u->count[f];
      u->unverified += h.verified[i] == 0;
    }
    if (v >= 0) by_village[v].push_back(a);
    if (t >= 0) by_township[t].push_back(a);
    for (int f = 0; f < kFindingCount; ++f) {
      if (!a.has(static_cast<Finding>(f))) continue;
      out->findings.push_back(
          {static_cast<int>(i), finding_detail(h, i, static_cast<Finding>(f), s, h.income[i])});
    }
  }
  std::vector<std::vector<int>> unverified_by_village(reg.villages.size());
  for (std::size_t i = 0; i < h.count(); ++i)
    if (!h.verified[i] && h.village[i] >= 0)
      unverified_by_village[h.village[i]].push_back(static_cast<int>(i));
  for (const std::vector<int>& list : unverified_by_village)
    out->unverified.insert(out->unverified.end(), list.begin(), list.end());
  out->county.rates = compute_rates(h, s, judged);
  out->county.verdict = apply_criteria(out->county.rates, s);
  for (std::size_t v = 0; v < reg.villages.size(); ++v) {
    out->villages[v].rates = compute_rates(h, s, by_village[v]);
    out->villages[v].verdict = apply_criteria(out->villages[v].rates, s);
  }
  for (std::size_t t = 0; t < reg.townships.size(); ++t) {
    out->townships[t].rates = compute_rates(h, s, by_township[t]);
    out->townships[t].verdict = apply_criteria(out->townships[t].rates, s);
  }
  std::sort(out->villages.begin(), out->villages.end(),
            [&](const UnitSummary& a, const UnitSummary& b) {
              return worse(a, b, reg.villages[a.unit].id, reg.villages[b.unit].id);
            });
  std::sort(out->townships.begin(), out->townships.end(),
            [&](const UnitSummary& a, const UnitSummary& b) {
              return worse(a, b, reg.townships[a.unit].id, reg.townships[b.unit].id);
            });
}

}  // namespace kaoping
