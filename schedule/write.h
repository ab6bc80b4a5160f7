// The files of `schedule` (SPEC §4): schedule.csv, notifications.csv, itineraries.csv,
// gaps.csv and schedule.ics. ID numbers never appear; phones only in notifications.csv.
#pragma once

#include <string>
#include <string_view>

#include "registry/registry.h"
#include "schedule/plan.h"
#include "schedule/schedule_config.h"

namespace kaoping {

/// One row per visit: date, start, end, team, enumerator, township_id, village_id,
/// group_id, household_id, guide_id, interpreter_id, then township_name, village_name,
/// group_name, head_name, language, guide_name, interpreter_name.
std::string schedule_csv(const Registry& reg, const Plan& plan);

/// One row per visit: notify_at ("YYYY-MM-DD HH:MM"), contact_name, contact_phone,
/// household_id, visit_date, visit_start, then village_id, group_id, head_name and
/// notifier (`group` contact or `guide` standing in).
std::string notifications_csv(const Registry& reg, const Plan& plan);

/// Each guide's, interpreter's and team's day: staff_id, name, role
/// (guide|interpreter|team), date, start, end, village_id, household_id, activity
/// (lead, interpret, lead+interpret, visits, travel from PLACE). Ordered by staff_id, date,
/// start. Teams are "team-N"; journeys follow the travel model of plan.h.
std::string itineraries_csv(const Registry& reg, const Plan& plan, const ScheduleConfig& config);

/// What the roster cannot cover: kind, village_id, household_id, language, date, start,
/// detail. Only the header when nothing is missing.
std::string gaps_csv(const Registry& reg, const Plan& plan);

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

/// Writes the five files into `dir` (which must exist), each atomically.
bool write_schedule(const std::string& dir, const Registry& reg, const Plan& plan,
                    const ScheduleConfig& config, const std::string& dtstamp,
                    const std::string& lang, std::string* err);

}  // namespace kaoping
