#include "audit/selfcheck.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "util/text.h"

namespace kaoping {
namespace {

std::string join(const std::vector<std::string>& parts) {
  std::string out;
  for (const std::string& p : parts) {
    if (!out.empty()) out += "; ";
    out += p;
  }
  return out;
}

/// What keeps household i from 两不愁三保障, one phrase per unmet guarantee.
std::vector<std::string> guarantee_gaps(const Households& h, std::size_t i) {
  std::vector<std::string> gaps;
  if (!h.food_secure[i]) gaps.push_back("food insecure");
  if (!h.clothing_secure[i]) gaps.push_back("clothing insecure");
  if (!h.water_safe[i]) gaps.push_back("water unsafe");
  if ((h.housing[i] == Housing::kC || h.housing[i] == Housing::kD) && !h.relocated[i])
    gaps.push_back("housing " + std::string(to_string(h.housing[i])));
  if (h.dropouts[i] > 0) gaps.push_back("dropouts " + std::to_string(h.dropouts[i]));
  if (h.uninsured[i] > 0) gaps.push_back("uninsured " + std::to_string(h.uninsured[i]));
  return gaps;
}

/// An income for a reader: yuan with two decimals, unless rounding would make the
/// comparison it illustrates look false (3334.996 shown as "3335.00 < line 3335").
std::string yuan(double income, double bound, bool below) {
  if (std::floor(income) == income) return format_double(income);
  char text[64];
  std::snprintf(text, sizeof text, "%.2f", income);
  const double shown = std::strtod(text, nullptr);
  const bool faithful = below ? shown < bound : shown >= bound;
  return faithful ? std::string(text) : format_double(income);
}

std::string below_line(const char* word, double income, double line) {
  return std::string(word) + " " + yuan(income, line, true) + " < line " + format_double(line);
}

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

std::string finding_detail(const Households& h, std::size_t i, Finding f, const StandardsConfig& s,
                           double income, bool assessed) {
  const double line = s.line();
  const char* word = assessed ? "assessed income" : "income";
  std::vector<std::string> parts;
  switch (f) {
    case Finding::kWrongExit:
    case Finding::kPlannedExitShortfall: {
      if (!(income >= line)) parts.push_back(below_line(word, income, line));
      for (std::string& g : guarantee_gaps(h, i)) parts.push_back(std::move(g));
      break;
    }
    case Finding::kOmission: {
      if (income < line) parts.push_back(below_line(word, income, line));
      if (s.identification == Identification::kIncomeOrGuarantees)
        for (std::string& g : guarantee_gaps(h, i)) parts.push_back(std::move(g));
      break;
    }
    case Finding::kMisInclusion: {
      if (h.excluded[i] != 0)
        parts.push_back("excluded " + flags_to_string(h.excluded[i], exclusion_names()));
      const double rich = s.mis_inclusion_income_multiple * line;
      if (income >= rich)
        parts.push_back(std::string(word) + " " + yuan(income, rich, false) +
                        " >= " + format_double(s.mis_inclusion_income_multiple) + " × line " +
                        format_double(line));
      break;
    }
    case Finding::kInconsistency: {
      if (!h.archive_consistent[i]) parts.push_back("archive disagrees with the system");
      if (std::abs(h.income_system[i] - h.income[i]) > s.income_tolerance * h.income[i])
        parts.push_back("system income " + format_double(h.income_system[i]) + " vs field " +
                        format_double(h.income[i]));
      if (h.members_mismatch[i]) parts.push_back("members.csv disagrees");
      break;
    }
    case Finding::kFewMeasures: {
      const int n = popcount16(h.measures[i]);
      parts.push_back(std::to_string(n) + (n == 1 ? " measure" : " measures") + ", fewer than 4");
      break;
    }
    case Finding::kMeasureMismatch: {
      const std::string measures = flags_to_string(h.measures[i], measure_names());
      parts.push_back("cause " + std::string(to_string(h.cause[i])) + "; measures " +
                      (measures.empty() ? std::string("none") : measures));
      break;
    }
    case Finding::kMissingCards: {
      const uint32_t missing = kAllCards & ~static_cast<uint32_t>(h.cards[i]);
      parts.push_back("missing " + flags_to_string(missing, card_names()));
      break;
    }
  }
  return join(parts);
}

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
    }
    if (v >= 0) by_village[v].push_back(a);
    if (t >= 0) by_township[t].push_back(a);
    for (int f = 0; f < kFindingCount; ++f) {
      if (!a.has(static_cast<Finding>(f))) continue;
      out->findings.push_back({static_cast<int>(i), static_cast<Finding>(f),
                               finding_detail(h, i, static_cast<Finding>(f), s, h.income[i])});
    }
  }
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
