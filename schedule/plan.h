// The field plan of `schedule` (SPEC §4, DOMAIN.md §1): which evaluator team visits which
// sampled household when, which village guide leads each visit, who interprets for
// households that do not speak zh, and who tells each household to wait at home.
//
// Model of time and travel (docs/schedule.md):
// - every day from schedule.start to the end of the window is a working day, with visits
//   inside [day start, day end), never overlapping lunch, starting on the five minutes;
// - the places are the county seat and the villages; a move between two villages of one
//   township goes through the township seat, a move between townships through the county
//   seat (travel_minutes of SPEC §1, rounded up to whole minutes);
// - whoever moves between villages (a team, a county-pool interpreter) travels inside the
//   working day (lunch may be spent on the road) and stays overnight where the last visit
//   of the day was: the first move of a day starts at the day start from there, and the
//   very first from the county seat;
// - guides and village interpreters live in their village and never travel.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "registry/registry.h"
#include "sampler/draw.h"
#include "schedule/schedule_config.h"
#include "schedule/travel.h"
#include "util/date.h"

namespace kaoping {

/// The evening hour at which the group contact tells a household to wait at home the next
/// day, minutes after midnight (19:00).
inline constexpr int kNotifyMinutes = 19 * 60;

/// One household visit.
struct PlannedVisit {
  Date date;
  int start = 0, end = 0;  ///< minutes after midnight, end = start + visit_minutes
  int team = 0;            ///< 1 .. schedule.teams
  int enumerator = 0;      ///< 1 .. schedule.enumerators_per_team, within the team
  int household = -1;      ///< index into Registry::households
  int village = -1;        ///< index into Registry::villages
  int guide = -1;          ///< index into Registry::staff, -1 when no guide was free (a gap)
  int interpreter = -1;    ///< index into Registry::staff; -1 when not needed or a gap
};

/// Who tells a household, and when, to wait at home for its visit.
struct Notification {
  Date date;        ///< the evening before the visit
  int minutes = 0;  ///< minutes after midnight
  int visit = -1;   ///< index into Plan::visits
  int household = -1;
  std::string contact_name, contact_phone;
  int group = -1;  ///< the group whose contact notifies, -1 for a fallback
  int staff = -1;  ///< the guide who notifies instead (fallback), -1 otherwise
};

/// What the roster cannot cover.
enum class GapKind {
  kGuidesShort,    ///< a village has fewer guides than schedule.guides_per_village
  kNoGuide,        ///< a visit without a guide: every guide of the village is busy or none
  kNoInterpreter,  ///< a non-zh visit nobody free can interpret
  kNoContact,      ///< a household without a group contact person (a guide notifies)
};
/// The name of gaps.csv's `kind` column: guides_short, no_guide, no_interpreter, no_contact.
std::string_view to_string(GapKind kind);

/// One thing the roster cannot cover, with the figures behind it. The words are made by
/// reports/ (gaps.csv's `detail`, the report) from these fields; which fields a kind sets:
/// - kGuidesShort: village, guides, guides_needed, busy (the village's guides);
/// - kNoGuide: village, household, visit, date, start, guides, busy (all of them leading
///   other visits of the round; none when the roster has no guide for the village);
/// - kNoInterpreter: village, household, visit, date, start, language, busy (everyone on
///   the roster for the village who speaks it, all taken or too far; none when nobody does);
/// - kNoContact: village, household, visit, date, start, group, notifier.
struct Gap {
  GapKind kind = GapKind::kGuidesShort;
  int village = -1;       ///< index into Registry::villages
  int household = -1;     ///< index, -1 for a village-level gap
  int visit = -1;         ///< index into Plan::visits, -1 for a village-level gap
  Date date;              ///< the visit's day (visit-level gaps)
  int start = -1;         ///< the visit's start, minutes after midnight; -1 for a village-level gap
  std::string language;   ///< kNoInterpreter: the household's language code ("yi")
  int guides = 0;         ///< kGuidesShort, kNoGuide: the village's guides on the roster
  int guides_needed = 0;  ///< kGuidesShort: schedule.guides_per_village
  /// kGuidesShort, kNoGuide: the village's guides in staff id order; kNoInterpreter: the
  /// speakers of the language, the village's guides, then its interpreters, then the county
  /// pool, each in staff id order. Indices into Registry::staff.
  std::vector<int> busy;
  int group = -1;     ///< kNoContact: index into Registry::groups, -1 when the household has none
  int notifier = -1;  ///< kNoContact: the guide who notifies instead (Registry::staff), -1: nobody
};

struct Plan {
  std::vector<PlannedVisit> visits;         ///< ordered by date, start, team, enumerator
  std::vector<Notification> notifications;  ///< one per visit, ordered like the visits
  /// Reserve households told to stand by (add_standby): one notice for each day their
  /// village is visited, `visit` the first visit of that day there, the notice the evening
  /// before it; no visit of their own unless one replaces an absent household.
  std::vector<Notification> standby;
  std::vector<Gap> gaps;
  int villages = 0;  ///< villages visited
  Date first_day, last_day;
};

/// "HH:MM" for minutes after midnight in [0, 1440].
std::string format_clock(int minutes);

/// The households to visit: the sample rows of a draw (reserves are not visited).
std::vector<int> sampled_households(const Draw& draw);
/// Reserves per sample household told to stand by: one for every kStandbyPer households
/// of a village's category in sample (rounded up), the first of its reserve list.
inline constexpr int kStandbyPer = 5;
/// The reserve households to stand by (see kStandbyPer), in draw order.
std::vector<int> standby_households(const Draw& draw);
/// Tells each of `reserves` (indices into reg.households) whose village the plan visits to
/// stand by: Plan::standby, one per household and day the village is visited (a village of
/// two days gets two), by its group contact person (else the village's first guide), the
/// evening before that day's first visit there; ordered like the visits they follow, then
/// by household id.
void add_standby(const Registry& reg, const std::vector<int>& reserves, Plan* plan);

/// Plans the visits of `households` (indices into reg.households, each at most once) with
/// the roster reg.staff and `config`. Villages go to teams in contiguous runs of the order
/// (township travel from the county seat, then village travel from the township seat),
/// split to minimise the last team's finishing time (linear partition by dynamic
/// programming over exactly simulated runs); guides are matched to each round of parallel
/// visits by the Hungarian method. What the roster cannot cover goes to Plan::gaps.
/// Returns false and sets *err only when the plan is impossible: bad schedule settings, a
/// visit or a journey that cannot fit in a working day, or visits that do not fit before
/// the end of the window.
bool plan_schedule(const Registry& reg, const std::vector<int>& households,
                   const ScheduleConfig& config, Plan* out, std::string* err);

}  // namespace kaoping
