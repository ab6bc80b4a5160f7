#include "schedule/check.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

namespace kaoping {
namespace {

struct Busy {
  int64_t day = 0;
  int start = 0, end = 0;
  int village = -1;
  int visit = -1;
  bool operator<(const Busy& o) const {
    return std::tie(day, start, end, visit) < std::tie(o.day, o.start, o.end, o.visit);
  }
};

bool has(const std::vector<std::string>& list, const std::string& x) {
  return std::find(list.begin(), list.end(), x) != list.end();
}

}  // namespace

bool check_plan(const Registry& reg, const std::vector<int>& households, const ScheduleConfig& c,
                const Plan& plan, std::vector<std::string>* problems) {
  const std::size_t before = problems->size();
  auto fail = [&](std::string message) { problems->push_back(std::move(message)); };
  const Households& hh = reg.households;
  const std::vector<Staff>& staff = reg.staff;
  const std::vector<PlannedVisit>& visits = plan.visits;
  auto where = [&](std::size_t i) {
    const PlannedVisit& v = visits[i];
    const std::string id = v.household >= 0 && static_cast<std::size_t>(v.household) < hh.count()
                               ? hh.id[v.household]
                               : std::string("?");
    return fmt::format("visit of {} on {} at {}", id, v.date.str(), format_clock(v.start));
  };

  // Gaps the plan declares.
  std::set<std::pair<GapKind, int>> gap_households;
  std::set<int> short_villages;
  for (const Gap& g : plan.gaps) {
    if (g.kind == GapKind::kGuidesShort)
      short_villages.insert(g.village);
    else
      gap_households.insert({g.kind, g.household});
  }

  // Every gap names something really missing.
  for (const Gap& g : plan.gaps) {
    if (g.kind == GapKind::kGuidesShort || g.kind == GapKind::kNoContact) continue;
    if (g.visit < 0 || static_cast<std::size_t>(g.visit) >= plan.visits.size() ||
        plan.visits[g.visit].household != g.household) {
      fail(fmt::format("a {} gap names no visit", to_string(g.kind)));
      continue;
    }
    const PlannedVisit& v = plan.visits[g.visit];
    if (g.kind == GapKind::kNoGuide && v.guide >= 0)
      fail(fmt::format("{}: a no_guide gap but guide {} leads it", where(g.visit),
                       staff[v.guide].id));
    if (g.kind == GapKind::kNoInterpreter && v.interpreter >= 0)
      fail(fmt::format("{}: a no_interpreter gap but {} interprets", where(g.visit),
                       staff[v.interpreter].id));
  }

  // Every sampled household exactly once, nothing else.
  std::map<int, int> times_visited;
  for (const PlannedVisit& v : visits) ++times_visited[v.household];
  std::set<int> wanted(households.begin(), households.end());
  for (int h : wanted) {
    const int n = times_visited.count(h) ? times_visited[h] : 0;
    if (n != 1) fail(fmt::format("household {} is visited {} times, not once", hh.id[h], n));
  }
  for (const auto& [h, n] : times_visited)
    if (!wanted.count(h))
      fail(fmt::format("household {} is visited but not in the sample",
                       h >= 0 && static_cast<std::size_t>(h) < hh.count() ? hh.id[h] : "?"));

  // Each visit on its own.
  const int64_t first_day = c.start.days(), last_day = c.window_end.days();
  std::map<int, std::vector<int>> roster_guides;  // village -> staff
  for (std::size_t s = 0; s < staff.size(); ++s)
    if (staff[s].role == StaffRole::kGuide && staff[s].village >= 0)
      roster_guides[staff[s].village].push_back(static_cast<int>(s));
  std::map<std::string, std::vector<Busy>> people;  // who -> commitments
  std::map<int, std::vector<Busy>> teams;
  std::map<int, std::set<int>> village_guides;
  std::map<int, int> village_visits;
  for (std::size_t i = 0; i < visits.size(); ++i) {
    const PlannedVisit& v = visits[i];
    if (v.household < 0 || static_cast<std::size_t>(v.household) >= hh.count()) continue;
    const int64_t day = v.date.days();
    if (hh.village[v.household] != v.village)
      fail(fmt::format("{}: the household is not in village {}", where(i),
                       v.village >= 0 ? reg.villages[v.village].id : "?"));
    if (v.end - v.start != c.visit_minutes)
      fail(fmt::format("{}: lasts {} minutes, not {}", where(i), v.end - v.start, c.visit_minutes));
    if (v.start < c.day_start || v.end > c.day_end)
      fail(fmt::format("{}: outside the working day {}-{}", where(i), format_clock(c.day_start),
                       format_clock(c.day_end)));
    if (v.start < c.lunch_end && v.end > c.lunch_start)
      fail(fmt::format("{}: overlaps lunch", where(i)));
    if (day < first_day || day > last_day || v.date < c.window_start)
      fail(fmt::format("{}: outside the days {} to {}", where(i), c.start.str(),
                       c.window_end.str()));
    if (v.team < 1 || v.team > c.teams || v.enumerator < 1 || v.enumerator > c.enumerators_per_team)
      fail(fmt::format("{}: no such team {} or enumerator {}", where(i), v.team, v.enumerator));
    const Busy b{day, v.start, v.end, v.village, static_cast<int>(i)};
    people[fmt::format("enumerator {} of team {}", v.enumerator, v.team)].push_back(b);
    teams[v.team].push_back(b);
    ++village_visits[v.village];

    const std::string& language =
        hh.language[v.household].empty() ? std::string("zh") : hh.language[v.household];
    if (v.guide >= 0) {
      const Staff& g = staff[v.guide];
      if (g.role != StaffRole::kGuide || g.village != v.village)
        fail(fmt::format("{}: {} is not a guide of village {}", where(i), g.id,
                         reg.villages[v.village].id));
      people["staff " + g.id].push_back(b);
      village_guides[v.village].insert(v.guide);
    } else if (!gap_households.count({GapKind::kNoGuide, v.household})) {
      fail(fmt::format("{}: no guide and no gap says so", where(i)));
    }
    if (v.interpreter >= 0) {
      const Staff& p = staff[v.interpreter];
      if (language == "zh") fail(fmt::format("{}: an interpreter for a zh household", where(i)));
      if (!has(p.languages, language))
        fail(fmt::format("{}: interpreter {} does not speak {}", where(i), p.id, language));
      if (p.village >= 0 && p.village != v.village)
        fail(fmt::format("{}: interpreter {} belongs to another village", where(i), p.id));
      if (v.interpreter != v.guide) people["staff " + p.id].push_back(b);
    } else if (language != "zh" && !gap_households.count({GapKind::kNoInterpreter, v.household})) {
      fail(fmt::format("{}: speaks {} but has no interpreter and no gap says so", where(i),
                       language));
    }
  }

  // Nobody in two places at once.
  for (auto& [who, list] : people) {
    std::sort(list.begin(), list.end());
    for (std::size_t k = 1; k < list.size(); ++k)
      if (list[k].day == list[k - 1].day && list[k].start < list[k - 1].end)
        fail(fmt::format("{} is at two visits at once: {} and {}", who, where(list[k - 1].visit),
                         where(list[k].visit)));
  }

  // Journeys: a traveller can reach each village from the previous place (the county seat
  // at first), inside the working day.
  auto check_journeys = [&](const std::string& who, std::vector<Busy> list) {
    std::sort(list.begin(), list.end());
    int place = -1;
    int64_t day = 0;
    int free_from = 0;  // end of the last visit at `place` on `day`
    bool started = false;
    for (const Busy& b : list) {
      if (started && b.village == place) {
        if (b.day == day) {
          free_from = std::max(free_from, b.end);
        } else {
          day = b.day;
          free_from = b.end;
        }
        continue;
      }
      const int trip = travel_minutes(reg, started ? place : -1, b.village);
      const int ready = started && b.day == day ? free_from + trip : c.day_start + trip;
      if (b.start < ready)
        fail(fmt::format("{} cannot reach village {} by {} {} ({} minutes of travel)", who,
                         reg.villages[b.village].id, Date::from_days(b.day).str(),
                         format_clock(b.start), trip));
      started = true;
      place = b.village;
      day = b.day;
      free_from = b.end;
    }
  };
  for (const auto& [team, list] : teams) check_journeys(fmt::format("team {}", team), list);
  for (std::size_t s = 0; s < staff.size(); ++s) {
    if (staff[s].role != StaffRole::kInterpreter || staff[s].village >= 0) continue;
    auto it = people.find("staff " + staff[s].id);
    if (it != people.end()) check_journeys("interpreter " + staff[s].id, it->second);
  }

  // Guides per village.
  for (const auto& [village, n_visits] : village_visits) {
    const int roster =
        roster_guides.count(village) ? static_cast<int>(roster_guides[village].size()) : 0;
    if (roster < c.guides_per_village && !short_villages.count(village))
      fail(fmt::format("village {} has {} guides, fewer than {}, and no gap says so",
                       reg.villages[village].id, roster, c.guides_per_village));
    const int need = std::min({c.guides_per_village, roster, n_visits});
    const int used =
        village_guides.count(village) ? static_cast<int>(village_guides[village].size()) : 0;
    if (used < need)
      fail(fmt::format("village {}: visits led by {} guides, not at least {}",
                       reg.villages[village].id, used, need));
  }

  for (int village : short_villages) {
    const int roster =
        roster_guides.count(village) ? static_cast<int>(roster_guides[village].size()) : 0;
    if (village < 0 || roster >= c.guides_per_village)
      fail(fmt::format("a guides_short gap for a village with {} guides", roster));
  }

  // Notifications.
  std::vector<int> notified(visits.size(), 0);
  for (const Notification& n : plan.notifications) {
    if (n.visit < 0 || static_cast<std::size_t>(n.visit) >= visits.size()) {
      fail("a notification names no visit");
      continue;
    }
    ++notified[n.visit];
    const PlannedVisit& v = visits[n.visit];
    if (n.household != v.household)
      fail(fmt::format("{}: notification for another household", where(n.visit)));
    if (n.date.days() * 1440 + n.minutes >= v.date.days() * 1440 + v.start)
      fail(fmt::format("{}: notified at {} {}, not before the visit", where(n.visit), n.date.str(),
                       format_clock(n.minutes)));
    const int grp = hh.group[v.household];
    if (grp >= 0 && !reg.groups[grp].contact_name.empty()) {
      if (n.contact_name != reg.groups[grp].contact_name ||
          n.contact_phone != reg.groups[grp].contact_phone)
        fail(fmt::format("{}: not notified by the contact of group {}", where(n.visit),
                         reg.groups[grp].id));
    } else {
      if (!gap_households.count({GapKind::kNoContact, v.household}))
        fail(fmt::format("{}: the household has no group contact and no gap says so",
                         where(n.visit)));
      if (n.staff >= 0 &&
          (staff[n.staff].role != StaffRole::kGuide || staff[n.staff].village != v.village ||
           n.contact_name != staff[n.staff].name))
        fail(fmt::format("{}: notified by {}, not a guide of the village", where(n.visit),
                         staff[n.staff].id));
    }
  }
  for (std::size_t i = 0; i < visits.size(); ++i)
    if (notified[i] != 1)
      fail(fmt::format("{}: notified {} times, not once", where(i), notified[i]));
  return problems->size() == before;
}

}  // namespace kaoping
