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
  /// Days since 1970-01-01.
  int64_t days() const;
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

struct DesignConfig {
  int townships = 3;
  TownshipSelection township_selection = TownshipSelection::kSrs;
  std::vector<Tier> tiers = {Tier::kGood, Tier::kMedium, Tier::kPoor};
  TierMethod tier_method = TierMethod::kComposite;
  double weight_natural = 1, weight_transport = 1, weight_economic = 1;
  int households_per_village = 43;
  /// Quota per Category (poor includes planned_exit), index = Category.
  int quota[kCategoryCount] = {15, 13, 15};
};

struct StandardsConfig {
  int assess_year = 2017;
  std::map<int, double> poverty_line = {{2014, 2800}, {2015, 2855}, {2016, 2952}, {2017, 3335}};
  RateBasis rate_basis = RateBasis::kPerson;
  Identification identification = Identification::kIncomeOrGuarantees;
  double mis_inclusion_income_multiple = 2.0;
  double income_tolerance = 0.2;
  std::vector<Criterion> criteria;  ///< in config order
  /// poverty_line[assess_year] (validated to exist).
  double line() const { return poverty_line.at(assess_year); }
};

struct EvaluatorConfig {
  double income_noise = 0.10;  ///< sigma of the mean-one lognormal income error
  double presence = 0.95;      ///< default probability of being at home
  /// Default approval probability, index = Status.
  double satisfaction[kStatusCount] = {0.95, 0.95, 0.93, 0.90};
};

struct SimulationConfig {
  int64_t runs = 100000;
  uint64_t seed = 20170905;
  int threads = 0;  ///< 0 = all cores
  double target_halfwidth = 0;
};

struct ScheduleConfig {
  Date window_start{2017, 9, 5}, window_end{2017, 9, 25};
  int teams = 3;
  int day_start = 8 * 60 + 30, day_end = 18 * 60;  ///< minutes after midnight
  int lunch_start = 12 * 60, lunch_end = 13 * 60 + 30;
  int visit_minutes = 40;
  Date start{2017, 9, 5};
  int enumerators_per_team = 3;
  int guides_per_village = 3;
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
/// `overrides` in order. Every problem goes to *diag with file:line:column (the user file,
/// or "--set" with column = position in the argument); returns false when there is any error.
bool load_config(const std::string& user_file, const std::vector<std::string>& overrides,
                 Config* out, Diagnostics* diag);

}  // namespace kaoping
