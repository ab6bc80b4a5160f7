// standards and evaluator (SPEC §2): what the evaluators check and how they err, as the
// audit and the engine read it.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string_view>
#include <vector>

#include "registry/registry.h"
#include "sampler/design_config.h"
#include "util/diagnostics.h"

namespace kaoping {

enum class RateBasis { kPerson, kHousehold };
enum class Identification { kIncome, kIncomeOrGuarantees };

/// The rates a criterion can name (SPEC §3).
enum class Rate : uint8_t {
  kWrongExit = 0,
  kOmission,
  kMisInclusion,
  kPlannedExitShortfall,
  kInconsistency,
  kSatisfaction,
  /// 综合贫困发生率 of the county exit assessment: the sample's rates applied to the county's
  /// totals (SPEC §3, rates_of in audit/rates.h).
  kPovertyIncidence
};
inline constexpr int kRateCount = 7;
std::string_view to_string(Rate r);
std::optional<Rate> parse_rate(std::string_view s);

struct Criterion {
  Rate rate = Rate::kWrongExit;
  bool below = true;  ///< true: rate < threshold passes; false: rate > threshold passes
  double threshold = 0.02;
  /// Strict inequality, as the evaluators apply it.
  bool holds(double rate_value) const {
    return below ? rate_value < threshold : rate_value > threshold;
  }
};

/// standards: what the evaluators check.
struct StandardsConfig {
  int assess_year = 2017;  ///< 1900..2100, a key of poverty_line
  /// Year -> per-capita net income line, yuan/year, each > 0.
  std::map<int, double> poverty_line = {{2014, 2800}, {2015, 2855}, {2016, 2952}, {2017, 3335}};
  RateBasis rate_basis = RateBasis::kPerson;
  Identification identification = Identification::kIncomeOrGuarantees;
  double mis_inclusion_income_multiple = 2.0;  ///< of the line, >= 1
  double income_tolerance = 0.2;    ///< relative system-vs-field income gap allowed, >= 0
  std::vector<Criterion> criteria;  ///< in config order
  /// poverty_line[assess_year] (validated to exist).
  double line() const { return poverty_line.at(assess_year); }
  /// Where each value was written ("design.townships" -> my.yaml:4:3), for the semantic
  /// errors of the modules that use it.
  KeyLocations locs;
};

struct EvaluatorConfig {
  double income_noise = 0.10;  ///< sigma of the mean-one lognormal income error, >= 0
  double presence = 0.95;      ///< default probability of being at home, [0,1]
  /// Default approval probability, index = Status; each in [0,1].
  double satisfaction[kStatusCount] = {0.95, 0.95, 0.93, 0.90};
  /// Probability that the evaluators find an unverified household (verified = 0) at fault,
  /// index = Status, each in [0,1] (SPEC §3): assumptions the office sets from its own
  /// verification, used when the household has no fault_prior of its own.
  double unverified_fault[kStatusCount] = {0.005, 0.005, 0.02, 0.01};
  /// Where each value was written ("design.townships" -> my.yaml:4:3), for the semantic
  /// errors of the modules that use it.
  KeyLocations locs;
};

/// What the evaluation is: how the evaluators draw (design), what they check (standards) and
/// how they err (evaluator). The audit, the engine, the OC curve and the reports read it; the
/// full Config of config/ adds the run's and the schedule's settings.
struct EvaluationConfig {
  DesignConfig design;
  StandardsConfig standards;
  EvaluatorConfig evaluator;
};

}  // namespace kaoping
