// The county's self-check before the review (`audit --all`, SPEC §4): every household
// judged with its recorded income (no evaluator error), plus the readiness findings, and a
// summary by township and village with the worst first — the to-do list.
#pragma once

#include <array>
#include <vector>

#include "audit/audit.h"
#include "audit/findings.h"
#include "audit/rules.h"
#include "audit/standards.h"
#include "registry/registry.h"

namespace kaoping {

/// Counts and rates of a township or a village (or the county).
struct UnitSummary {
  int unit = -1;         ///< township or village index (-1 for the county)
  int households = 0;    ///< households of the unit
  int flagged = 0;       ///< households with at least one finding
  int rule_flagged = 0;  ///< households with at least one rule finding (the first five)
  std::array<int, kFindingCount> count{};  ///< households per finding
  int unverified = 0;  ///< households nobody verified (verified = 0): to visit, not to judge
  Rates rates;         ///< SPEC §3 rates over all the unit's households; satisfaction expected
  Verdict verdict;     ///< standards.criteria applied to those rates
};

struct SelfCheckResult {
  /// Every finding, by household (registry order) then finding order, each judged at the
  /// recorded income.
  std::vector<HouseholdFinding> findings;
  UnitSummary county;
  /// Worst first: more households with a rule finding, then more households with any
  /// finding, then more findings in all, then id (byte order).
  std::vector<UnitSummary> villages;
  std::vector<UnitSummary> townships;
  /// The unverified households (verified = 0), village by village in registry order: they
  /// cannot be judged, only visited (SPEC §3), so they are a to-do list of their own.
  std::vector<int> unverified;
};

/// Judges every household with its recorded income (Î = income): the five rules of SPEC §3
/// plus few_measures, measure_mismatch and missing_cards. The satisfaction rate is the
/// expected share (mean approval probability), as no one is surveyed.
void self_check(const Registry& reg, const EvaluationConfig& config, SelfCheckResult* out);

}  // namespace kaoping
