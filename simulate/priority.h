// The rankings every output shares: households by priority (which to put right first) and
// townships or villages by their pass probability when sampled (where the risk sits); and
// the rehearsal with its what-if, which puts the top of the first ranking right.
#pragma once

#include <cstddef>
#include <vector>

#include "simulate/simulation.h"

namespace kaoping {

/// Every household of the registry, highest priority first: found at fault in the most
/// failing replicates, then in the most replicates, then by registry order. Households never
/// found at fault come last. risk_households.csv, the report and --fix-top read this order.
std::vector<int> households_by_priority(const SimulationResult& result);

/// The first `k` households of households_by_priority that were found at fault in at least
/// one failing replicate (fewer when fewer were); k < 0 means all of them.
std::vector<int> top_priority_households(const SimulationResult& result, int k);

/// The units (townships or villages) that were ever sampled, lowest pass probability when
/// sampled first (compared exactly, as fractions), ties in registry order; at most `k`
/// (k < 0: all).
std::vector<int> units_by_risk(const std::vector<UnitRisk>& units, int k = -1);

/// The rehearsal with the what-if of `fixed` and, when fix_top > 0, of the fix_top
/// households of highest priority (added to `fixed`, without repeats): first the county as
/// it is, to rank them, then the same replicates again with them put right (common random
/// numbers). False and *err as run_simulation.
bool run_with_what_if(const Registry& reg, const EvaluationConfig& config, const Design& design,
                      SimulationOptions options, int fix_top, std::vector<int>* fixed,
                      SimulationResult* out, std::string* err);

}  // namespace kaoping
