#include "schedule/assign.h"

#include <algorithm>
#include <climits>
#include <set>
#include <span>
#include <string_view>
#include <tuple>

namespace kaoping {
namespace {

constexpr int64_t kInfinity = INT64_MAX / 4;
constexpr std::string_view kZh = "zh";

// Costs of the guide assignment. A guide not yet used in the village beats any used one,
// so a village's visits spread over as many guides as it has (at least guides_per_village
// when the roster has them); then one who can also interpret, then one who knows the
// household's group, then the least loaded (loads balanced).
constexpr int64_t kCostPerVisitLed = 10;
constexpr int64_t kBonusFirstUse = 100;
constexpr int64_t kBonusSpeaks = 40;
constexpr int64_t kBonusKnowsGroup = 15;
constexpr int64_t kCostNoGuide = 1000000;

bool speaks(const Staff& s, std::string_view language) {
  return std::find(s.languages.begin(), s.languages.end(), language) != s.languages.end();
}

bool knows_group(const Staff& s, const std::string& group_id) {
  return !group_id.empty() &&
         std::find(s.groups.begin(), s.groups.end(), group_id) != s.groups.end();
}

std::string_view language_of(const Registry& reg, int h) {
  const std::string& l = reg.households.language[h];
  return l.empty() ? kZh : std::string_view(l);
}

std::span<const int> list_of(const std::map<int, std::vector<int>>& by_village, int village) {
  auto it = by_village.find(village);
  return it == by_village.end() ? std::span<const int>() : std::span<const int>(it->second);
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

/// What each staff member has taken on so far: the loads that the choices balance.
struct Loads {
  std::vector<int> led, interpreted;          ///< visits, per staff member
  std::vector<std::vector<Commit>> timeline;  ///< a pool interpreter's commitments, sorted
};

/// One past the last visit of the round that starts at r0: the parallel visits of one team
/// at one time.
std::size_t round_end(const std::vector<PlannedVisit>& visits, std::size_t r0) {
  std::size_t r1 = r0;
  while (r1 < visits.size() && visits[r1].date == visits[r0].date &&
         visits[r1].start == visits[r0].start && visits[r1].team == visits[r0].team)
    ++r1;
  return r1;
}

/// A gap about visit `i`, with its village, household and time.
Gap visit_gap(GapKind kind, const std::vector<PlannedVisit>& visits, std::size_t i) {
  const PlannedVisit& v = visits[i];
  Gap gap;
  gap.kind = kind;
  gap.village = v.village;
  gap.household = v.household;
  gap.visit = static_cast<int>(i);
  gap.date = v.date;
  gap.start = v.start;
  return gap;
}

/// The cost of guide `s`, who has led `led` visits so far, leading household `h`.
int64_t guide_cost(const Registry& reg, int s, int led, int h) {
  const Staff& guide = reg.staff[s];
  const std::string_view language = language_of(reg, h);
  int64_t x = kCostPerVisitLed * led;
  if (led == 0) x -= kBonusFirstUse;
  if (language != kZh && speaks(guide, language)) x -= kBonusSpeaks;
  if (knows_group(guide, reg.households.group_id[h])) x -= kBonusKnowsGroup;
  return x;
}

/// Matches the visits [r0, r1) of one round to the guides `g` of their village; the guides
/// taken go into *busy, each visit left over becomes a kNoGuide gap.
void assign_guides(const Registry& reg, std::span<const int> g, std::size_t r0, std::size_t r1,
                   Loads* loads, Plan* plan, std::set<int>* busy) {
  std::vector<PlannedVisit>& visits = plan->visits;
  const int n = static_cast<int>(r1 - r0);
  // One dummy column per visit, at kCostNoGuide, so that every visit gets a column.
  std::vector<std::vector<int64_t>> cost(n, std::vector<int64_t>(g.size() + n, kCostNoGuide));
  for (int i = 0; i < n; ++i)
    for (std::size_t j = 0; j < g.size(); ++j)
      cost[i][j] = guide_cost(reg, g[j], loads->led[g[j]], visits[r0 + i].household);
  const std::vector<int> column = hungarian(cost);
  for (int i = 0; i < n; ++i) {
    PlannedVisit& visit = visits[r0 + i];
    if (column[i] < static_cast<int>(g.size())) {
      visit.guide = g[column[i]];
      ++loads->led[visit.guide];
      busy->insert(visit.guide);
    } else {
      Gap gap = visit_gap(GapKind::kNoGuide, visits, r0 + i);
      gap.guides = static_cast<int>(g.size());
      gap.busy.assign(g.begin(), g.end());
      plan->gaps.push_back(std::move(gap));
    }
  }
}

/// Of `candidates` who live in the village, the one free in this round who speaks
/// `language` and has interpreted least (the first in staff id order on a tie); -1 if none.
int pick_local(const Registry& reg, std::span<const int> candidates, std::string_view language,
               const std::set<int>& busy, const Loads& loads) {
  int chosen = -1;
  for (int s : candidates) {
    if (busy.count(s) || !speaks(reg.staff[s], language)) continue;
    if (chosen < 0 || loads.interpreted[s] < loads.interpreted[chosen]) chosen = s;
  }
  return chosen;
}

/// Of the county pool, an interpreter who speaks `language` and can make the journeys to
/// and from commitment `x`: one already in that village that day first (no journey), then
/// the least used; -1 if none.
int pick_pool(const Registry& reg, const ScheduleConfig& c, const std::vector<int>& pool,
              std::string_view language, const Commit& x, const Loads& loads) {
  auto here = [&](int s) {
    const std::vector<Commit>& tl = loads.timeline[s];
    auto it = std::lower_bound(tl.begin(), tl.end(), x);
    return it != tl.begin() && (it - 1)->village == x.village && (it - 1)->day == x.day;
  };
  int chosen = -1;
  for (int s : pool) {
    if (!speaks(reg.staff[s], language) || !fits(reg, c, loads.timeline[s], x)) continue;
    if (chosen < 0 || std::make_tuple(!here(s), loads.interpreted[s]) <
                          std::make_tuple(!here(chosen), loads.interpreted[chosen]))
      chosen = s;
  }
  return chosen;
}

/// Everyone on the roster for `village` who speaks `language`: its guides, its
/// interpreters, then the county pool.
std::vector<int> speakers(const Registry& reg, const Roster& roster, int village,
                          std::string_view language) {
  std::vector<int> out;
  auto add = [&](std::span<const int> list) {
    for (int s : list)
      if (speaks(reg.staff[s], language)) out.push_back(s);
  };
  add(roster.guides_of(village));
  add(roster.interpreters_of(village));
  add(roster.pool);
  return out;
}

/// The interpreter of visit `i` when its household does not speak zh: the leading guide
/// when they speak the language, else a free guide of the village, else an interpreter of
/// the village, else one of the county pool; else a kNoInterpreter gap.
void assign_interpreter(const Registry& reg, const ScheduleConfig& c, const Roster& roster,
                        std::size_t i, Loads* loads, Plan* plan, std::set<int>* busy) {
  PlannedVisit& visit = plan->visits[i];
  const std::string_view language = language_of(reg, visit.household);
  if (language == kZh) return;
  if (visit.guide >= 0 && speaks(reg.staff[visit.guide], language)) {
    visit.interpreter = visit.guide;
    ++loads->interpreted[visit.guide];
    return;
  }
  const int v = visit.village;
  int chosen = pick_local(reg, roster.guides_of(v), language, *busy, *loads);
  if (chosen < 0) chosen = pick_local(reg, roster.interpreters_of(v), language, *busy, *loads);
  if (chosen < 0) {
    const Commit x{visit.date.days(), visit.start, visit.end, v};
    chosen = pick_pool(reg, c, roster.pool, language, x, *loads);
    if (chosen >= 0) {
      std::vector<Commit>& tl = loads->timeline[chosen];
      tl.insert(std::upper_bound(tl.begin(), tl.end(), x), x);
    }
  }
  if (chosen >= 0) {
    visit.interpreter = chosen;
    ++loads->interpreted[chosen];
    busy->insert(chosen);
    return;
  }
  Gap gap = visit_gap(GapKind::kNoInterpreter, plan->visits, i);
  gap.language = std::string(language);
  gap.busy = speakers(reg, roster, v, language);
  plan->gaps.push_back(std::move(gap));
}

}  // namespace

std::span<const int> Roster::guides_of(int village) const {
  return list_of(guides, village);
}

std::span<const int> Roster::interpreters_of(int village) const {
  return list_of(interpreters, village);
}

Roster make_roster(const std::vector<Staff>& staff) {
  std::vector<int> by_id(staff.size());
  for (std::size_t i = 0; i < staff.size(); ++i) by_id[i] = static_cast<int>(i);
  std::sort(by_id.begin(), by_id.end(), [&](int a, int b) { return staff[a].id < staff[b].id; });
  Roster roster;
  for (int s : by_id) {
    if (staff[s].role == StaffRole::kGuide) {
      if (staff[s].village >= 0) roster.guides[staff[s].village].push_back(s);
    } else if (staff[s].village >= 0) {
      roster.interpreters[staff[s].village].push_back(s);
    } else {
      roster.pool.push_back(s);
    }
  }
  return roster;
}

void add_guides_short(const Roster& roster, const std::vector<int>& villages,
                      int guides_per_village, std::vector<Gap>* gaps) {
  for (int v : villages) {
    const std::span<const int> g = roster.guides_of(v);
    if (static_cast<int>(g.size()) >= guides_per_village) continue;
    Gap gap;
    gap.kind = GapKind::kGuidesShort;
    gap.village = v;
    gap.guides = static_cast<int>(g.size());
    gap.guides_needed = guides_per_village;
    gap.busy.assign(g.begin(), g.end());
    gaps->push_back(std::move(gap));
  }
}

void assign_people(const Registry& reg, const ScheduleConfig& c, const Roster& roster, Plan* plan) {
  const std::size_t n_staff = reg.staff.size();
  Loads loads{std::vector<int>(n_staff, 0), std::vector<int>(n_staff, 0),
              std::vector<std::vector<Commit>>(n_staff)};
  const std::vector<PlannedVisit>& visits = plan->visits;
  for (std::size_t r0 = 0; r0 < visits.size();) {
    const std::size_t r1 = round_end(visits, r0);
    std::set<int> busy;  // staff at a visit of this round
    assign_guides(reg, roster.guides_of(visits[r0].village), r0, r1, &loads, plan, &busy);
    for (std::size_t i = r0; i < r1; ++i)
      assign_interpreter(reg, c, roster, i, &loads, plan, &busy);
    r0 = r1;
  }
}

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

}  // namespace kaoping
