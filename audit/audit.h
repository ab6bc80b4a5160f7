// The audit of one draw (SPEC §3): the field visit, the evaluator's assessed income, the
// rule findings per surveyed household, the satisfaction draw, the rates and the verdict.
// Plain structs out, so that the CLI, the reports and the Monte Carlo driver can share them.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "audit/findings.h"
#include "audit/rates.h"
#include "audit/rules.h"
#include "audit/standards.h"
#include "registry/registry.h"
#include "sampler/draw.h"
#include "sampler/sampler.h"

namespace kaoping {

/// One judged household.
struct HouseholdAudit {
  int row = -1;                ///< index into Draw::rows; -1 in the self-check
  int household = -1;          ///< index into Registry::households
  double assessed_income = 0;  ///< yuan/year per capita, as the evaluator assessed it
  /// Approval: 1 or 0 when drawn (audit of a draw); in the self-check the household's
  /// approval probability, so that the satisfaction rate is the expected share.
  double approval = 0;
  uint16_t findings = 0;  ///< bit (1 << Finding) per finding that fires
  /// Of `findings`, those only the unverified household's fault gave (no rule fired them).
  uint16_t fault_findings = 0;
  bool has(Finding f) const { return findings & (1u << static_cast<int>(f)); }
};

struct AuditResult {
  std::vector<HouseholdAudit> households;  ///< surveyed households, in visit order
  Fieldwork field;                         ///< who was visited, absent, short
  Rates rates;
  Verdict verdict;
};

/// Bits (1 << Finding) of the rule findings (the first kRuleFindingCount) for household i
/// judged at `assessed_income`.
uint16_t rule_findings(const Households& h, std::size_t i, const StandardsConfig& s,
                       double assessed_income);

/// Rates over judged households (SPEC §3): wrong_exit over exited, omission over
/// non_registered, mis_inclusion over poor + planned_exit, planned_exit_shortfall over
/// planned_exit (persons when rate_basis is person, else households); inconsistency over
/// registered households; satisfaction = Σ approval / households.
Rates compute_rates(const Households& h, const StandardsConfig& s,
                    const std::vector<HouseholdAudit>& judged);

/// Per-household presence probabilities (presence_probability of audit/rules.h), the input
/// of visit_field.
std::vector<double> presence_vector(const Households& h, const EvaluatorConfig& e);

/// Audits `draw` as the evaluators would, replicate `replicate` of seed `seed`:
/// visit_field (Stream::kPresence); for every row of the draw, in row order, one standard
/// normal z from Stream::kIncome (Boost.Random normal_distribution) and one uniform u from
/// Stream::kSatisfaction, drawn whether or not the household is surveyed so that a
/// household's draws do not depend on who else was at home; a surveyed household is
/// judged at Î = assessed_income(income, income_noise, z) and approves when
/// u < approval_probability; an unverified household is also found at fault when its
/// uniform of Stream::kFault is below its fault prior (SPEC §3).
void audit_draw(const Registry& reg, const EvaluationConfig& config, const Draw& draw,
                uint64_t seed, uint64_t replicate, AuditResult* out);

/// The findings of an audited draw with what each rests on: for every surveyed household
/// in visit order, its rule findings in finding order, judged at the assessed income.
/// Kept out of audit_draw, which the Monte Carlo check and the benchmarks call for rates
/// alone.
std::vector<HouseholdFinding> draw_findings(const Households& h, const StandardsConfig& s,
                                            const AuditResult& result);

}  // namespace kaoping
