// Configuration (SPEC §2): the compiled-in configs/default.yaml, deep-merged with a user file
// and --set overrides, checked, and turned into plain structs.
#pragma once

#include <string>
#include <vector>

#include "audit/standards.h"
#include "import/import_config.h"
#include "sampler/design_config.h"
#include "schedule/schedule_config.h"
#include "simulate/simulation_config.h"
#include "util/diagnostics.h"

namespace kaoping {

/// The whole configuration: the evaluation (design, standards, evaluator) and the run's and
/// the schedule's settings.
struct Config : EvaluationConfig {
  /// county.name: shown on every report; empty: the registry folder's name.
  std::string county_name;
  SimulationConfig simulation;
  ScheduleConfig schedule;
  ImportConfig import;
  SensitivityConfig sensitivity;  ///< ranges of simulate --sensitivity
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
