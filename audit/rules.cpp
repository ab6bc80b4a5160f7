#include "audit/rules.h"

#include <array>
#include <cmath>
#include <limits>

namespace kaoping {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

/// Φ at a threshold that may be infinite (certainty).
double cdf_at(double z) {
  return std::isinf(z) ? (z > 0 ? 1.0 : 0.0) : normal_cdf(z);
}

uint8_t bit(Finding f) {
  return static_cast<uint8_t>(1u << static_cast<int>(f));
}

}  // namespace

double normal_cdf(double x) {
  return 0.5 * std::erfc(-x * M_SQRT1_2);
}

std::string_view to_string(Finding f) {
  static constexpr std::array<std::string_view, kFindingCount> kNames = {
      "wrong_exit",    "omission",     "mis_inclusion",    "planned_exit_shortfall",
      "inconsistency", "few_measures", "measure_mismatch", "missing_cards"};
  return kNames[static_cast<int>(f)];
}

bool moves_rate(Finding f, Rate rate) {
  if (rate == Rate::kPovertyIncidence)
    return f == Finding::kWrongExit || f == Finding::kOmission ||
           f == Finding::kPlannedExitShortfall;
  return static_cast<int>(f) < kRuleFindingCount && rate_of(f) == rate;
}

Rate rate_of(Finding f) {
  switch (f) {
    case Finding::kWrongExit:
      return Rate::kWrongExit;
    case Finding::kOmission:
      return Rate::kOmission;
    case Finding::kMisInclusion:
      return Rate::kMisInclusion;
    case Finding::kPlannedExitShortfall:
      return Rate::kPlannedExitShortfall;
    default:
      return Rate::kInconsistency;
  }
}

bool guarantees_met(const Households& h, std::size_t i) {
  const bool housing_safe =
      h.housing[i] == Housing::kA || h.housing[i] == Housing::kB || h.relocated[i];
  return h.food_secure[i] && h.clothing_secure[i] && h.water_safe[i] && housing_safe &&
         h.dropouts[i] == 0 && h.uninsured[i] == 0;
}

IncomeThresholds income_thresholds(double income, const StandardsConfig& s, double sigma) {
  const double line = s.line();
  const double rich = s.mis_inclusion_income_multiple * line;
  IncomeThresholds t;
  if (income <= 0) {
    t.z_below = kInf;  // assessed income 0: always below the line, never rich
    t.z_rich = kInf;
  } else if (sigma <= 0) {
    t.z_below = income < line ? kInf : -kInf;
    t.z_rich = income >= rich ? -kInf : kInf;
  } else {
    const double half_var = 0.5 * sigma * sigma;
    t.z_below = (std::log(line / income) + half_var) / sigma;
    t.z_rich = (std::log(rich / income) + half_var) / sigma;
  }
  return t;
}

double assessed_income(double income, double sigma, double z) {
  return income * std::exp(sigma * z - 0.5 * sigma * sigma);
}

bool rule_fires(const Households& h, std::size_t i, Finding f, const StandardsConfig& s,
                double assessed) {
  const Status st = h.status[i];
  const double line = s.line();
  // An unknown income (an unverified household without one) neither meets nor fails the
  // income tests (SPEC §3): only the guarantees and the exclusion codes can decide.
  const bool income_meets_line = std::isnan(assessed) || assessed >= line;
  switch (f) {
    case Finding::kWrongExit:
      return st == Status::kExited && !(income_meets_line && guarantees_met(h, i));
    case Finding::kOmission:
      if (st != Status::kNonRegistered || h.excluded[i] != 0) return false;
      if (assessed < line) return true;
      return s.identification == Identification::kIncomeOrGuarantees && !guarantees_met(h, i);
    case Finding::kMisInclusion:
      if (st != Status::kPoor && st != Status::kPlannedExit) return false;
      return h.excluded[i] != 0 || assessed >= s.mis_inclusion_income_multiple * line;
    case Finding::kPlannedExitShortfall:
      return st == Status::kPlannedExit && !(income_meets_line && guarantees_met(h, i));
    case Finding::kInconsistency:
      if (!is_registered(st)) return false;
      return !h.archive_consistent[i] || h.members_mismatch[i] ||
             std::abs(h.income_system[i] - h.income[i]) > s.income_tolerance * h.income[i];
    default:
      return false;
  }
}

