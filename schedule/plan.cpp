#include "schedule/plan.h"

#include <fmt/format.h>

#include <algorithm>
#include <climits>
#include <map>
#include <tuple>

#include "schedule/assign.h"

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
      // The enumerators walk to their next households of the village.
      s = first_slot(c, st->clock + c.walk_minutes);
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

/// The villages [first, last) of the travel order that one team visits.
using Run = std::pair<int, int>;

/// False, with *err, when the settings make any plan impossible.
bool check_settings(const ScheduleConfig& c, std::string* err) {
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
  return true;
}

/// The households by village, each at most once; false, with *err, on a bad index or a
/// household listed twice.
bool group_by_village(const Registry& reg, const std::vector<int>& households,
                      std::map<int, VillageWork>* by_village, std::string* err) {
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
    (*by_village)[v].village = v;
    (*by_village)[v].households.push_back(h);
  }
  return true;
}

/// The villages to visit in travel order: townships by their travel from the county seat,
/// then villages by their travel from the township seat. False, with *err, when a village
/// is so far that no visit fits after the journey.
bool villages_in_travel_order(const Registry& reg, const std::vector<int>& households,
                              const ScheduleConfig& c, std::vector<VillageWork>* order,
                              std::string* err) {
  std::map<int, VillageWork> by_village;
  if (!group_by_village(reg, households, &by_village, err)) return false;
  const Households& hh = reg.households;
  for (auto& [v, w] : by_village) {
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
    order->push_back(std::move(w));
  }
  auto place_key = [&](const VillageWork& w) {
    const Village& v = reg.villages[w.village];
    const Township& t = reg.townships[v.township];
    return std::make_tuple(t.travel_minutes, t.id, v.travel_minutes, v.id);
  };
  std::sort(order->begin(), order->end(), [&](const VillageWork& a, const VillageWork& b) {
    return place_key(a) < place_key(b);
  });
  return true;
}

/// finish[i][j]: the absolute minute at which a team that visits villages i .. j-1 of the
/// order, leaving the county seat on the first day, is done; kInfinity when it cannot.
std::vector<std::vector<int64_t>> run_finishes(const Registry& reg, const ScheduleConfig& c,
                                               const std::vector<VillageWork>& order) {
  const int m = static_cast<int>(order.size());
  std::vector<std::vector<int64_t>> finish(m + 1, std::vector<int64_t>(m + 1, 0));
  for (int i = 0; i < m; ++i) {
    RunState st{c.start.days(), c.day_start, -1};
    bool ok = true;
    for (int j = i; j < m; ++j) {
      ok = ok && advance(reg, c, order[j], &st, nullptr);
      finish[i][j + 1] = ok ? absolute_minutes(st) : kInfinity;
    }
  }
  return finish;
}

/// Splits the order into contiguous runs, one per team, minimising the latest finish (the
/// linear partition problem, by dynamic programming over exactly simulated runs). False,
/// with *err, when no split fits every journey into a working day.
bool split_among_teams(const Registry& reg, const ScheduleConfig& c,
                       const std::vector<VillageWork>& order, std::vector<Run>* runs,
                       std::string* err) {
  const int m = static_cast<int>(order.size());
  const std::vector<std::vector<int64_t>> finish = run_finishes(reg, c, order);
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
  runs->assign(k_teams, Run{});
  for (int k = k_teams, j = m; k >= 1; --k) {
    (*runs)[k - 1] = {cut[k][j], j};
    j = cut[k][j];
  }
  return true;
}

/// Appends the visits of team `team` (1-based) through its run; returns the last day used.
int64_t time_run(const Registry& reg, const ScheduleConfig& c,
                 const std::vector<VillageWork>& order, Run run, int team,
                 std::vector<PlannedVisit>* visits) {
  int64_t last_day = c.start.days();
  RunState st{c.start.days(), c.day_start, -1};
  for (int j = run.first; j < run.second; ++j) {
    const VillageWork& w = order[j];
    std::vector<SlotTime> slots;
    advance(reg, c, w, &st, &slots);
    for (std::size_t i = 0; i < w.households.size(); ++i) {
      const SlotTime& slot = slots[i % w.slots];
      PlannedVisit visit;
      visit.date = Date::from_days(slot.day);
      visit.start = slot.start;
      visit.end = slot.start + c.visit_minutes;
      visit.team = team;
      // Each enumerator walks a contiguous block of the group-ordered households.
      visit.enumerator = static_cast<int>(i) / w.slots + 1;
      visit.household = w.households[i];
      visit.village = w.village;
      visits->push_back(visit);
      last_day = std::max(last_day, slot.day);
    }
  }
  return last_day;
}

