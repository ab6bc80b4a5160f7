// The county's self-check before the review (`audit --all`, SPEC §4): every household
// judged with its recorded income (no evaluator error), plus the readiness findings, and a
// summary by township and village with the worst first — the to-do list.
#pragma once

#include <array>
#include <string>
#include <vector>

#include "audit/audit.h"
#include "audit/rules.h"
#include "audit/standards.h"
#include "registry/registry.h"

namespace kaoping {

/// One finding of one household.
struct SelfCheckFinding {
  int household = -1;  ///< index into Registry::households
  Finding finding = Finding::kWrongExit;
  std::string detail;  ///< short human text, e.g. "income 3100 < line 3335"
};

/// Counts and rates of a township or a village (or the county).
struct UnitSummary {
  int unit = -1;         ///< township or village index (-1 for the county)
  int households = 0;    ///< households of the unit
  int flagged = 0;       ///< households with at least one finding
  int rule_flagged = 0;  ///< households with at least one rule finding (the first five)
  std::array<int, kFindingCount> count{};  ///< households per finding
  Rates rates;      ///< SPEC §3 rates over all the unit's households; satisfaction expected
  Verdict verdict;  ///< standards.criteria applied to those rates
};

struct SelfCheckResult {
  /// Every finding, by household (registry order) then finding order.
  std::vector<SelfCheckFinding> findings;
  UnitSummary county;
  /// Worst first: more households with a rule finding, then more households with any
  /// finding, then more findings in all, then id (byte order).
  std::vector<UnitSummary> villages;
  std::vector<UnitSummary> townships;
};

/// The detail text of finding `f` for household i judged at `income` (yuan/year), e.g.
/// "income 3100 < line 3335; housing C"; with `assessed` the income is called "assessed
/// income" (the evaluator's Î in the audit of a draw).
std::string finding_detail(const Households& h, std::size_t i, Finding f, const StandardsConfig& s,
                           double income, bool assessed = false);

/// Judges every household with its recorded income (Î = income): the five rules of SPEC §3
/// plus few_measures, measure_mismatch and missing_cards. The satisfaction rate is the
/// expected share (mean approval probability), as no one is surveyed.
void self_check(const Registry& reg, const EvaluationConfig& config, SelfCheckResult* out);

}  // namespace kaoping
