#include "audit/rates.h"

namespace kaoping {

CountyTotals county_totals(const Households& h, RateBasis basis) {
  CountyTotals c;
  for (std::size_t i = 0; i < h.count(); ++i)
    c.weight[static_cast<int>(h.status[i])] +=
        basis == RateBasis::kPerson ? static_cast<double>(h.size[i]) : 1.0;
  return c;
}

Verdict apply_criteria(const Rates& rates, const StandardsConfig& s) {
  Verdict v;
  for (const Criterion& c : s.criteria) {
    if (!c.holds(rates.value[static_cast<int>(c.rate)])) {
      v.pass = false;
      v.failed.push_back(c);
    }
  }
  return v;
}

bool in_denominator(const Households& h, std::size_t i, Rate rate) {
  const Status st = h.status[i];
  switch (rate) {
    case Rate::kWrongExit:
      return st == Status::kExited;
    case Rate::kOmission:
      return st == Status::kNonRegistered;
    case Rate::kMisInclusion:
      return st == Status::kPoor || st == Status::kPlannedExit;
    case Rate::kPlannedExitShortfall:
      return st == Status::kPlannedExit;
    case Rate::kInconsistency:
      return is_registered(st);
    case Rate::kSatisfaction:
    case Rate::kPovertyIncidence:  // its sample rates' denominators, applied to the county
      return true;
  }
  return false;
}

}  // namespace kaoping
