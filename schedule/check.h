// An independent proof that a plan keeps every rule of SPEC §4 `schedule`, written apart
// from the planner so a planner bug cannot hide itself. Used by the tests on many random
// draws and by `kaoping schedule` before it writes anything. It shares with the planner the
// plan's structs and the rules (the configuration, travel_minutes), never a step.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "registry/registry.h"
#include "schedule/plan.h"
#include "schedule/schedule_config.h"

namespace kaoping {

/// A rule of SPEC §4 `schedule` that a plan breaks. Each kind names the fields of
/// PlanProblem it sets (besides `kind`); reports/ makes the words.
enum class ProblemKind {
  kGapWithoutVisit,  ///< gap: a visit-level gap names no visit, or another household's
  kGapTime,          ///< gap, visit: the gap's date or start is not its visit's
  /// gap, visit (-1 for kGuidesShort): what the gap states (counts, the staff it names as
  /// busy, language, group, notifier) is not what the roster, household or plan say.
  kGapFigures,
  kFalseNoGuide,             ///< gap, visit, staff: a no_guide gap, but `staff` leads the visit
  kFalseNoInterpreter,       ///< gap, visit, staff: a no_interpreter gap, but `staff` interprets
  kVisitCount,               ///< household, count: a sampled household visited `count` times
  kNotSampled,               ///< household (maybe out of range): visited but not in the sample
  kWrongVillage,             ///< visit, village: the household is not in the visit's village
  kDuration,                 ///< visit, count, expected: lasts `count` minutes, not `expected`
  kOutsideDay,               ///< visit, clock_from, clock_to: outside the working day
  kOverLunch,                ///< visit: overlaps lunch
  kOutsideWindow,            ///< visit, day_from, day_to: on a day outside schedule.start..end
  kNoSuchTeam,               ///< visit, team, enumerator: no such team or enumerator
  kNotVillageGuide,          ///< visit, staff, village: `staff` is not a guide of the village
  kUndeclaredNoGuide,        ///< visit: no guide and no gap says so
  kNeedlessInterpreter,      ///< visit, staff: an interpreter for a zh household
  kInterpreterLanguage,      ///< visit, staff, language: the interpreter does not speak it
  kInterpreterVillage,       ///< visit, staff: the interpreter belongs to another village
  kUndeclaredNoInterpreter,  ///< visit, language: no interpreter and no gap says so
  /// visit, other_visit, and staff (a guide or interpreter) or team and enumerator (staff
  /// -1): someone is at two visits at once.
  kDoubleBooked,
  /// visit, other_visit (the enumerator's visit before), team, enumerator, count (minutes
  /// between them), expected (schedule.walk_minutes): no time to walk to the next household.
  kNoWalk,
  /// visit, village, date, clock_from, count (minutes of travel), and staff (a pool
  /// interpreter) or team (staff -1): cannot reach the village in time.
  kUnreachable,
  kUndeclaredGuidesShort,     ///< village, count, expected: fewer guides and no gap says so
  kGuidesNotSpread,           ///< village, count, expected: visits led by too few guides
  kFalseGuidesShort,          ///< gap, village (maybe -1), count: not short of guides
  kNotificationWithoutVisit,  ///< notification: it names no visit
  kNotificationHousehold,     ///< visit, notification: for another household
  kNotifiedLate,              ///< visit, notification, date, clock_from: not before the visit
  kNotGroupContact,           ///< visit, notification, group: not by the group's contact
  kUndeclaredNoContact,       ///< visit, notification: no group contact and no gap says so
  kNotifierNotGuide,          ///< visit, notification, staff: notified by a non-guide
  kNotificationCount,         ///< visit, count: notified `count` times, not once (keep last)
};
/// How many kinds there are (kNotificationCount is the last).
inline constexpr int kProblemKindCount = static_cast<int>(ProblemKind::kNotificationCount) + 1;
/// A stable name of the kind ("double_booked"): the key of its words in reports/i18n.cpp.
std::string_view to_string(ProblemKind kind);

/// One broken rule, with the figures behind it. Indices as in Plan and Registry.
struct PlanProblem {
  ProblemKind kind = ProblemKind::kVisitCount;
  int visit = -1;         ///< index into Plan::visits
  int other_visit = -1;   ///< kDoubleBooked: the earlier of the two visits
  int gap = -1;           ///< index into Plan::gaps
  int notification = -1;  ///< index into Plan::notifications
  int household = -1;     ///< index into Registry::households
  int village = -1;       ///< index into Registry::villages
  int group = -1;         ///< index into Registry::groups
  int staff = -1;         ///< index into Registry::staff
  int team = 0, enumerator = 0;
  std::string language;
  Date date;                         ///< kUnreachable, kNotifiedLate: the day
  Date day_from, day_to;             ///< kOutsideWindow: the days visits may be on
  int clock_from = 0, clock_to = 0;  ///< minutes after midnight (kOutsideDay: the day)
  int count = 0, expected = 0;       ///< the figure found and the one the rule wants
};

/// Checks `plan` for the draw `households` (indices into reg.households) against `config`
/// and the roster reg.staff:
/// - every household visited exactly once, by a visit in its own village, and nothing else;
/// - each visit visit_minutes long, inside the working day, not over lunch, on a day from
///   schedule.start to the end of the window, by a team 1..teams and an enumerator
///   1..enumerators_per_team;
/// - nobody in two places at once: an enumerator, a team (one village at a time), a guide
///   or an interpreter (a guide interpreting the visit they lead counts once), and an
///   enumerator has schedule.walk_minutes between two households of one village;
/// - journeys fit (the travel model of plan.h) for each team and each county-pool
///   interpreter;
/// - each guide is a guide of the visit's village; each interpreter speaks the household's
///   language and is local (a guide or interpreter of that village) or from the pool; an
///   interpreter only for non-zh households;
/// - a visit without a guide, a non-zh visit without an interpreter, a village with fewer
///   guides than guides_per_village, a household notified by someone other than its group
///   contact: each listed in plan.gaps; every gap naming something really missing, with
///   the visit's time and the roster's figures;
/// - a village's visits led by at least min(guides_per_village, its guides, its visits)
///   distinct guides;
/// - one notification per visit, strictly before the visit starts, by the household's group
///   contact person (or a guide of the village, listed as a gap).
/// Appends one PlanProblem per violation to *problems; returns true when none.
bool check_plan(const Registry& reg, const std::vector<int>& households,
                const ScheduleConfig& config, const Plan& plan, std::vector<PlanProblem>* problems);

}  // namespace kaoping
