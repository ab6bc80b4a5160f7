// The national standards applied to one household (SPEC §3). These pure functions are the
// single statement of the rules: the audit of one draw, the self-check and the Monte Carlo
// engine all call them, so they cannot disagree.
#pragma once

#include <cstdint>

#include "audit/standards.h"
#include "registry/registry.h"

namespace kaoping {

/// A household finding (SPEC §3/§4 names). The first five are audit rules with rates;
/// the last three are readiness findings of `audit --all`.
enum class Finding : uint8_t {
  kWrongExit = 0,
  kOmission,
  kMisInclusion,
  kPlannedExitShortfall,
  kInconsistency,
  kFewMeasures,
  kMeasureMismatch,
  kMissingCards
};
inline constexpr int kFindingCount = 8;
inline constexpr int kRuleFindingCount = 5;  ///< findings that have a rate
std::string_view to_string(Finding f);
/// The rate a rule finding feeds (kWrongExit → Rate::kWrongExit, ...).
Rate rate_of(Finding f);

/// Whether finding f moves `rate`: its own rate, and for poverty_incidence the findings
/// of the rates it applies to the county (wrong_exit, omission, planned_exit_shortfall).
bool moves_rate(Finding f, Rate rate);

/// 两不愁三保障: food, clothing and safe water; housing A/B or relocated; no dropouts;
/// every member insured.
bool guarantees_met(const Households& h, std::size_t i);

/// Does rule `f` (one of the first kRuleFindingCount) fire for household i when the
/// evaluator assesses its per-capita income as `assessed_income` (yuan/year)?
bool rule_fires(const Households& h, std::size_t i, Finding f, const StandardsConfig& s,
                double assessed_income);

/// Standard normal quantiles that decide the income tests under the evaluator's error
/// Î = income · exp(σZ − σ²/2): the household is assessed below the line L exactly when
/// Z < z_below, and at or above m·L (mis-inclusion) exactly when Z >= z_rich. Infinite
/// values encode certainty (σ = 0, or income = 0).
struct IncomeThresholds {
  double z_below = 0;
  double z_rich = 0;
};
IncomeThresholds income_thresholds(double income, const StandardsConfig& s, double sigma);

/// The evaluator's assessed income for standard normal draw z.
double assessed_income(double income, double sigma, double z);

/// The one classification of a household's rules (SPEC §3) before the evaluator's income
/// error is drawn: which rule findings fire whatever the income, which fire when the income
/// is assessed below the line (Z < z.z_below), which when it is assessed at or above
/// m·L (Z >= z.z_rich), and the probabilities of those two events. The Monte Carlo engine
/// builds its tables from it, rule_probability reads it, and tests/audit/rules_test.cpp
/// proves it decides as rule_fires does for every household and income draw.
struct RuleClass {
  uint8_t always = 0;  ///< rule findings (bit 1 << Finding) that fire whatever the draw
  uint8_t below = 0;   ///< rule findings that fire when assessed below the line
  uint8_t rich = 0;    ///< rule findings that fire when assessed at or above m·L
  IncomeThresholds z;
  double p_below = 0;     ///< P(Z < z.z_below) = Φ(z_below), in [0, 1]
  double p_not_rich = 0;  ///< P(Z < z.z_rich) = Φ(z_rich), in [0, 1]
  /// The rule findings for a standard normal draw `z` of the income error.
  uint8_t findings_at(double zd) const {
    return static_cast<uint8_t>(always | (zd < z.z_below ? below : 0) |
                                (zd >= z.z_rich ? rich : 0));
  }
};
RuleClass classify(const Households& h, std::size_t i, const StandardsConfig& s, double sigma);

/// Standard normal distribution function Φ.
double normal_cdf(double x);

/// Probability (over the evaluator's income error) that rule `f` fires for household i.
double rule_probability(const Households& h, std::size_t i, Finding f, const StandardsConfig& s,
                        double sigma);

/// An unverified household's fault (SPEC §3): with probability `p` the evaluators find it at
/// fault, as the rule findings `findings` (an omission for a non-registered household, a
/// wrong exit for an exited one, a mis-inclusion for a registered poor one, and for a
/// planned exit a shortfall too, in the same draw). Verified households: p = 0, no findings.
struct FaultPrior {
  uint8_t findings = 0;  ///< bits 1 << Finding
  double p = 0;          ///< in [0, 1]: its own fault_prior, else evaluator.unverified_fault
};
FaultPrior fault_prior(const Households& h, std::size_t i, const EvaluatorConfig& e);

/// Probability the household approves of the work: its own `satisfaction`, else the
/// evaluator default for its status.
double approval_probability(const Households& h, std::size_t i, const EvaluatorConfig& e);
/// Probability the household is at home: its own `presence`, else the evaluator default.
double presence_probability(const Households& h, std::size_t i, const EvaluatorConfig& e);

/// Readiness (audit --all): fewer than 4 measures (registered households only).
bool few_measures(const Households& h, std::size_t i);
/// Readiness: the measures do not answer the main cause (DOMAIN.md §4), registered only.
bool measure_mismatch(const Households& h, std::size_t i);
/// Readiness: registered household without all of help card, contact card, record book.
bool missing_cards(const Households& h, std::size_t i);

}  // namespace kaoping
