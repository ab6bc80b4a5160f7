// The people of a plan (docs/schedule.md, steps 4 and 5): which guide leads each visit and
// who interprets, once plan.cpp has fixed the times. Internal to the planner: the checker
// must not use it, so that a fault here cannot prove itself.
#pragma once

#include <cstdint>
#include <map>
#include <span>
#include <vector>

#include "registry/registry.h"
#include "schedule/plan.h"
#include "schedule/schedule_config.h"

namespace kaoping {

/// The roster by village, each list in staff id order (indices into Registry::staff).
struct Roster {
  std::map<int, std::vector<int>> guides;        ///< village -> its guides
  std::map<int, std::vector<int>> interpreters;  ///< village -> its own interpreters
  std::vector<int> pool;                         ///< the county's interpreters (no village)

  /// The guides of `village`; empty when it has none.
  std::span<const int> guides_of(int village) const;
  /// The interpreters who live in `village`; empty when it has none.
  std::span<const int> interpreters_of(int village) const;
};

/// Sorts the roster by village and role.
Roster make_roster(const std::vector<Staff>& staff);

/// A kGuidesShort gap for each of `villages` whose roster has fewer than
/// `guides_per_village` guides, in the order given.
void add_guides_short(const Roster& roster, const std::vector<int>& villages,
                      int guides_per_village, std::vector<Gap>* gaps);

/// Sets PlannedVisit::guide and ::interpreter on plan->visits (ordered by date, start,
/// team, enumerator), round by round in time order, and appends a kNoGuide or
/// kNoInterpreter gap for each visit that goes without.
void assign_people(const Registry& reg, const ScheduleConfig& c, const Roster& roster, Plan* plan);

/// Minimum-cost assignment of rows to columns (rows <= columns), the Hungarian method in
/// the O(n^2 m) potentials form of Kuhn-Munkres (Jonker-Volgenant style shortest
/// augmenting paths). Returns the column of each row.
std::vector<int> hungarian(const std::vector<std::vector<int64_t>>& cost);

}  // namespace kaoping
