// An independent proof that a plan keeps every rule of SPEC §4 `schedule`, written apart
// from the planner so a planner bug cannot hide itself. Used by the tests on many random
// draws and by `kaoping schedule` before it writes anything.
#pragma once

#include <string>
#include <vector>

#include "registry/registry.h"
#include "schedule/plan.h"
#include "schedule/schedule_config.h"

namespace kaoping {

/// Checks `plan` for the draw `households` (indices into reg.households) against `config`
/// and the roster reg.staff:
/// - every household visited exactly once, by a visit in its own village, and nothing else;
/// - each visit visit_minutes long, inside the working day, not over lunch, on a day from
///   schedule.start to the end of the window, by a team 1..teams and an enumerator
///   1..enumerators_per_team;
/// - nobody in two places at once: an enumerator, a team (one village at a time), a guide
///   or an interpreter (a guide interpreting the visit they lead counts once);
/// - journeys fit (the travel model of plan.h) for each team and each county-pool
///   interpreter;
/// - each guide is a guide of the visit's village; each interpreter speaks the household's
///   language and is local (a guide or interpreter of that village) or from the pool; an
///   interpreter only for non-zh households;
/// - a visit without a guide, a non-zh visit without an interpreter, a village with fewer
///   guides than guides_per_village, a household notified by someone other than its group
///   contact: each listed in plan.gaps;
/// - a village's visits led by at least min(guides_per_village, its guides, its visits)
///   distinct guides;
/// - one notification per visit, strictly before the visit starts, by the household's group
///   contact person (or a guide of the village, listed as a gap).
/// Appends one English sentence per violation to *problems; returns true when none.
bool check_plan(const Registry& reg, const std::vector<int>& households,
                const ScheduleConfig& config, const Plan& plan, std::vector<std::string>* problems);

}  // namespace kaoping
