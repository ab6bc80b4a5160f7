#include "audit/findings.h"

#include <cmath>

namespace kaoping {
namespace {

/// What keeps household i from 两不愁三保障, as guarantees_met judges it.
GuaranteeGaps guarantee_gaps(const Households& h, std::size_t i) {
  GuaranteeGaps g;
  g.food_insecure = !h.food_secure[i];
  g.clothing_insecure = !h.clothing_secure[i];
  g.water_unsafe = !h.water_safe[i];
  g.housing = h.housing[i];
  g.housing_unsafe =
      (h.housing[i] == Housing::kC || h.housing[i] == Housing::kD) && !h.relocated[i];
  g.dropouts = h.dropouts[i];
  g.uninsured = h.uninsured[i];
  return g;
}

}  // namespace

FindingDetail finding_detail(const Households& h, std::size_t i, Finding f,
                             const StandardsConfig& s, double income, bool assessed) {
  FindingDetail d;
  d.finding = f;
  const double line = s.line();
  switch (f) {
    case Finding::kWrongExit:
    case Finding::kPlannedExitShortfall:
      d.assessed = assessed;
      d.income = income;
      d.line = line;
      d.below_line = !(income >= line);
      d.gaps = guarantee_gaps(h, i);
      break;
    case Finding::kOmission:
      d.assessed = assessed;
      d.income = income;
      d.line = line;
      d.below_line = income < line;
      // Under income_only the guarantees do not make an omission, so they are no reason.
      if (s.identification == Identification::kIncomeOrGuarantees) d.gaps = guarantee_gaps(h, i);
      break;
    case Finding::kMisInclusion:
      d.assessed = assessed;
      d.income = income;
      d.line = line;
      d.multiple = s.mis_inclusion_income_multiple;
      d.excluded = h.excluded[i];
      d.above_multiple = income >= s.mis_inclusion_income_multiple * line;
      break;
    case Finding::kInconsistency:
      d.archive_disagrees = !h.archive_consistent[i];
      d.income_system = h.income_system[i];
      d.income_field = h.income[i];
      d.income_disagrees =
          std::abs(h.income_system[i] - h.income[i]) > s.income_tolerance * h.income[i];
      d.members_disagree = h.members_mismatch[i] != 0;
      break;
    case Finding::kFewMeasures:
      d.measure_count = popcount16(h.measures[i]);
      break;
    case Finding::kMeasureMismatch:
      d.cause = h.cause[i];
      d.measures = h.measures[i];
      break;
    case Finding::kMissingCards:
      d.missing_cards = static_cast<uint8_t>(kAllCards & ~static_cast<uint32_t>(h.cards[i]));
      break;
  }
  return d;
}

}  // namespace kaoping
