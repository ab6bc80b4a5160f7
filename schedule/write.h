// The files of `schedule` (SPEC §4) that are data rather than sentences: schedule.csv,
// notifications.csv, itineraries.csv and schedule.ics. gaps.csv, whose `detail` is a
// sentence, is made in reports/schedule_report.h, which also writes the five files. ID
// numbers never appear; phones only in notifications.csv.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "registry/registry.h"
#include "schedule/plan.h"
#include "schedule/schedule_config.h"

namespace kaoping {

/// One row per visit: date, start, end, team, enumerator, township_id, village_id,
/// group_id, household_id, guide_id, interpreter_id, then township_name, village_name,
/// group_name, head_name, language, guide_name, interpreter_name.
std::string schedule_csv(const Registry& reg, const Plan& plan);

/// One row per visit: notify_at ("YYYY-MM-DD HH:MM"), contact_name, contact_phone,
/// household_id, visit_date, visit_start, then village_id, group_id, head_name,
/// notifier (`group` contact or `guide` standing in) and standby (1 for a reserve household
/// told to stand by, one row for each day its village is visited, visit_start empty; 0
/// otherwise).
std::string notifications_csv(const Registry& reg, const Plan& plan);

/// Each guide's, interpreter's and team's day: staff_id, name, role
/// (guide|interpreter|team), date, start, end, village_id, household_id, activity
/// (lead, interpret, lead+interpret, visits, travel from PLACE). Ordered by staff_id, date,
/// start. Teams are "team-N"; journeys follow the travel model of plan.h.
std::string itineraries_csv(const Registry& reg, const Plan& plan, const ScheduleConfig& config);

/// One row of itineraries.csv.
struct ItineraryRow {
  std::string staff_id, name, role;
  int64_t day = 0;  ///< days since 1970-01-01
  int start = 0, end = 0;
  std::string village_id, household_id, activity;
};
/// The rows of itineraries.csv, in its order.
std::vector<ItineraryRow> itinerary_rows(const Registry& reg, const Plan& plan,
                                         const ScheduleConfig& config);

/// An iCalendar file (RFC 5545): one VEVENT per team, village and day, naming the team, the
/// guides and the interpreters, in local time of Asia/Shanghai (a VTIMEZONE is included),
/// CRLF line ends, lines folded at 75 octets. `dtstamp` is the UTC creation time as
/// "YYYYMMDDTHHMMSSZ"; `lang` "zh" or "en" for the summaries.
std::string schedule_ics(const Registry& reg, const Plan& plan, const std::string& dtstamp,
                         const std::string& lang);

/// RFC 5545 §3.3.11 TEXT escaping: backslash, semicolon, comma and newline.
std::string ics_escape(std::string_view text);

/// RFC 5545 §3.1 folding of one content line (without its CRLF): pieces of at most 75
/// octets, never splitting a UTF-8 character, joined by CRLF and a space.
std::string ics_fold(std::string_view line);

}  // namespace kaoping
