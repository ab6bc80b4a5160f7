// A draw as CSV (SPEC §4 `sample` columns), written by `sample` and read back by `audit`
// and `schedule`, which also accept the evaluators' own list with only `household_id`.
#pragma once

#include <string>

#include "registry/registry.h"
#include "sampler/design.h"
#include "sampler/draw.h"
#include "util/diagnostics.h"

namespace kaoping {

/// CSV text of a draw: township_id, village_id, tier, household_id, category, role,
/// reserve_rank, inclusion_prob, weight (probabilities with round-trip precision).
std::string draw_to_csv(const Registry& reg, const Draw& draw);

/// Reads a draw from CSV. Unknown household ids, ids repeated, a household whose village,
/// township or category disagrees with the registry (a draw from another registry), bad
/// tier/role/reserve_rank/inclusion_prob cells are errors at file:line:column (file = `path`
/// as given). With only `household_id` (the evaluators' list), every row is a sample row,
/// village/township/category are taken from the registry, the tier from `design` (when not
/// null; else the village's label, else medium) and inclusion_prob is 0 (unknown).
/// Draw::townships and Draw::villages list the units in order of first appearance.
bool read_draw_csv(const std::string& path, const Registry& reg, const Design* design, Draw* out,
                   Diagnostics* diag);

/// Same, without a design (tiers of a list without a `tier` column from the village label).
bool read_draw_csv(const std::string& path, const Registry& reg, Draw* out, Diagnostics* diag);

/// Same, with the tiers of the design of `config` when it can be built (a list can still be
/// read on a county whose design cannot be drawn: then as without a design).
bool read_draw_csv_with_design(const std::string& path, const Registry& reg,
                               const DesignConfig& config, Draw* out, Diagnostics* diag);

/// Reads a list of household ids (a --fix list): a CSV file with a `household_id` column
/// (other columns ignored), or plain text with one id per line (blank lines and lines
/// starting with '#' skipped). Unknown ids are errors at file:line:column. Indices go to
/// *out, without repeats, in file order. False on any error.
bool read_household_list(const std::string& path, const Registry& reg, std::vector<int>* out,
                         Diagnostics* diag);

}  // namespace kaoping
