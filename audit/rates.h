// The rates of SPEC §3 and the verdict, stated once for the audit of a draw, the self-check
// and the Monte Carlo engine: every one of them adds its surveyed households into RateSums,
// and the rates and the verdict come from the sums by the same functions.
#pragma once

#include <array>
#include <cstdint>
#include <vector>

#include "audit/rules.h"
#include "audit/standards.h"
#include "registry/registry.h"

namespace kaoping {

/// What the rates are made of, over the surveyed households of one draw. Weights are
/// persons on the person basis, else households; inconsistency is always per household.
struct RateSums {
  std::array<double, kRuleFindingCount> num{};  ///< weight found at fault, per rule finding
  std::array<double, kStatusCount> weight{};    ///< weight surveyed, per status
  std::array<double, kStatusCount> households{};
  double approvals = 0;  ///< households approving (or the expected number, in the self-check)

  /// Adds one surveyed household: its status, weight, rule findings (bits 1 << Finding) and
  /// approval (1, 0, or a probability).
  void add(Status status, double w, uint16_t findings, double approval) {
    const int s = static_cast<int>(status);
    weight[s] += w;
    households[s] += 1;
    for (int f = 0; f < kRuleFindingCount; ++f)
      if (findings >> f & 1) num[f] += f == static_cast<int>(Finding::kInconsistency) ? 1.0 : w;
    approvals += approval;
  }
};

/// Persons of each status in the whole registry (households on the household basis): what
/// poverty_incidence applies the sample's rates to (SPEC §3).
struct CountyTotals {
  std::array<double, kStatusCount> weight{};  ///< index = Status
};

/// The county's totals of `h` on `basis`.
CountyTotals county_totals(const Households& h, RateBasis basis);

/// Rates of SPEC §3 with their parts. An empty denominator gives rate 0.
struct Rates {
  std::array<double, kRateCount> value{};        ///< in [0, 1]
  std::array<double, kRateCount> numerator{};    ///< persons or households
  std::array<double, kRateCount> denominator{};  ///< persons or households
};

/// The numerators and denominators of every rate: wrong_exit over exited, omission over
/// non_registered, mis_inclusion over poor + planned_exit, planned_exit_shortfall over
/// planned_exit, inconsistency over registered households, satisfaction approvals over all
/// surveyed households; poverty_incidence (综合贫困发生率) = (P_poor + r_shortfall · P_planned
/// + r_omission · P_nonreg + r_wrong_exit · P_exited) / P_all with P the county's totals and
/// r the rates just computed (0 for an empty county). Inline: the engine calls it once per
/// replicate.
inline Rates rates_of(const RateSums& s, const CountyTotals& county) {
  constexpr int P = static_cast<int>(Status::kPoor), Q = static_cast<int>(Status::kPlannedExit),
                E = static_cast<int>(Status::kExited), N = static_cast<int>(Status::kNonRegistered);
  Rates r;
  const auto set = [&](Rate rate, double num, double den) {
    const int k = static_cast<int>(rate);
    r.numerator[k] = num;
    r.denominator[k] = den;
    r.value[k] = den > 0 ? num / den : 0.0;
  };
  const auto num = [&](Finding f) { return s.num[static_cast<int>(f)]; };
  set(Rate::kWrongExit, num(Finding::kWrongExit), s.weight[E]);
  set(Rate::kOmission, num(Finding::kOmission), s.weight[N]);
  set(Rate::kMisInclusion, num(Finding::kMisInclusion), s.weight[P] + s.weight[Q]);
  set(Rate::kPlannedExitShortfall, num(Finding::kPlannedExitShortfall), s.weight[Q]);
  set(Rate::kInconsistency, num(Finding::kInconsistency),
      s.households[P] + s.households[Q] + s.households[E]);
  set(Rate::kSatisfaction, s.approvals,
      s.households[P] + s.households[Q] + s.households[E] + s.households[N]);
  const auto& c = county.weight;
  const auto value = [&](Rate rate) { return r.value[static_cast<int>(rate)]; };
  set(Rate::kPovertyIncidence,
      c[P] + value(Rate::kPlannedExitShortfall) * c[Q] + value(Rate::kOmission) * c[N] +
          value(Rate::kWrongExit) * c[E],
      c[P] + c[Q] + c[E] + c[N]);
  return r;
}

/// Whether every criterion holds (strict inequalities, as the evaluators apply them).
inline bool criteria_hold(const std::vector<Criterion>& criteria,
                          const std::array<double, kRateCount>& rate) {
  for (const Criterion& c : criteria)
    if (!c.holds(rate[static_cast<int>(c.rate)])) return false;
  return true;
}

/// The verdict: every criterion of standards.criteria must hold.
struct Verdict {
  bool pass = true;
  std::vector<Criterion> failed;  ///< in config order
};

/// Applies standards.criteria to the rates.
Verdict apply_criteria(const Rates& rates, const StandardsConfig& s);

/// Whether household i counts in the denominator of `rate` (by status; satisfaction: all).
bool in_denominator(const Households& h, std::size_t i, Rate rate);

}  // namespace kaoping
