#include "schedule/write.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "util/csv.h"
#include "util/privacy.h"

namespace kaoping {
namespace {

std::string staff_id(const Registry& reg, int s) {
  return s >= 0 ? reg.staff[s].id : "";
}
std::string staff_name(const Registry& reg, int s) {
  return s >= 0 ? reg.staff[s].name : "";
}

std::string language_of(const Registry& reg, int h) {
  const std::string& l = reg.households.language[h];
  return l.empty() ? std::string("zh") : l;
}

std::string group_name(const Registry& reg, int h) {
  const int g = reg.households.group[h];
  return g >= 0 ? reg.groups[g].name : "";
}

/// "YYYYMMDDTHHMM00" local time.
std::string ics_time(const Date& d, int minutes) {
  return fmt::format("{:04d}{:02d}{:02d}T{:02d}{:02d}00", d.year, d.month, d.day, minutes / 60,
                     minutes % 60);
}

/// One row of itineraries.csv.
/// Who an itinerary belongs to.
struct Traveller {
  std::string id, name, role;
};

/// Guides and interpreters: one row per visit they attend.
std::vector<ItineraryRow> attendance_rows(const Registry& reg, const Plan& plan) {
  std::vector<ItineraryRow> rows;
  const Households& hh = reg.households;
  for (const PlannedVisit& v : plan.visits) {
    const std::string& village_id = reg.villages[v.village].id;
    if (v.guide >= 0)
      rows.push_back({reg.staff[v.guide].id, reg.staff[v.guide].name, "guide", v.date.days(),
                      v.start, v.end, village_id, hh.id[v.household],
                      v.interpreter == v.guide ? "lead+interpret" : "lead"});
    if (v.interpreter >= 0 && v.interpreter != v.guide)
      rows.push_back({reg.staff[v.interpreter].id, reg.staff[v.interpreter].name,
                      reg.staff[v.interpreter].role == StaffRole::kGuide ? "guide" : "interpreter",
                      v.date.days(), v.start, v.end, village_id, hh.id[v.household], "interpret"});
  }
  return rows;
}

std::string place_name(const Registry& reg, int place) {
  return place < 0 ? std::string("county seat") : reg.villages[place].id;
}

/// The journeys of one traveller through `list` (the travel model of plan.h) and, for a
/// team (`team_blocks`), the span of its visits in each village each day.
void add_journeys(const Registry& reg, const ScheduleConfig& c, const Traveller& who,
                  std::vector<const PlannedVisit*> list, bool team_blocks,
                  std::vector<ItineraryRow>* rows) {
  std::sort(list.begin(), list.end(), [](const PlannedVisit* a, const PlannedVisit* b) {
    return std::tie(a->date, a->start) < std::tie(b->date, b->start);
  });
  int place = -1;
  int64_t day = 0;
  int free_from = 0;
  bool started = false;
  std::size_t block = rows->size();  // the team's current "visits" row
  for (const PlannedVisit* v : list) {
    const int64_t d = v->date.days();
    const std::string& village_id = reg.villages[v->village].id;
    if (!(started && v->village == place)) {
      const int trip = travel_minutes(reg, started ? place : -1, v->village);
      const int leave = started && d == day ? free_from : c.day_start;
      if (trip > 0)
        rows->push_back({who.id, who.name, who.role, d, leave, leave + trip, village_id, "",
                         "travel from " + place_name(reg, started ? place : -1)});
    }
    if (team_blocks) {
      if (!(started && v->village == place && d == day)) {
        block = rows->size();
        rows->push_back(
            {who.id, who.name, who.role, d, v->start, v->end, village_id, "", "visits"});
      }
      (*rows)[block].end = std::max((*rows)[block].end, v->end);
    }
    free_from = started && v->village == place && d == day ? std::max(free_from, v->end) : v->end;
    started = true;
    place = v->village;
    day = d;
  }
}

// The calendar's head: China has kept UTC+8 without daylight saving since 1991.
constexpr std::string_view kCalendarHead[] = {
    "BEGIN:VCALENDAR",    "VERSION:2.0",      "PRODID:-//kaoping//schedule " KAOPING_VERSION "//EN",
    "CALSCALE:GREGORIAN", "METHOD:PUBLISH",   "BEGIN:VTIMEZONE",
    "TZID:Asia/Shanghai", "BEGIN:STANDARD",   "DTSTART:19700101T000000",
    "TZOFFSETFROM:+0800", "TZOFFSETTO:+0800", "TZNAME:CST",
    "END:STANDARD",       "END:VTIMEZONE",
};

/// A content line, folded, with its CRLF.
void add_ics_line(std::string_view text, std::string* out) {
  // Scrubbed before folding, which could split an ID number across two lines.
  *out += ics_fold(scrub_personal_data(text));
  *out += "\r\n";
}

/// One calendar event: a team's visits in one village on one day.
struct IcsEvent {
  int team = 0, village = -1;
  Date date;
  int start = 24 * 60, end = 0;
  int visits = 0;
  std::vector<int> guides, interpreters;  ///< staff, first appearance order
};

/// One event per team, village and day, ordered by date, start and team.
std::vector<IcsEvent> ics_events(const Plan& plan) {
  std::vector<IcsEvent> events;
  std::map<std::tuple<int64_t, int, int>, std::size_t> index;
  auto add_unique = [](std::vector<int>* list, int s) {
    if (s >= 0 && std::find(list->begin(), list->end(), s) == list->end()) list->push_back(s);
  };
  for (const PlannedVisit& v : plan.visits) {
    const auto key = std::make_tuple(v.date.days(), v.team, v.village);
    auto it = index.find(key);
    if (it == index.end()) {
      it = index.emplace(key, events.size()).first;
      IcsEvent e;
      e.team = v.team;
      e.village = v.village;
      e.date = v.date;
      events.push_back(std::move(e));
    }
    IcsEvent& e = events[it->second];
    e.start = std::min(e.start, v.start);
    e.end = std::max(e.end, v.end);
    ++e.visits;
    add_unique(&e.guides, v.guide);
    add_unique(&e.interpreters, v.interpreter);
  }
  std::stable_sort(events.begin(), events.end(), [](const IcsEvent& a, const IcsEvent& b) {
    return std::tie(a.date, a.start, a.team) < std::tie(b.date, b.start, b.team);
  });
  return events;
}

/// "name (id)" of each of `list`, joined; "无" / "none" when empty.
std::string ics_people(const Registry& reg, const std::vector<int>& list, bool zh) {
  std::string text;
  for (int s : list) {
    if (!text.empty()) text += zh ? "、" : ", ";
    text += reg.staff[s].name.empty() ? reg.staff[s].id
                                      : reg.staff[s].name + " (" + reg.staff[s].id + ")";
  }
  return text.empty() ? std::string(zh ? "无" : "none") : text;
}

/// The VEVENT of `e`.
void add_ics_event(const Registry& reg, const IcsEvent& e, const std::string& dtstamp, bool zh,
                   std::string* out) {
  const Village& village = reg.villages[e.village];
  const Township& township = reg.townships[village.township];
  const std::string vname = village.name.empty() ? village.id : village.name;
  const std::string tname = township.name.empty() ? township.id : township.name;
  add_ics_line("BEGIN:VEVENT", out);
  add_ics_line(fmt::format("UID:{}-team{}-{}@kaoping", ics_time(e.date, 0).substr(0, 8), e.team,
                           ics_escape(village.id)),
               out);
  add_ics_line("DTSTAMP:" + dtstamp, out);
  add_ics_line("DTSTART;TZID=Asia/Shanghai:" + ics_time(e.date, e.start), out);
  add_ics_line("DTEND;TZID=Asia/Shanghai:" + ics_time(e.date, e.end), out);
  const std::string summary =
      zh ? fmt::format("考评第{}组入户：{}（{}）", e.team, vname, tname)
         : fmt::format("Evaluation team {} visits {} ({})", e.team, vname, tname);
  add_ics_line("SUMMARY:" + ics_escape(summary), out);
  add_ics_line("LOCATION:" + ics_escape(tname + " " + vname), out);
  const std::string guides = ics_people(reg, e.guides, zh);
  const std::string interpreters = ics_people(reg, e.interpreters, zh);
  const std::string description =
      zh ? fmt::format("第{}组，{}户（{}-{}）\n向导：{}\n翻译：{}", e.team, e.visits,
                       format_clock(e.start), format_clock(e.end), guides, interpreters)
         : fmt::format("Team {}, {} households ({}-{})\nGuides: {}\nInterpreters: {}", e.team,
                       e.visits, format_clock(e.start), format_clock(e.end), guides, interpreters);
  add_ics_line("DESCRIPTION:" + ics_escape(description), out);
  add_ics_line("END:VEVENT", out);
}

}  // namespace

std::string schedule_csv(const Registry& reg, const Plan& plan) {
  CsvWriter w({"date", "start", "end", "team", "enumerator", "township_id", "village_id",
               "group_id", "household_id", "guide_id", "interpreter_id", "township_name",
               "village_name", "group_name", "head_name", "language", "guide_name",
               "interpreter_name"});
  const Households& hh = reg.households;
  for (const PlannedVisit& v : plan.visits) {
    const Village& village = reg.villages[v.village];
    const Township& township = reg.townships[village.township];
    w.row({v.date.str(), format_clock(v.start), format_clock(v.end), std::to_string(v.team),
           std::to_string(v.enumerator), township.id, village.id, hh.group_id[v.household],
           hh.id[v.household], staff_id(reg, v.guide), staff_id(reg, v.interpreter), township.name,
           village.name, group_name(reg, v.household), hh.head_name[v.household],
           language_of(reg, v.household), staff_name(reg, v.guide),
           staff_name(reg, v.interpreter)});
  }
  return scrub_personal_data(w.str());  // names are free text
}

std::string notifications_csv(const Registry& reg, const Plan& plan) {
  CsvWriter w({"notify_at", "contact_name", "contact_phone", "household_id", "visit_date",
               "visit_start", "village_id", "group_id", "head_name", "notifier", "standby"});
  const Households& hh = reg.households;
  for (const auto* list : {&plan.notifications, &plan.standby}) {
    const bool standby = list == &plan.standby;
    for (const Notification& n : *list) {
      const PlannedVisit& v = plan.visits[n.visit];
      std::vector<std::string> row{n.date.str() + " " + format_clock(n.minutes),
                                   n.contact_name,
                                   n.contact_phone,
                                   hh.id[n.household],
                                   v.date.str(),
                                   standby ? "" : format_clock(v.start),
                                   hh.village_id[n.household],
                                   hh.group_id[n.household],
                                   hh.head_name[n.household],
                                   n.group >= 0 ? "group" : (n.staff >= 0 ? "guide" : ""),
                                   standby ? "1" : "0"};
      // The contact's phone is the point of the list; every other cell is scrubbed.
      for (std::size_t k = 0; k < row.size(); ++k)
        if (k != 2) row[k] = scrub_personal_data(row[k]);
      w.row(row);
    }
  }
  return w.str();
}

std::vector<ItineraryRow> itinerary_rows(const Registry& reg, const Plan& plan,
                                         const ScheduleConfig& c) {
  std::vector<ItineraryRow> rows = attendance_rows(reg, plan);
  // Journeys of those who move: each team and each county-pool interpreter.
  std::map<int, std::vector<const PlannedVisit*>> by_team;
  std::map<int, std::vector<const PlannedVisit*>> by_pool;
  for (const PlannedVisit& v : plan.visits) {
    by_team[v.team].push_back(&v);
    if (v.interpreter >= 0 && reg.staff[v.interpreter].role == StaffRole::kInterpreter &&
        reg.staff[v.interpreter].village < 0)
      by_pool[v.interpreter].push_back(&v);
  }
  for (const auto& [team, list] : by_team)
    add_journeys(reg, c, {fmt::format("team-{}", team), fmt::format("team {}", team), "team"}, list,
                 true, &rows);
  for (const auto& [s, list] : by_pool)
    add_journeys(reg, c, {reg.staff[s].id, reg.staff[s].name, "interpreter"}, list, false, &rows);

  std::stable_sort(rows.begin(), rows.end(), [](const ItineraryRow& a, const ItineraryRow& b) {
    return std::tie(a.staff_id, a.day, a.start, a.end) <
           std::tie(b.staff_id, b.day, b.start, b.end);
  });
  return rows;
}

std::string itineraries_csv(const Registry& reg, const Plan& plan, const ScheduleConfig& c) {
  const std::vector<ItineraryRow> rows = itinerary_rows(reg, plan, c);
  CsvWriter w({"staff_id", "name", "role", "date", "start", "end", "village_id", "household_id",
               "activity"});
  for (const ItineraryRow& r : rows)
    w.row({r.staff_id, r.name, r.role, Date::from_days(r.day).str(), format_clock(r.start),
           format_clock(r.end), r.village_id, r.household_id, r.activity});
  return scrub_personal_data(w.str());  // names are free text
}

std::string ics_escape(std::string_view text) {
  std::string out;
  for (char ch : text) {
    switch (ch) {
      case '\\':
        out += "\\\\";
        break;
      case ';':
        out += "\\;";
        break;
      case ',':
        out += "\\,";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        break;
      default:
        out += ch;
    }
  }
  return out;
}

std::string ics_fold(std::string_view line) {
  std::string out;
  std::size_t limit = 75;  // octets on the first line; 74 after the leading space
  while (line.size() > limit) {
    std::size_t cut = limit;
    // Never split a UTF-8 character: back up over continuation bytes (10xxxxxx).
    while (cut > 0 && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) --cut;
    out.append(line.substr(0, cut));
    out += "\r\n ";
    line.remove_prefix(cut);
    limit = 74;
  }
  out.append(line);
  return out;
}

std::string schedule_ics(const Registry& reg, const Plan& plan, const std::string& dtstamp,
                         const std::string& lang) {
  const bool zh = lang != "en";
  std::string out;
  for (std::string_view line : kCalendarHead) add_ics_line(line, &out);
  for (const IcsEvent& e : ics_events(plan)) add_ics_event(reg, e, dtstamp, zh, &out);
  add_ics_line("END:VCALENDAR", &out);
  return out;
}

}  // namespace kaoping
