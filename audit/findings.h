// What a finding rests on (SPEC §3/§4): the figures and codes behind one finding of one
// household, as the audit judged it. The audit states the facts; the words for them, in
// either language, are made in reports/ (finding_detail_text), and findings.csv's `detail`
// is their English line.
#pragma once

#include <cstddef>
#include <cstdint>

#include "audit/rules.h"
#include "audit/standards.h"
#include "registry/registry.h"

namespace kaoping {

/// Which parts of 两不愁三保障 a household misses (guarantees_met of audit/rules.h is false
/// exactly when one of them is set).
struct GuaranteeGaps {
  bool food_insecure = false;      ///< food_secure is 0
  bool clothing_insecure = false;  ///< clothing_secure is 0
  bool water_unsafe = false;       ///< water_safe is 0
  /// Housing graded C or D and the household not relocated (relocation settles unsafe
  /// housing, so a relocated household has no housing gap whatever its grade).
  bool housing_unsafe = false;
  Housing housing = Housing::kA;  ///< the grade; C or D when housing_unsafe
  int dropouts = 0;               ///< children out of compulsory schooling; > 0 is a gap
  int uninsured = 0;              ///< members without basic medical insurance; > 0 is a gap
  bool operator==(const GuaranteeGaps&) const = default;
};

/// The figures and codes behind one finding. Only the members of the finding's own kind
/// are filled; the rest keep their defaults.
struct FindingDetail {
  Finding finding = Finding::kWrongExit;

  // The income test (wrong exit, omission, planned-exit shortfall, mis-inclusion).
  /// The income is the evaluator's assessed Î (the audit of a draw), not the recorded one.
  bool assessed = false;
  double income = 0;    ///< the income judged, yuan/year per capita (>= 0)
  double line = 0;      ///< the poverty line L, yuan/year per capita
  double multiple = 0;  ///< standards.mis_inclusion_income_multiple m (mis-inclusion only)
  /// The income is below the line, and that is part of the finding (wrong exit, omission,
  /// planned-exit shortfall).
  bool below_line = false;
  /// The income is at or above m·L, a reason of the mis-inclusion.
  bool above_multiple = false;
  /// The guarantees missed: for wrong exit and planned-exit shortfall always, for omission
  /// when standards.identification is income_or_guarantees (otherwise they do not count).
  GuaranteeGaps gaps{};

  /// Exclusion bits (registry/registry.h) of a mis-included household.
  uint16_t excluded = 0;

  // Inconsistency (三统一).
  bool archive_disagrees = false;  ///< the paper archive disagrees with the system
  /// The system's income differs from the field income by more than
  /// standards.income_tolerance of the field income.
  bool income_disagrees = false;
  double income_system = 0;       ///< the national system's income, yuan/year per capita
  double income_field = 0;        ///< the income verified in the field (households.csv)
  bool members_disagree = false;  ///< members.csv disagrees with the household row

  // Readiness (audit --all).
  int measure_count = 0;       ///< number of help measures (few_measures), 0–11
  Cause cause = Cause::kNone;  ///< main cause of poverty (measure_mismatch)
  uint16_t measures = 0;       ///< Measure bits (measure_mismatch)
  uint8_t missing_cards = 0;   ///< Card bits the household lacks (missing_cards)
  bool operator==(const FindingDetail&) const = default;
};

/// One finding of one household with what it rests on.
struct HouseholdFinding {
  int household = -1;    ///< index into Registry::households
  FindingDetail detail;  ///< the finding (detail.finding) and its figures
};

/// The figures behind finding `f` for household i judged at `income` (yuan/year per capita;
/// the recorded income in the self-check, the assessed Î in the audit of a draw, then with
/// `assessed`). It states what fails, not whether `f` fires: the caller asks the rules.
FindingDetail finding_detail(const Households& h, std::size_t i, Finding f,
                             const StandardsConfig& s, double income, bool assessed = false);

}  // namespace kaoping
