// What is wrong with a household of the rehearsal's fix list (SPEC §4 risk_households.csv
// `finding` and `detail`): the rules of SPEC §3 it can break under the evaluators' visit, and
// `unverified` when its risk is the fault prior of a household nobody verified.
#pragma once

#include <cstdint>
#include <string>

#include "audit/rules.h"
#include "audit/standards.h"
#include "registry/registry.h"
#include "reports/i18n.h"

namespace kaoping {

/// A rule that fires only under some income assessments is listed when the evaluators'
/// income error makes it fire with at least this probability per visit, or when the
/// rehearsal found the household at fault and nothing else explains it.
inline constexpr double kListedRuleProbability = 0.001;

struct RiskFindings {
  uint8_t rules = 0;        ///< rule findings (bits 1 << Finding) the household can break
  bool unverified = false;  ///< verified = 0 and a fault prior > 0
  RuleClass rule_class;     ///< the classification of audit/rules.h (recorded income)
  double fault_p = 0;       ///< the fault prior's probability
};

/// The findings of household i; `found_at_fault`: the rehearsal found it at fault at least
/// once (then every income rule with a probability > 0 is listed).
RiskFindings risk_findings(const Households& h, std::size_t i, const EvaluationConfig& config,
                           bool found_at_fault);

/// `finding` of risk_households.csv: the SPEC §3 names, ';'-separated, then `unverified`.
std::string risk_finding_codes(const RiskFindings& r);

/// The same in words of `lang` ("错退、未核实").
std::string risk_finding_names(Lang lang, const RiskFindings& r);

/// What each finding rests on, in `lang` (English: risk_households.csv's `detail`).
std::string risk_detail_text(Lang lang, const Households& h, std::size_t i,
                             const EvaluationConfig& config, const RiskFindings& r);

}  // namespace kaoping
