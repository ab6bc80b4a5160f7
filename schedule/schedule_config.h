// schedule (SPEC §2): the window, the teams and the working day of the visit plan.
#pragma once

#include "util/date.h"
#include "util/diagnostics.h"

namespace kaoping {

/// schedule: the visit plan. Checked: window_start <= start <= window_end and
/// day_start < lunch_start < lunch_end < day_end.
struct ScheduleConfig {
  Date window_start{2017, 9, 5}, window_end{2017, 9, 25};  ///< inclusive
  int teams = 3;                                           ///< >= 1
  int day_start = 8 * 60 + 30, day_end = 18 * 60;          ///< minutes after midnight, 0..1440
  int lunch_start = 12 * 60, lunch_end = 13 * 60 + 30;     ///< minutes after midnight
  int visit_minutes = 40;                                  ///< per household, >= 1
  Date start{2017, 9, 5};                                  ///< the day the evaluators arrive
  int enumerators_per_team = 3;                            ///< >= 1
  int guides_per_village = 3;                              ///< >= 1
  int walk_minutes = 5;  ///< walk between two households of one village, >= 0
  /// Where each value was written ("design.townships" -> my.yaml:4:3), for the semantic
  /// errors of the modules that use it.
  KeyLocations locs;
};

}  // namespace kaoping
