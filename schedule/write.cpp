#include "schedule/write.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "util/csv.h"
#include "util/files.h"

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
  return w.str();
}

std::string notifications_csv(const Registry& reg, const Plan& plan) {
  CsvWriter w({"notify_at", "contact_name", "contact_phone", "household_id", "visit_date",
               "visit_start", "village_id", "group_id", "head_name", "notifier"});
  const Households& hh = reg.households;
  for (const Notification& n : plan.notifications) {
    const PlannedVisit& v = plan.visits[n.visit];
    w.row({n.date.str() + " " + format_clock(n.minutes), n.contact_name, n.contact_phone,
           hh.id[n.household], v.date.str(), format_clock(v.start), hh.village_id[n.household],
           hh.group_id[n.household], hh.head_name[n.household],
           n.group >= 0 ? "group" : (n.staff >= 0 ? "guide" : "")});
  }
  return w.str();
}

std::string itineraries_csv(const Registry& reg, const Plan& plan, const ScheduleConfig& c) {
  struct Row {
    std::string staff_id, name, role;
    int64_t day;
    int start, end;
    std::string village_id, household_id, activity;
  };
  std::vector<Row> rows;
  const Households& hh = reg.households;
  // Guides and interpreters: one row per visit they attend.
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
  // Journeys of those who move: each team and each county-pool interpreter.
  auto place_name = [&](int place) {
    return place < 0 ? std::string("county seat") : reg.villages[place].id;
  };
  auto journeys = [&](const std::string& id, const std::string& name, const std::string& role,
                      std::vector<const PlannedVisit*> list, bool team_blocks) {
    std::sort(list.begin(), list.end(), [](const PlannedVisit* a, const PlannedVisit* b) {
      return std::tie(a->date, a->start) < std::tie(b->date, b->start);
    });
    int place = -1;
    int64_t day = 0;
    int free_from = 0;
    bool started = false;
    std::size_t block = rows.size();  // the team's current "visits" row
    for (const PlannedVisit* v : list) {
      const int64_t d = v->date.days();
      if (!(started && v->village == place)) {
        const int trip = travel_minutes(reg, started ? place : -1, v->village);
        const int leave = started && d == day ? free_from : c.day_start;
        if (trip > 0)
          rows.push_back({id, name, role, d, leave, leave + trip, reg.villages[v->village].id, "",
                          "travel from " + place_name(started ? place : -1)});
      }
      if (team_blocks) {
        if (!(started && v->village == place && d == day)) {
          block = rows.size();
          rows.push_back(
              {id, name, role, d, v->start, v->end, reg.villages[v->village].id, "", "visits"});
        }
        rows[block].end = std::max(rows[block].end, v->end);
      }
      free_from = started && v->village == place && d == day ? std::max(free_from, v->end) : v->end;
      started = true;
      place = v->village;
      day = d;
    }
  };
  std::map<int, std::vector<const PlannedVisit*>> by_team;
  std::map<int, std::vector<const PlannedVisit*>> by_pool;
  for (const PlannedVisit& v : plan.visits) {
    by_team[v.team].push_back(&v);
    if (v.interpreter >= 0 && reg.staff[v.interpreter].role == StaffRole::kInterpreter &&
        reg.staff[v.interpreter].village < 0)
      by_pool[v.interpreter].push_back(&v);
  }
  for (const auto& [team, list] : by_team)
    journeys(fmt::format("team-{}", team), fmt::format("team {}", team), "team", list, true);
  for (const auto& [s, list] : by_pool)
    journeys(reg.staff[s].id, reg.staff[s].name, "interpreter", list, false);

  std::stable_sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) {
    return std::tie(a.staff_id, a.day, a.start, a.end) <
           std::tie(b.staff_id, b.day, b.start, b.end);
  });
  CsvWriter w({"staff_id", "name", "role", "date", "start", "end", "village_id", "household_id",
               "activity"});
  for (const Row& r : rows)
    w.row({r.staff_id, r.name, r.role, Date::from_days(r.day).str(), format_clock(r.start),
           format_clock(r.end), r.village_id, r.household_id, r.activity});
  return w.str();
}

