#include "schedule/plan.h"

#include <fmt/format.h>

#include <algorithm>
#include <climits>
#include <cmath>
#include <map>
#include <set>
#include <tuple>

namespace kaoping {
namespace {

constexpr int64_t kInfinity = INT64_MAX / 4;
constexpr int kAppointmentStep = 5;  ///< minutes

/// Earliest start >= t of a visit that ends by the day end and does not overlap lunch,
/// or -1 when none fits on that day.
int first_slot(const ScheduleConfig& c, int t) {
  // Households are told a time on the five minutes (10:45, not 10:41).
  auto step = [](int m) {
    return (m + kAppointmentStep - 1) / kAppointmentStep * kAppointmentStep;
  };
  int s = step(std::max(t, c.day_start));
  if (s < c.lunch_end && s + c.visit_minutes > c.lunch_start) s = step(std::max(s, c.lunch_end));
  if (s + c.visit_minutes > c.day_end) return -1;
  return s;
}

/// The households of one village, in the order the enumerators walk them.
struct VillageWork {
  int village = -1;
  std::vector<int> households;  ///< by group id (no group last), then household id
  int slots = 0;                ///< rounds of parallel visits: ceil(households / enumerators)
};

/// Where a team is: the day (days since 1970-01-01), the clock and the place.
struct RunState {
  int64_t day = 0;
  int clock = 0;
  int place = -1;  ///< village index, -1 = county seat
};

struct SlotTime {
  int64_t day = 0;
  int start = 0;
};

/// Moves a team to `w.village` and through all its rounds; appends the round times to
/// *slots when not null. False when the journey leaves no time for a visit even on a
/// fresh day.
bool advance(const Registry& reg, const ScheduleConfig& c, const VillageWork& w, RunState* st,
             std::vector<SlotTime>* slots) {
  const int trip = travel_minutes(reg, st->place, w.village);
  int s = first_slot(c, st->clock + trip);
  if (s < 0) {
    // Travel the next morning instead: the team stays overnight where it is.
    ++st->day;
    s = first_slot(c, c.day_start + trip);
    if (s < 0) return false;
  }
  for (int k = 0; k < w.slots; ++k) {
    if (k > 0) {
      s = first_slot(c, st->clock);
      if (s < 0) {
        ++st->day;  // the village continues the next day; the team sleeps there
        s = first_slot(c, c.day_start);
      }
    }
    if (slots) slots->push_back({st->day, s});
    st->clock = s + c.visit_minutes;
  }
  st->place = w.village;
  return true;
}

int64_t absolute_minutes(const RunState& st) {
  return st.day * 1440 + st.clock;
}

/// Minimum-cost assignment of rows to columns (rows <= columns), the Hungarian method in
/// the O(n^2 m) potentials form of Kuhn-Munkres (Jonker-Volgenant style shortest
/// augmenting paths). Returns the column of each row.
std::vector<int> hungarian(const std::vector<std::vector<int64_t>>& cost) {
  const int n = static_cast<int>(cost.size());
  if (n == 0) return {};
  const int m = static_cast<int>(cost[0].size());
  std::vector<int64_t> u(n + 1, 0), v(m + 1, 0);
  std::vector<int> p(m + 1, 0), way(m + 1, 0);
  for (int i = 1; i <= n; ++i) {
    p[0] = i;
    int j0 = 0;
    std::vector<int64_t> minv(m + 1, kInfinity);
    std::vector<char> used(m + 1, 0);
    do {
      used[j0] = 1;
      const int i0 = p[j0];
      int64_t delta = kInfinity;
      int j1 = 0;
      for (int j = 1; j <= m; ++j) {
        if (used[j]) continue;
        const int64_t cur = cost[i0 - 1][j - 1] - u[i0] - v[j];
        if (cur < minv[j]) minv[j] = cur, way[j] = j0;
        if (minv[j] < delta) delta = minv[j], j1 = j;
      }
      for (int j = 0; j <= m; ++j) {
        if (used[j]) {
          u[p[j]] += delta;
          v[j] -= delta;
        } else {
          minv[j] -= delta;
        }
      }
      j0 = j1;
    } while (p[j0] != 0);
    do {
      const int j1 = way[j0];
      p[j0] = p[j1];
      j0 = j1;
    } while (j0 != 0);
  }
  std::vector<int> column(n, -1);
  for (int j = 1; j <= m; ++j)
    if (p[j] != 0) column[p[j] - 1] = j - 1;
  return column;
}

bool speaks(const Staff& s, const std::string& language) {
  return std::find(s.languages.begin(), s.languages.end(), language) != s.languages.end();
}

bool knows_group(const Staff& s, const std::string& group_id) {
  return !group_id.empty() &&
         std::find(s.groups.begin(), s.groups.end(), group_id) != s.groups.end();
}

const std::string& language_of(const Registry& reg, int h) {
  static const std::string kZh = "zh";
  const std::string& l = reg.households.language[h];
  return l.empty() ? kZh : l;
}

/// A pool interpreter's commitment.
struct Commit {
  int64_t day = 0;
  int start = 0, end = 0;
  int village = -1;
  bool operator<(const Commit& o) const { return std::tie(day, start) < std::tie(o.day, o.start); }
};

/// Can someone who travels (a county-pool interpreter) with commitments `tl` (sorted, not
/// overlapping) also take `x`, with travel from the commitment before and to the one after?
bool fits(const Registry& reg, const ScheduleConfig& c, const std::vector<Commit>& tl,
          const Commit& x) {
  auto it = std::lower_bound(tl.begin(), tl.end(), x);
  if (it != tl.begin()) {
    const Commit& prev = *(it - 1);
    const int trip = travel_minutes(reg, prev.village, x.village);
    const int ready = prev.day == x.day ? prev.end + trip : c.day_start + trip;
    if (x.start < ready) return false;
  } else if (x.start < c.day_start + travel_minutes(reg, -1, x.village)) {
    return false;
  }
  if (it != tl.end()) {
    const Commit& next = *it;
    const int trip = travel_minutes(reg, x.village, next.village);
    const int ready = next.day == x.day ? x.end + trip : c.day_start + trip;
    if (next.start < ready) return false;
  }
  return true;
}

// Costs of the guide assignment. A guide not yet used in the village beats any used one,
// so a village's visits spread over as many guides as it has (at least guides_per_village
// when the roster has them); then one who can also interpret, then one who knows the
// household's group, then the least loaded (loads balanced).
constexpr int64_t kCostPerVisitLed = 10;
constexpr int64_t kBonusFirstUse = 100;
constexpr int64_t kBonusSpeaks = 40;
constexpr int64_t kBonusKnowsGroup = 15;
constexpr int64_t kCostNoGuide = 1000000;

}  // namespace

std::string format_clock(int minutes) {
  return fmt::format("{:02d}:{:02d}", minutes / 60, minutes % 60);
}

std::string_view to_string(GapKind kind) {
  switch (kind) {
    case GapKind::kGuidesShort:
      return "guides_short";
    case GapKind::kNoGuide:
      return "no_guide";
    case GapKind::kNoInterpreter:
      return "no_interpreter";
    case GapKind::kNoContact:
      return "no_contact";
  }
  return "";
}

int travel_minutes(const Registry& reg, int from, int to) {
  if (from == to) return 0;
  auto village_leg = [&](int v) { return std::max(0.0, reg.villages[v].travel_minutes); };
  auto township_leg = [&](int v) {
    const int t = reg.villages[v].township;
    return t < 0 ? 0.0 : std::max(0.0, reg.townships[t].travel_minutes);
  };
  double total = 0;
  if (from < 0) {
    total = township_leg(to) + village_leg(to);
  } else if (to < 0) {
    total = village_leg(from) + township_leg(from);
  } else if (reg.villages[from].township == reg.villages[to].township) {
    total = village_leg(from) + village_leg(to);
  } else {
    total = village_leg(from) + township_leg(from) + township_leg(to) + village_leg(to);
  }
  return static_cast<int>(std::ceil(total - 1e-9));
}

std::vector<int> sampled_households(const Draw& draw) {
  std::vector<int> out;
  for (const DrawRow& row : draw.rows)
    if (row.role == Role::kSample) out.push_back(row.household);
  return out;
}

bool plan_schedule(const Registry& reg, const std::vector<int>& households, const ScheduleConfig& c,
                   Plan* out, std::string* err) {
  *out = Plan{};
  // --- Settings that make any plan impossible.
  if (c.teams < 1 || c.enumerators_per_team < 1 || c.visit_minutes < 1) {
    *err = "schedule.teams, schedule.enumerators_per_team and schedule.visit_minutes must be >= 1";
    return false;
  }
  if (c.window_end < c.window_start || c.start < c.window_start || c.start > c.window_end) {
    *err = fmt::format("schedule.start {} is outside the window {} to {}", c.start.str(),
                       c.window_start.str(), c.window_end.str());
    return false;
  }
  if (first_slot(c, c.day_start) < 0) {
    *err = fmt::format(
        "a visit of {} minutes does not fit in the working day {}-{} around lunch {}-{}",
        c.visit_minutes, format_clock(c.day_start), format_clock(c.day_end),
        format_clock(c.lunch_start), format_clock(c.lunch_end));
    return false;
  }
  const int64_t first_day = c.start.days();
  out->first_day = out->last_day = c.start;

  // --- The villages to visit, in travel order.
  std::map<int, VillageWork> by_village;
  std::vector<char> seen(reg.households.count(), 0);
  for (int h : households) {
    if (h < 0 || static_cast<std::size_t>(h) >= reg.households.count()) {
      *err = fmt::format("household index {} is not in the registry", h);
      return false;
    }
    if (seen[h]) {
      *err = fmt::format("household {} is listed twice", reg.households.id[h]);
      return false;
    }
    seen[h] = 1;
    const int v = reg.households.village[h];
    by_village[v].village = v;
    by_village[v].households.push_back(h);
  }
  std::vector<VillageWork> order;
  for (auto& [v, w] : by_village) {
    const Households& hh = reg.households;
    std::sort(w.households.begin(), w.households.end(), [&](int a, int b) {
      // Households of one group together (the walk is short), households without a group last.
      return std::make_tuple(hh.group_id[a].empty(), hh.group_id[a], hh.id[a]) <
             std::make_tuple(hh.group_id[b].empty(), hh.group_id[b], hh.id[b]);
    });
    const int n = static_cast<int>(w.households.size());
    w.slots = (n + c.enumerators_per_team - 1) / c.enumerators_per_team;
    if (first_slot(c, c.day_start + travel_minutes(reg, -1, v)) < 0) {
      *err = fmt::format(
          "village {}: the journey of {} minutes from the county seat leaves no time for a "
          "visit in the working day",
          reg.villages[v].id, travel_minutes(reg, -1, v));
      return false;
    }
    order.push_back(std::move(w));
  }
  auto place_key = [&](const VillageWork& w) {
    const Village& v = reg.villages[w.village];
    const Township& t = reg.townships[v.township];
    return std::make_tuple(t.travel_minutes, t.id, v.travel_minutes, v.id);
  };
  std::sort(order.begin(), order.end(), [&](const VillageWork& a, const VillageWork& b) {
    return place_key(a) < place_key(b);
  });
  const int m = static_cast<int>(order.size());
  out->villages = m;

  // --- Split the order into contiguous runs, one per team, minimising the latest finish
  // (the linear partition problem, by dynamic programming over exactly simulated runs).
  std::vector<std::vector<int64_t>> finish(m + 1, std::vector<int64_t>(m + 1, 0));
  for (int i = 0; i < m; ++i) {
    RunState st{first_day, c.day_start, -1};
    bool ok = true;
    for (int j = i; j < m; ++j) {
      ok = ok && advance(reg, c, order[j], &st, nullptr);
      finish[i][j + 1] = ok ? absolute_minutes(st) : kInfinity;
    }
  }
  const int k_teams = c.teams;
  // best[k][j]: the least latest finish of the first j villages over k teams.
  std::vector<std::vector<int64_t>> best(k_teams + 1, std::vector<int64_t>(m + 1, kInfinity));
  std::vector<std::vector<int>> cut(k_teams + 1, std::vector<int>(m + 1, 0));
  best[0][0] = 0;
  for (int k = 1; k <= k_teams; ++k) {
    for (int j = 0; j <= m; ++j) {
      for (int i = 0; i <= j; ++i) {
        if (best[k - 1][i] >= kInfinity) continue;
        const int64_t run = i == j ? 0 : finish[i][j];
        const int64_t worst = std::max(best[k - 1][i], run);
        if (worst < best[k][j]) best[k][j] = worst, cut[k][j] = i;
      }
    }
  }
  if (best[k_teams][m] >= kInfinity) {
    *err = "no split of the villages among the teams fits every journey into a working day";
    return false;
  }
  std::vector<std::pair<int, int>> runs(k_teams);  // [first, last) village of each team
  for (int k = k_teams, j = m; k >= 1; --k) {
    runs[k - 1] = {cut[k][j], j};
    j = cut[k][j];
  }

  // --- Times of every visit.
  std::vector<PlannedVisit>& visits = out->visits;
  int64_t last_day = first_day;
  for (int k = 0; k < k_teams; ++k) {
    RunState st{first_day, c.day_start, -1};
    for (int j = runs[k].first; j < runs[k].second; ++j) {
      const VillageWork& w = order[j];
      std::vector<SlotTime> slots;
      advance(reg, c, w, &st, &slots);
      for (std::size_t i = 0; i < w.households.size(); ++i) {
        const SlotTime& slot = slots[i % w.slots];
        PlannedVisit visit;
        visit.date = Date::from_days(slot.day);
        visit.start = slot.start;
        visit.end = slot.start + c.visit_minutes;
        visit.team = k + 1;
        // Each enumerator walks a contiguous block of the group-ordered households.
        visit.enumerator = static_cast<int>(i) / w.slots + 1;
        visit.household = w.households[i];
        visit.village = w.village;
        visits.push_back(visit);
        last_day = std::max(last_day, slot.day);
      }
    }
  }
  out->last_day = Date::from_days(last_day);
  if (Date::from_days(last_day) > c.window_end) {
    *err = fmt::format(
        "the {} visits need every day from {} to {} but the window ends {}: add teams "
        "(schedule.teams), enumerators (schedule.enumerators_per_team) or days "
        "(schedule.window)",
        visits.size(), c.start.str(), out->last_day.str(), c.window_end.str());
    return false;
  }
  std::sort(visits.begin(), visits.end(), [](const PlannedVisit& a, const PlannedVisit& b) {
    return std::tie(a.date, a.start, a.team, a.enumerator) <
           std::tie(b.date, b.start, b.team, b.enumerator);
  });

  // --- The roster by village, each list in staff id order.
  const std::vector<Staff>& staff = reg.staff;
  std::vector<int> by_id(staff.size());
  for (std::size_t i = 0; i < staff.size(); ++i) by_id[i] = static_cast<int>(i);
  std::sort(by_id.begin(), by_id.end(), [&](int a, int b) { return staff[a].id < staff[b].id; });
  std::map<int, std::vector<int>> guides, local_interpreters;
  std::vector<int> pool;
  for (int s : by_id) {
    if (staff[s].role == StaffRole::kGuide) {
      if (staff[s].village >= 0) guides[staff[s].village].push_back(s);
    } else if (staff[s].village >= 0) {
      local_interpreters[staff[s].village].push_back(s);
    } else {
      pool.push_back(s);
    }
  }
  std::vector<Gap>& gaps = out->gaps;
  for (const VillageWork& w : order) {
    const int have = static_cast<int>(guides[w.village].size());
    if (have < c.guides_per_village)
      gaps.push_back({GapKind::kGuidesShort, w.village, -1, -1, "",
                      fmt::format("only {} guide{} on the roster (schedule.guides_per_village: {})",
                                  have, have == 1 ? "" : "s", c.guides_per_village)});
  }

  // --- Guides and interpreters, round by round in time order.
  std::vector<int> led(staff.size(), 0), interpreted(staff.size(), 0);
  std::vector<std::vector<Commit>> timeline(staff.size());
  for (std::size_t r0 = 0; r0 < visits.size();) {
    std::size_t r1 = r0;
    while (r1 < visits.size() && visits[r1].date == visits[r0].date &&
           visits[r1].start == visits[r0].start && visits[r1].team == visits[r0].team)
      ++r1;
    const int v = visits[r0].village;
    const std::vector<int>& g = guides[v];
    const int n = static_cast<int>(r1 - r0);
    std::vector<std::vector<int64_t>> cost(n, std::vector<int64_t>(g.size() + n, kCostNoGuide));
    for (int i = 0; i < n; ++i) {
      const int h = visits[r0 + i].household;
      const std::string& language = language_of(reg, h);
      for (std::size_t j = 0; j < g.size(); ++j) {
        const Staff& s = staff[g[j]];
        int64_t x = kCostPerVisitLed * led[g[j]];
        if (led[g[j]] == 0) x -= kBonusFirstUse;
        if (language != "zh" && speaks(s, language)) x -= kBonusSpeaks;
        if (knows_group(s, reg.households.group_id[h])) x -= kBonusKnowsGroup;
        cost[i][j] = x;
      }
    }
    const std::vector<int> column = hungarian(cost);
    std::set<int> busy;  // staff at a visit of this round
    for (int i = 0; i < n; ++i) {
      PlannedVisit& visit = visits[r0 + i];
      if (column[i] < static_cast<int>(g.size())) {
        visit.guide = g[column[i]];
        ++led[visit.guide];
        busy.insert(visit.guide);
      } else {
        gaps.push_back({GapKind::kNoGuide, v, visit.household, static_cast<int>(r0 + i), "",
                        g.empty()
                            ? std::string("the village has no guide on the roster")
                            : fmt::format("all {} guides of the village lead other visits at {} {}",
                                          g.size(), visit.date.str(), format_clock(visit.start))});
      }
    }
    for (int i = 0; i < n; ++i) {
      PlannedVisit& visit = visits[r0 + i];
      const std::string& language = language_of(reg, visit.household);
      if (language == "zh") continue;
      if (visit.guide >= 0 && speaks(staff[visit.guide], language)) {
        visit.interpreter = visit.guide;
        ++interpreted[visit.guide];
        continue;
      }
      auto pick_local = [&](const std::vector<int>& candidates) {
        int chosen = -1;
        for (int s : candidates) {
          if (busy.count(s) || !speaks(staff[s], language)) continue;
          if (chosen < 0 || interpreted[s] < interpreted[chosen]) chosen = s;
        }
        return chosen;
      };
      int chosen = pick_local(g);
      if (chosen < 0) chosen = pick_local(local_interpreters[v]);
      const Commit x{visit.date.days(), visit.start, visit.end, v};
      if (chosen < 0) {
        // The county pool: one already in this village that day first (no journey), then
        // the least used.
        auto here = [&](int s) {
          auto it = std::lower_bound(timeline[s].begin(), timeline[s].end(), x);
          return it != timeline[s].begin() && (it - 1)->village == v && (it - 1)->day == x.day;
        };
        for (int s : pool) {
          if (!speaks(staff[s], language) || !fits(reg, c, timeline[s], x)) continue;
          if (chosen < 0 || std::make_tuple(!here(s), interpreted[s]) <
                                std::make_tuple(!here(chosen), interpreted[chosen]))
            chosen = s;
        }
        if (chosen >= 0) {
          timeline[chosen].insert(
              std::upper_bound(timeline[chosen].begin(), timeline[chosen].end(), x), x);
        }
      }
      if (chosen >= 0) {
        visit.interpreter = chosen;
        ++interpreted[chosen];
        busy.insert(chosen);
        continue;
      }
      bool anyone = false;
      for (int s : g) anyone = anyone || speaks(staff[s], language);
      for (int s : local_interpreters[v]) anyone = anyone || speaks(staff[s], language);
      for (int s : pool) anyone = anyone || speaks(staff[s], language);
      gaps.push_back(
          {GapKind::kNoInterpreter, v, visit.household, static_cast<int>(r0 + i), language,
           anyone ? fmt::format("no guide of the village or county interpreter who speaks {} "
                                "is free at {} {}",
                                language, visit.date.str(), format_clock(visit.start))
                  : fmt::format("nobody on the roster for this village speaks {}", language)});
    }
    r0 = r1;
  }

  // --- Notifications: the group's contact person, the evening before.
  for (std::size_t i = 0; i < visits.size(); ++i) {
    const PlannedVisit& visit = visits[i];
    const int h = visit.household;
    Notification note;
    note.date = Date::from_days(visit.date.days() - 1);
    note.minutes = kNotifyMinutes;
    note.visit = static_cast<int>(i);
    note.household = h;
    const int grp = reg.households.group[h];
    if (grp >= 0 && !reg.groups[grp].contact_name.empty()) {
      note.group = grp;
      note.contact_name = reg.groups[grp].contact_name;
      note.contact_phone = reg.groups[grp].contact_phone;
    } else {
      // The guide who will lead the visit knows the way to the house; else the village's
      // first guide.
      int fallback = visit.guide;
      if (fallback < 0 && !guides[visit.village].empty()) fallback = guides[visit.village][0];
      const std::string why =
          grp < 0 ? std::string("the household has no group")
                  : fmt::format("group {} has no contact person", reg.groups[grp].id);
      std::string detail;
      if (fallback >= 0) {
        note.staff = fallback;
        note.contact_name = staff[fallback].name;
        note.contact_phone = staff[fallback].phone;
        detail = fmt::format("{}: guide {} notifies instead", why, staff[fallback].id);
      } else {
        detail = fmt::format("{} and the village has no guide: nobody notifies", why);
      }
      gaps.push_back({GapKind::kNoContact, visit.village, h, static_cast<int>(i), "", detail});
    }
    out->notifications.push_back(std::move(note));
  }
  return true;
}

}  // namespace kaoping
