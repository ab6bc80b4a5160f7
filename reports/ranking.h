// The rankings every output shares: households by priority (which to put right first) and
// townships or villages by their pass probability when sampled (where the risk sits).
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

}  // namespace kaoping