RuleClass classify(const Households& h, std::size_t i, const StandardsConfig& s, double sigma) {
  RuleClass c;
  const Status status = h.status[i];
  const bool guarantees = guarantees_met(h, i);
  const bool excluded = h.excluded[i] != 0;
  switch (status) {
    case Status::kExited:  // wrong exit: guarantees not met, or assessed below the line
      (guarantees ? c.below : c.always) |= bit(Finding::kWrongExit);
      break;
    case Status::kNonRegistered:  // omission: no exclusion, and below the line (or guarantees)
      if (!excluded) {
        const bool by_guarantees =
            s.identification == Identification::kIncomeOrGuarantees && !guarantees;
        (by_guarantees ? c.always : c.below) |= bit(Finding::kOmission);
      }
      break;
    case Status::kPlannedExit:  // shortfall like a wrong exit, and mis-inclusion like the poor
      (guarantees ? c.below : c.always) |= bit(Finding::kPlannedExitShortfall);
      [[fallthrough]];
    case Status::kPoor:  // mis-inclusion: an exclusion code, or assessed rich
      (excluded ? c.always : c.rich) |= bit(Finding::kMisInclusion);
      break;
  }
  if (rule_fires(h, i, Finding::kInconsistency, s, h.income[i]))
    c.always |= bit(Finding::kInconsistency);
  if (std::isnan(h.income[i])) {  // an unknown income decides no income test
    c.below = c.rich = 0;
    c.z = {-kInf, kInf};
  } else {
    c.z = income_thresholds(h.income[i], s, sigma);
  }
  c.p_below = cdf_at(c.z.z_below);
  c.p_not_rich = cdf_at(c.z.z_rich);
  return c;
}

double rule_probability(const Households& h, std::size_t i, Finding f, const StandardsConfig& s,
                        double sigma) {
  const RuleClass c = classify(h, i, s, sigma);
  const uint8_t b = bit(f);
  if (c.always & b) return 1.0;
  if (c.below & b) return c.p_below;
  if (c.rich & b) return 1.0 - c.p_not_rich;
  return 0.0;
}

FaultPrior fault_prior(const Households& h, std::size_t i, const EvaluatorConfig& e) {
  if (h.verified[i]) return {};
  const Status st = h.status[i];
  FaultPrior f;
  f.p = std::isnan(h.fault_prior[i]) ? e.unverified_fault[static_cast<int>(st)] : h.fault_prior[i];
  switch (st) {
    case Status::kNonRegistered:
      f.findings = bit(Finding::kOmission);
      break;
    case Status::kExited:
      f.findings = bit(Finding::kWrongExit);
      break;
    case Status::kPlannedExit:
      f.findings = bit(Finding::kMisInclusion) | bit(Finding::kPlannedExitShortfall);
      break;
    case Status::kPoor:
      f.findings = bit(Finding::kMisInclusion);
      break;
  }
  if (!(f.p > 0)) f = {};
  return f;
}

double approval_probability(const Households& h, std::size_t i, const EvaluatorConfig& e) {
  const double own = h.satisfaction[i];
  return std::isnan(own) ? e.satisfaction[static_cast<int>(h.status[i])] : own;
}

double presence_probability(const Households& h, std::size_t i, const EvaluatorConfig& e) {
  const double own = h.presence[i];
  return std::isnan(own) ? e.presence : own;
}

bool few_measures(const Households& h, std::size_t i) {
  return is_registered(h.status[i]) && popcount16(h.measures[i]) < 4;
}

bool measure_mismatch(const Households& h, std::size_t i) {
  if (!is_registered(h.status[i])) return false;
  const uint16_t answering = measures_answering(h.cause[i]);
  return answering != 0 && (h.measures[i] & answering) == 0;
}

bool missing_cards(const Households& h, std::size_t i) {
  return is_registered(h.status[i]) && (h.cards[i] & kAllCards) != kAllCards;
}

}  // namespace kaoping
