// A draw as CSV (SPEC §4 `sample` columns), written by `sample` and read back by `audit`
// and `schedule`, which also accept the evaluators' own list with only `household_id`.
#pragma once

#include <string>

#include "registry/diagnostics.h"
#include "registry/registry.h"
#include "sampler/draw.h"

namespace kaoping {

/// CSV text of a draw: township_id, village_id, tier, household_id, category, role,
/// reserve_rank, inclusion_prob, weight.
std::string draw_to_csv(const Registry& reg, const Draw& draw);

/// Reads a draw from CSV. Unknown household ids, ids repeated, a household whose village
/// or township disagrees with the registry (a draw from another registry) are errors at
/// file:line:column. With only `household_id` (the evaluators' list), every row is a sample
/// row, village/township/tier/category are taken from the registry and inclusion_prob is 0.
bool read_draw_csv(const std::string& path, const Registry& reg, Draw* out, Diagnostics* diag);

}  // namespace kaoping
