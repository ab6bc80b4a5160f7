// Configuration (SPEC §2): the compiled-in configs/default.yaml, deep-merged with a user file
// and --set overrides, checked, and turned into plain structs.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "registry/diagnostics.h"
#include "registry/registry.h"

namespace kaoping {

/// A calendar date (proleptic Gregorian).
struct Date {
  int year = 1970, month = 1, day = 1;
  /// Days since 1970-01-01 (negative before it).
  int64_t days() const;
  /// The date `days` days after 1970-01-01.
  static Date from_days(int64_t days);
  /// "YYYY-MM-DD"
  std::string str() const;
  friend bool operator==(const Date&, const Date&) = default;
  friend auto operator<=>(const Date&, const Date&) = default;
};
/// Parses "YYYY-MM-DD" strictly (valid month/day); false otherwise.
bool parse_date(const std::string& text, Date* out);
/// Parses "HH:MM" (00:00..24:00) into minutes after midnight; false otherwise.
bool parse_clock(const std::string& text, int* minutes);

enum class TownshipSelection { kSrs, kPps };
enum class TierMethod { kComposite, kPca, kLabel };
enum class RateBasis { kPerson, kHousehold };
enum class Identification { kIncome, kIncomeOrGuarantees };

/// The rates a criterion can name (SPEC §3).
enum class Rate : uint8_t {
  kWrongExit = 0,
  kOmission,
  kMisInclusion,
  kPlannedExitShortfall,
  kInconsistency,
  kSatisfaction
};
inline constexpr int kRateCount = 6;
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

/// design: how the evaluators draw the sample. Ranges are those load_config enforces.
struct DesignConfig {
  int townships = 3;  ///< drawn per county, >= 1
  TownshipSelection township_selection = TownshipSelection::kSrs;
  /// One village per listed tier and township; non-empty, no tier twice, in config order.
  std::vector<Tier> tiers = {Tier::kGood, Tier::kMedium, Tier::kPoor};
  TierMethod tier_method = TierMethod::kComposite;
  /// Composite-index weights of the z-scored indicators; each >= 0, not all 0.
  double weight_natural = 1, weight_transport = 1, weight_economic = 1;
  int households_per_village = 43;  ///< minimum per village, >= 1
  /// Quota per Category (poor includes planned_exit), index = Category; each >= 0.
  int quota[kCategoryCount] = {15, 13, 15};
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
};

struct EvaluatorConfig {
  double income_noise = 0.10;  ///< sigma of the mean-one lognormal income error, >= 0
  double presence = 0.95;      ///< default probability of being at home, [0,1]
  /// Default approval probability, index = Status; each in [0,1].
  double satisfaction[kStatusCount] = {0.95, 0.95, 0.93, 0.90};
};

struct SimulationConfig {
  int64_t runs = 100000;        ///< replicates, >= 1
  uint64_t seed = 20170905;     ///< any 64-bit value
  int threads = 0;              ///< 0 = all cores
  double target_halfwidth = 0;  ///< > 0: stop once the 95% CI half-width is reached
};

/// schedule: the visit plan. Checked: window_start <= start <= window_end and
/// day_start < lunch_start < lunch_end < day_end.
struct ScheduleConfig {
  Date window_start{2017, 9, 5}, window_end{2017, 9, 25};  ///< inclusive
  int teams = 3;                                           ///< >= 1
  int day_start = 8 * 60 + 30, day_end = 18 * 60;          ///< minutes after midnight, 0..1440
  int lunch_start = 12 * 60, lunch_end = 13 * 60 + 30;     ///< minutes after midnight
  int visit_minutes = 40;                                  ///< per household, >= 1
  Date start{2017, 9, 5};                                  ///< the day the evaluators arrive
  int enumerators_per_team = 3;                            ///< >= 1
  int guides_per_village = 3;                              ///< >= 1
};

struct Config {
  DesignConfig design;
  StandardsConfig standards;
  EvaluatorConfig evaluator;
  SimulationConfig simulation;
  ScheduleConfig schedule;
  /// The resolved configuration as YAML text (for manifest.json and reports).
  std::string resolved_yaml;
};

/// The text of configs/default.yaml compiled into the binary.
const std::string& default_config_yaml();

/// Builds the configuration: the default, deep-merged with `user_file` (when not empty; a
/// user's standards.criteria replaces the default list), then each "key.path=value" of
/// `overrides` in order (the value read as YAML: scalar, [list] or {map}). Every problem goes
/// to *diag with file:line:column: the user file as named, or for an override the file
/// "--set", line = the override's 1-based position in `overrides`, column = 1-based position
/// inside that "key.path=value" argument. On success fills *out (resolved_yaml included) and
/// returns true; on any error leaves *out untouched and returns false. See
/// docs/configuration.md for the rules and the messages.
bool load_config(const std::string& user_file, const std::vector<std::string>& overrides,
                 Config* out, Diagnostics* diag);

}  // namespace kaoping
