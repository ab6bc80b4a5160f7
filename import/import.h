// `kaoping import` (SPEC §6): the county's exports, rosters, verification, villages and staff
// sheets into a §1 registry, and import.json saying how.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "import/workbook.h"
#include "registry/registry.h"
#include "util/diagnostics.h"

namespace kaoping {

/// The inputs, as named on the command line (each may carry #SHEET or #*).
struct ImportInputs {
  std::vector<std::string> exports;        ///< --export: registered households, person rows
  std::vector<std::string> rosters;        ///< --roster: households outside the registry
  std::vector<std::string> verifications;  ///< --verification: the office's visits
  std::string villages;                    ///< --villages: one row per village
  std::string staff;                       ///< --staff: guides and interpreters
  std::string mapping;                     ///< --mapping: YAML headers and values
};

/// What import takes from the configuration (filled by cli/ from standards and import).
struct ImportOptions {
  int assess_year = 2017;  ///< ages are counted on 1 September of this year
  /// Registered households not in a verification sheet are verified (import.registered_verified).
  bool registered_verified = true;
  ReadLimits limits;
  /// Repeated warnings of one kind (a person's ID without a birth date, a household whose
  /// rows do not add up to 人数) are shown one by one up to this many, then counted.
  std::size_t warnings_per_kind = 20;
};

/// The outcome of an import: the registry and the text of import.json.
struct ImportResult {
  Registry registry;
  std::string import_json;
  /// Counts for the summary line (also in import.json).
  std::size_t households = 0, persons = 0, members = 0, unverified = 0, roster_merged = 0;
  std::size_t by_status[kStatusCount] = {};
  std::size_t warnings = 0;
  /// Every file read (paths without #SHEET), for the check that no output replaces an input.
  std::vector<std::string> input_paths;
};

/// Reads every input, builds the registry as SPEC §6 says, and checks it with
/// validate_registry. Every problem goes to *diag at its cell (FILE:SHEET!CELL, or
/// file:line:column in a CSV), ID numbers masked; false when there is any error, and then
/// *out is unspecified and nothing may be written.
bool import_registry(const ImportInputs& inputs, const ImportOptions& options, ImportResult* out,
                     Diagnostics* diag);

/// Writes the registry (write_registry) and import.json into `dir`: into a scratch directory
/// inside it first, then renamed into place, so that a failure leaves no partial registry.
/// `dir` is created when missing; an existing non-empty one only with `force` (§1 files the
/// import does not write, such as an old staff.csv, are then removed). No output may replace
/// one of `inputs`. False with *err otherwise.
bool write_import(const ImportResult& result, const std::string& dir, bool force,
                  const std::vector<std::string>& inputs, std::string* err, Lang lang = Lang::kEn);

/// The check write_import makes on `dir` before anything is read, so that a run that cannot
/// write fails at once: `dir` is not a file, and is empty (or `force`), and is no input.
bool check_import_dir(const std::string& dir, bool force, const std::vector<std::string>& inputs,
                      std::string* err, Lang lang = Lang::kEn);

/// Every file `inputs` names (without #SHEET), for the check that no output replaces one.
std::vector<std::string> input_paths(const ImportInputs& inputs);

/// An ID number as messages show it: the first 6 and last 4 characters kept, the rest '*'.
std::string masked_id(std::string_view id);

}  // namespace kaoping