std::string gaps_csv(const Registry& reg, const Plan& plan) {
  CsvWriter w({"kind", "village_id", "household_id", "language", "date", "start", "detail"});
  for (const Gap& g : plan.gaps) {
    std::string date, start;
    if (g.visit >= 0) {
      date = plan.visits[g.visit].date.str();
      start = format_clock(plan.visits[g.visit].start);
    }
    w.row({std::string(to_string(g.kind)), g.village >= 0 ? reg.villages[g.village].id : "",
           g.household >= 0 ? reg.households.id[g.household] : "", g.language, date, start,
           g.detail});
  }
  return w.str();
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
  auto line = [&](std::string_view text) {
    out += ics_fold(text);
    out += "\r\n";
  };
  line("BEGIN:VCALENDAR");
  line("VERSION:2.0");
  line("PRODID:-//kaoping//schedule " KAOPING_VERSION "//EN");
  line("CALSCALE:GREGORIAN");
  line("METHOD:PUBLISH");
  // China has kept UTC+8 without daylight saving since 1991.
  line("BEGIN:VTIMEZONE");
  line("TZID:Asia/Shanghai");
  line("BEGIN:STANDARD");
  line("DTSTART:19700101T000000");
  line("TZOFFSETFROM:+0800");
  line("TZOFFSETTO:+0800");
  line("TZNAME:CST");
  line("END:STANDARD");
  line("END:VTIMEZONE");

  // One event per team, village and day, in the order of the visits.
  struct Event {
    int team = 0, village = -1;
    Date date;
    int start = 24 * 60, end = 0;
    int visits = 0;
    std::vector<int> guides, interpreters;  // staff, first appearance order
  };
  std::vector<Event> events;
  std::map<std::tuple<int64_t, int, int>, std::size_t> index;
  auto add_unique = [](std::vector<int>* list, int s) {
    if (s >= 0 && std::find(list->begin(), list->end(), s) == list->end()) list->push_back(s);
  };
  for (const PlannedVisit& v : plan.visits) {
    const auto key = std::make_tuple(v.date.days(), v.team, v.village);
    auto it = index.find(key);
    if (it == index.end()) {
      it = index.emplace(key, events.size()).first;
      Event e;
      e.team = v.team;
      e.village = v.village;
      e.date = v.date;
      events.push_back(std::move(e));
    }
    Event& e = events[it->second];
    e.start = std::min(e.start, v.start);
    e.end = std::max(e.end, v.end);
    ++e.visits;
    add_unique(&e.guides, v.guide);
    add_unique(&e.interpreters, v.interpreter);
  }
  std::stable_sort(events.begin(), events.end(), [](const Event& a, const Event& b) {
    return std::tie(a.date, a.start, a.team) < std::tie(b.date, b.start, b.team);
  });
  auto people = [&](const std::vector<int>& list) {
    std::string text;
    for (int s : list) {
      if (!text.empty()) text += zh ? "、" : ", ";
      text += reg.staff[s].name.empty() ? reg.staff[s].id
                                        : reg.staff[s].name + " (" + reg.staff[s].id + ")";
    }
    return text.empty() ? std::string(zh ? "无" : "none") : text;
  };
  for (const Event& e : events) {
    const Village& village = reg.villages[e.village];
    const Township& township = reg.townships[village.township];
    const std::string vname = village.name.empty() ? village.id : village.name;
    const std::string tname = township.name.empty() ? township.id : township.name;
    line("BEGIN:VEVENT");
    line(fmt::format("UID:{}-team{}-{}@kaoping", ics_time(e.date, 0).substr(0, 8), e.team,
                     ics_escape(village.id)));
    line("DTSTAMP:" + dtstamp);
    line("DTSTART;TZID=Asia/Shanghai:" + ics_time(e.date, e.start));
    line("DTEND;TZID=Asia/Shanghai:" + ics_time(e.date, e.end));
    const std::string summary =
        zh ? fmt::format("考评第{}组入户：{}（{}）", e.team, vname, tname)
           : fmt::format("Evaluation team {} visits {} ({})", e.team, vname, tname);
    line("SUMMARY:" + ics_escape(summary));
    line("LOCATION:" + ics_escape(tname + " " + vname));
    const std::string description =
        zh ? fmt::format("第{}组，{}户（{}-{}）\n向导：{}\n翻译：{}", e.team, e.visits,
                         format_clock(e.start), format_clock(e.end), people(e.guides),
                         people(e.interpreters))
           : fmt::format("Team {}, {} households ({}-{})\nGuides: {}\nInterpreters: {}", e.team,
                         e.visits, format_clock(e.start), format_clock(e.end), people(e.guides),
                         people(e.interpreters));
    line("DESCRIPTION:" + ics_escape(description));
    line("END:VEVENT");
  }
  line("END:VCALENDAR");
  return out;
}

bool write_schedule(const std::string& dir, const Registry& reg, const Plan& plan,
                    const ScheduleConfig& config, const std::string& dtstamp,
                    const std::string& lang, std::string* err) {
  const std::string base = dir.empty() || dir.back() == '/' ? dir : dir + "/";
  const std::pair<const char*, std::string> files[] = {
      {"schedule.csv", schedule_csv(reg, plan)},
      {"notifications.csv", notifications_csv(reg, plan)},
      {"itineraries.csv", itineraries_csv(reg, plan, config)},
      {"gaps.csv", gaps_csv(reg, plan)},
      {"schedule.ics", schedule_ics(reg, plan, dtstamp, lang)},
  };
  for (const auto& [name, content] : files)
    if (!write_file_atomic(base + name, content, err)) return false;
  return true;
}

}  // namespace kaoping
