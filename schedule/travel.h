// The travel model of `schedule` (docs/schedule.md): the places are the county seat and the
// villages; a move between two villages of one township goes through the township seat, a
// move between townships through the county seat, with the travel_minutes of SPEC §1
// rounded up to whole minutes. The planner plans with it and the checker proves journeys
// with it: it is the rule itself, like the working day of ScheduleConfig, not a step of
// the planner.
#pragma once

#include "registry/registry.h"

namespace kaoping {

/// Travel time between two places, whole minutes >= 0 (SPEC §1 travel_minutes rounded
/// up). A place is a village index, or -1 for the county seat.
int travel_minutes(const Registry& reg, int from, int to);

}  // namespace kaoping