/// The times of every visit, ordered by date, start, team and enumerator. False, with
/// *err, when they need days after the end of the window.
bool time_visits(const Registry& reg, const ScheduleConfig& c,
                 const std::vector<VillageWork>& order, const std::vector<Run>& runs, Plan* out,
                 std::string* err) {
  std::vector<PlannedVisit>& visits = out->visits;
  int64_t last_day = c.start.days();
  for (std::size_t k = 0; k < runs.size(); ++k)
    last_day =
        std::max(last_day, time_run(reg, c, order, runs[k], static_cast<int>(k) + 1, &visits));
  out->last_day = Date::from_days(last_day);
  if (out->last_day > c.window_end) {
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
  return true;
}

/// The notification of visit `i`: the household's group contact person, the evening
/// before; a guide of the village (the one who leads the visit, else the first) when the
/// household has no group or its group no contact person, which is a kNoContact gap.
Notification notification_of(const Registry& reg, const Roster& roster, Plan* plan, std::size_t i) {
  const PlannedVisit& visit = plan->visits[i];
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
    return note;
  }
  // The guide who will lead the visit knows the way to the house; else the village's first.
  const std::span<const int> guides = roster.guides_of(visit.village);
  const int fallback = visit.guide >= 0 ? visit.guide : (guides.empty() ? -1 : guides[0]);
  if (fallback >= 0) {
    note.staff = fallback;
    note.contact_name = reg.staff[fallback].name;
    note.contact_phone = reg.staff[fallback].phone;
  }
  Gap gap;
  gap.kind = GapKind::kNoContact;
  gap.village = visit.village;
  gap.household = h;
  gap.visit = static_cast<int>(i);
  gap.date = visit.date;
  gap.start = visit.start;
  gap.group = grp;
  gap.notifier = fallback;
  plan->gaps.push_back(std::move(gap));
  return note;
}

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

std::vector<int> sampled_households(const Draw& draw) {
  std::vector<int> out;
  for (const DrawRow& row : draw.rows)
    if (row.role == Role::kSample) out.push_back(row.household);
  return out;
}

std::vector<int> standby_households(const Draw& draw) {
  std::map<std::pair<int, int>, int> in_sample;  // (village, category) -> sample households
  for (const DrawRow& row : draw.rows)
    if (row.role == Role::kSample) ++in_sample[{row.village, static_cast<int>(row.category)}];
  std::vector<int> out;
  for (const DrawRow& row : draw.rows) {
    if (row.role != Role::kReserve) continue;
    const int n = in_sample[{row.village, static_cast<int>(row.category)}];
    if (row.reserve_rank >= 1 && row.reserve_rank <= (n + kStandbyPer - 1) / kStandbyPer)
      out.push_back(row.household);
  }
  return out;
}

void add_standby(const Registry& reg, const std::vector<int>& reserves, Plan* plan) {
  // village -> the first visit of each of its days (visits are in time order): a village
  // visited over two days has its reserves stand by on both.
  std::map<int, std::vector<int>> day_visits;
  for (std::size_t k = 0; k < plan->visits.size(); ++k) {
    std::vector<int>& days = day_visits[plan->visits[k].village];
    if (days.empty() || plan->visits[days.back()].date.days() != plan->visits[k].date.days())
      days.push_back(static_cast<int>(k));
  }
  const Roster roster = make_roster(reg.staff);
  std::vector<Notification> notes;
  for (int h : reserves) {
    auto it = day_visits.find(reg.households.village[h]);
    if (it == day_visits.end()) continue;
    for (const int k : it->second) {
      const PlannedVisit& visit = plan->visits[k];
      Notification note;
      note.date = Date::from_days(visit.date.days() - 1);
      note.minutes = kNotifyMinutes;
      note.visit = k;
      note.household = h;
      const int grp = reg.households.group[h];
      const std::span<const int> guides = roster.guides_of(visit.village);
      if (grp >= 0 && !reg.groups[grp].contact_name.empty()) {
        note.group = grp;
        note.contact_name = reg.groups[grp].contact_name;
        note.contact_phone = reg.groups[grp].contact_phone;
      } else if (!guides.empty()) {
        note.staff = guides[0];
        note.contact_name = reg.staff[guides[0]].name;
        note.contact_phone = reg.staff[guides[0]].phone;
      }
      notes.push_back(std::move(note));
    }
  }
  std::stable_sort(notes.begin(), notes.end(), [&](const Notification& a, const Notification& b) {
    return std::tie(a.visit, reg.households.id[a.household]) <
           std::tie(b.visit, reg.households.id[b.household]);
  });
  plan->standby = std::move(notes);
}

bool plan_schedule(const Registry& reg, const std::vector<int>& households, const ScheduleConfig& c,
                   Plan* out, std::string* err) {
  *out = Plan{};
  if (!check_settings(c, err)) return false;
  out->first_day = out->last_day = c.start;
  std::vector<VillageWork> order;
  if (!villages_in_travel_order(reg, households, c, &order, err)) return false;
  out->villages = static_cast<int>(order.size());
  std::vector<Run> runs;
  if (!split_among_teams(reg, c, order, &runs, err)) return false;
  if (!time_visits(reg, c, order, runs, out, err)) return false;

  const Roster roster = make_roster(reg.staff);
  std::vector<int> villages;
  for (const VillageWork& w : order) villages.push_back(w.village);
  add_guides_short(roster, villages, c.guides_per_village, &out->gaps);
  assign_people(reg, c, roster, out);
  for (std::size_t i = 0; i < out->visits.size(); ++i)
    out->notifications.push_back(notification_of(reg, roster, out, i));
  return true;
}

}  // namespace kaoping
