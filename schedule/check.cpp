#include "schedule/check.h"

#include <algorithm>
#include <iterator>
#include <map>
#include <set>
#include <tuple>

namespace kaoping {
namespace {

// The names of ProblemKind, in its order.
constexpr std::string_view kProblemNames[] = {
    "gap_without_visit",
    "gap_time",
    "gap_figures",
    "false_no_guide",
    "false_no_interpreter",
    "visit_count",
    "not_sampled",
    "wrong_village",
    "duration",
    "outside_day",
    "over_lunch",
    "outside_window",
    "no_such_team",
    "not_village_guide",
    "undeclared_no_guide",
    "needless_interpreter",
    "interpreter_language",
    "interpreter_village",
    "undeclared_no_interpreter",
    "double_booked",
    "no_walk",
    "unreachable",
    "undeclared_guides_short",
    "guides_not_spread",
    "false_guides_short",
    "notification_without_visit",
    "notification_household",
    "notified_late",
    "not_group_contact",
    "undeclared_no_contact",
    "notifier_not_guide",
    "notification_count",
};
static_assert(std::size(kProblemNames) ==
                  static_cast<std::size_t>(ProblemKind::kNotificationCount) + 1,
              "one name per ProblemKind");

/// One commitment of a person or a team: a visit at a time and place.
struct Busy {
  int64_t day = 0;
  int start = 0, end = 0;
  int village = -1;
  int visit = -1;
  bool operator<(const Busy& o) const {
    return std::tie(day, start, end, visit) < std::tie(o.day, o.start, o.end, o.visit);
  }
};

/// What the plan itself says is missing.
struct DeclaredGaps {
  std::set<std::pair<GapKind, int>> households;  ///< (kind, household) of visit-level gaps
  std::set<int> short_villages;                  ///< villages of kGuidesShort gaps
};

/// Everyone's commitments, gathered from the visits.
struct Commitments {
  std::map<std::pair<int, int>, std::vector<Busy>> enumerators;  ///< (team, enumerator)
  std::map<int, std::vector<Busy>> staff;                        ///< guides and interpreters
  std::map<int, std::vector<Busy>> teams;
  std::map<int, std::set<int>> village_guides;  ///< village -> the guides who lead its visits
  std::map<int, int> village_visits;
};

/// The state of one proof: the plan, what it declares, and the problems found so far.
struct Proof {
  const Registry& reg;
  const ScheduleConfig& c;
  const Plan& plan;
  std::vector<PlanProblem>* problems;
  std::map<int, std::vector<int>> roster_guides;  ///< village -> its guides on the roster
  DeclaredGaps declared;
  Commitments commitments;

  /// Appends a problem of `kind` about `visit` and returns it for its figures.
  PlanProblem& add(ProblemKind kind, int visit = -1) {
    problems->emplace_back();
    problems->back().kind = kind;
    problems->back().visit = visit;
    return problems->back();
  }
  bool valid_household(int h) const {
    return h >= 0 && static_cast<std::size_t>(h) < reg.households.count();
  }
  bool valid_village(int v) const {
    return v >= 0 && static_cast<std::size_t>(v) < reg.villages.size();
  }
  bool valid_staff(int s) const { return s >= 0 && static_cast<std::size_t>(s) < reg.staff.size(); }
  std::string language(int h) const {
    const std::string& l = reg.households.language[h];
    return l.empty() ? std::string("zh") : l;
  }
  int roster_count(int village) const {
    auto it = roster_guides.find(village);
    return it == roster_guides.end() ? 0 : static_cast<int>(it->second.size());
  }
};

bool has(const std::vector<std::string>& list, const std::string& x) {
  return std::find(list.begin(), list.end(), x) != list.end();
}

std::map<int, std::vector<int>> guides_by_village(const std::vector<Staff>& staff) {
  std::map<int, std::vector<int>> out;
  for (std::size_t s = 0; s < staff.size(); ++s)
    if (staff[s].role == StaffRole::kGuide && staff[s].village >= 0)
      out[staff[s].village].push_back(static_cast<int>(s));
  return out;
}

DeclaredGaps declared_gaps(const Plan& plan) {
  DeclaredGaps d;
  for (const Gap& g : plan.gaps) {
    if (g.kind == GapKind::kGuidesShort)
      d.short_villages.insert(g.village);
    else
      d.households.insert({g.kind, g.household});
  }
  return d;
}

/// Everyone on the roster for `village` (its guides, its interpreters, the county pool) who
/// speaks `language`, in index order.
std::vector<int> roster_speakers(const Proof& p, int village, const std::string& language) {
  std::vector<int> out;
  for (std::size_t s = 0; s < p.reg.staff.size(); ++s) {
    const Staff& x = p.reg.staff[s];
    if ((x.village == village || (x.role == StaffRole::kInterpreter && x.village < 0)) &&
        has(x.languages, language))
      out.push_back(static_cast<int>(s));
  }
  return out;
}

std::vector<int> sorted(std::vector<int> list) {
  std::sort(list.begin(), list.end());
  return list;
}

/// The staff index of the first notification of `visit`, or -2 when none names it.
int notifier_of(const Plan& plan, int visit) {
  for (const Notification& n : plan.notifications)
    if (n.visit == visit) return n.staff;
  return -2;
}

/// Each of `guides` leads another visit at the time of visit `v`.
bool all_lead_elsewhere(const Plan& plan, const std::vector<int>& guides, const PlannedVisit& v) {
  for (int s : guides) {
    bool elsewhere = false;
    for (const PlannedVisit& w : plan.visits)
      elsewhere = elsewhere || (&w != &v && w.guide == s && w.date == v.date && w.start < v.end &&
                                v.start < w.end);
    if (!elsewhere) return false;
  }
  return true;
}

/// A gap's figures are those of the roster, the household, the plan and the notification.
bool gap_figures_hold(const Proof& p, const Gap& g) {
  auto it = p.roster_guides.find(g.village);
  const std::vector<int> guides = it == p.roster_guides.end() ? std::vector<int>() : it->second;
  switch (g.kind) {
    case GapKind::kGuidesShort:
      return g.guides == static_cast<int>(guides.size()) && sorted(g.busy) == guides &&
             g.guides_needed == p.c.guides_per_village;
    case GapKind::kNoGuide:
      return g.guides == static_cast<int>(guides.size()) && sorted(g.busy) == guides &&
             all_lead_elsewhere(p.plan, guides, p.plan.visits[g.visit]);
    case GapKind::kNoInterpreter:
      return g.language == p.language(g.household) &&
             sorted(g.busy) == roster_speakers(p, g.village, g.language);
    case GapKind::kNoContact: {
      const int grp = p.reg.households.group[g.household];
      return g.group == grp && (grp < 0 || p.reg.groups[grp].contact_name.empty()) &&
             g.notifier == notifier_of(p.plan, g.visit);
    }
  }
  return false;
}

/// Every gap names something really missing, at its visit's time, with the roster's figures.
void check_gaps(Proof* p) {
  const std::vector<PlannedVisit>& visits = p->plan.visits;
  for (std::size_t k = 0; k < p->plan.gaps.size(); ++k) {
    const Gap& g = p->plan.gaps[k];
    const int gap = static_cast<int>(k);
    if (g.kind == GapKind::kGuidesShort) {
      if (!gap_figures_hold(*p, g)) p->add(ProblemKind::kGapFigures).gap = gap;
      continue;
    }
    if (g.visit < 0 || static_cast<std::size_t>(g.visit) >= visits.size() ||
        visits[g.visit].household != g.household || !p->valid_household(g.household)) {
      p->add(ProblemKind::kGapWithoutVisit).gap = gap;
      continue;
    }
    const PlannedVisit& v = visits[g.visit];
    if (g.date != v.date || g.start != v.start) p->add(ProblemKind::kGapTime, g.visit).gap = gap;
    if (!gap_figures_hold(*p, g)) p->add(ProblemKind::kGapFigures, g.visit).gap = gap;
    if (g.kind == GapKind::kNoGuide && v.guide >= 0) {
      PlanProblem& x = p->add(ProblemKind::kFalseNoGuide, g.visit);
      x.gap = gap;
      x.staff = v.guide;
    }
    if (g.kind == GapKind::kNoInterpreter && v.interpreter >= 0) {
      PlanProblem& x = p->add(ProblemKind::kFalseNoInterpreter, g.visit);
      x.gap = gap;
      x.staff = v.interpreter;
    }
  }
}

/// Every sampled household exactly once, nothing else.
void check_visited_once(Proof* p, const std::vector<int>& households) {
  std::map<int, int> times_visited;
  for (const PlannedVisit& v : p->plan.visits) ++times_visited[v.household];
  const std::set<int> wanted(households.begin(), households.end());
  for (int h : wanted) {
    const int n = times_visited.count(h) ? times_visited[h] : 0;
    if (n != 1) {
      PlanProblem& x = p->add(ProblemKind::kVisitCount);
      x.household = h;
      x.count = n;
    }
  }
  for (const auto& [h, n] : times_visited)
    if (!wanted.count(h)) p->add(ProblemKind::kNotSampled).household = h;
}

/// A visit's own time and crew: in its household's village, visit_minutes long, inside
/// the working day and off lunch, on a day of the window, by a real team and enumerator.
void check_visit_time(Proof* p, int i) {
  const PlannedVisit& v = p->plan.visits[i];
  const ScheduleConfig& c = p->c;
  if (v.end - v.start != c.visit_minutes) {
    PlanProblem& x = p->add(ProblemKind::kDuration, i);
    x.count = v.end - v.start;
    x.expected = c.visit_minutes;
  }
  if (v.start < c.day_start || v.end > c.day_end) {
    PlanProblem& x = p->add(ProblemKind::kOutsideDay, i);
    x.clock_from = c.day_start;
    x.clock_to = c.day_end;
  }
  if (v.start < c.lunch_end && v.end > c.lunch_start) p->add(ProblemKind::kOverLunch, i);
  const int64_t day = v.date.days();
  if (day < c.start.days() || day > c.window_end.days() || v.date < c.window_start) {
    PlanProblem& x = p->add(ProblemKind::kOutsideWindow, i);
    x.day_from = c.start;
    x.day_to = c.window_end;
  }
  if (v.team < 1 || v.team > c.teams || v.enumerator < 1 || v.enumerator > c.enumerators_per_team) {
    PlanProblem& x = p->add(ProblemKind::kNoSuchTeam, i);
    x.team = v.team;
    x.enumerator = v.enumerator;
  }
}

/// The visit's guide: a guide of its village, or a declared no_guide gap.
void check_visit_guide(Proof* p, int i, const Busy& b) {
  const PlannedVisit& v = p->plan.visits[i];
  if (v.guide < 0) {
    if (!p->declared.households.count({GapKind::kNoGuide, v.household}))
      p->add(ProblemKind::kUndeclaredNoGuide, i);
    return;
  }
  if (!p->valid_staff(v.guide) || p->reg.staff[v.guide].role != StaffRole::kGuide ||
      p->reg.staff[v.guide].village != v.village) {
    PlanProblem& x = p->add(ProblemKind::kNotVillageGuide, i);
    x.staff = v.guide;
    x.village = v.village;
    if (!p->valid_staff(v.guide)) return;
  }
  p->commitments.staff[v.guide].push_back(b);
  p->commitments.village_guides[v.village].insert(v.guide);
}

/// The visit's interpreter: only for a non-zh household, speaking its language, local or
/// from the pool; or a declared no_interpreter gap.
void check_visit_interpreter(Proof* p, int i, const Busy& b) {
  const PlannedVisit& v = p->plan.visits[i];
  const std::string language = p->language(v.household);
  if (v.interpreter < 0) {
    if (language != "zh" && !p->declared.households.count({GapKind::kNoInterpreter, v.household}))
      p->add(ProblemKind::kUndeclaredNoInterpreter, i).language = language;
    return;
  }
  if (language == "zh") p->add(ProblemKind::kNeedlessInterpreter, i).staff = v.interpreter;
  if (!p->valid_staff(v.interpreter) || !has(p->reg.staff[v.interpreter].languages, language)) {
    PlanProblem& x = p->add(ProblemKind::kInterpreterLanguage, i);
    x.staff = v.interpreter;
    x.language = language;
    if (!p->valid_staff(v.interpreter)) return;
  }
  const Staff& s = p->reg.staff[v.interpreter];
  if (s.village >= 0 && s.village != v.village)
    p->add(ProblemKind::kInterpreterVillage, i).staff = v.interpreter;
  // A guide interpreting the visit they lead is there once.
  if (v.interpreter != v.guide) p->commitments.staff[v.interpreter].push_back(b);
}

/// Each visit on its own, gathering everyone's commitments on the way.
void check_visits(Proof* p) {
  const std::vector<PlannedVisit>& visits = p->plan.visits;
  for (std::size_t k = 0; k < visits.size(); ++k) {
    const int i = static_cast<int>(k);
    const PlannedVisit& v = visits[k];
    if (!p->valid_household(v.household)) continue;  // kNotSampled says so
    if (!p->valid_village(v.village) || p->reg.households.village[v.household] != v.village) {
      p->add(ProblemKind::kWrongVillage, i).village = v.village;
      if (!p->valid_village(v.village)) continue;
    }
    check_visit_time(p, i);
    const Busy b{v.date.days(), v.start, v.end, v.village, i};
    p->commitments.enumerators[{v.team, v.enumerator}].push_back(b);
    p->commitments.teams[v.team].push_back(b);
    ++p->commitments.village_visits[v.village];
    check_visit_guide(p, i, b);
    check_visit_interpreter(p, i, b);
  }
}

/// Overlapping commitments in `list`, by a staff member (`staff` >= 0) or an enumerator.
void check_one_place(Proof* p, std::vector<Busy> list, int staff, int team, int enumerator) {
  std::sort(list.begin(), list.end());
  for (std::size_t k = 1; k < list.size(); ++k) {
    if (list[k].day != list[k - 1].day || list[k].start >= list[k - 1].end) continue;
    PlanProblem& x = p->add(ProblemKind::kDoubleBooked, list[k].visit);
    x.other_visit = list[k - 1].visit;
    x.staff = staff;
    x.team = team;
    x.enumerator = enumerator;
  }
  // An enumerator walks between two households of one village: schedule.walk_minutes.
  for (std::size_t k = 1; staff < 0 && k < list.size(); ++k) {
    const Busy &a = list[k - 1], &b = list[k];
    if (b.day != a.day || b.village != a.village || b.start < a.end ||
        b.start - a.end >= p->c.walk_minutes)
      continue;
    PlanProblem& x = p->add(ProblemKind::kNoWalk, b.visit);
    x.other_visit = a.visit;
    x.team = team;
    x.enumerator = enumerator;
    x.count = b.start - a.end;
    x.expected = p->c.walk_minutes;
  }
}

/// Nobody in two places at once.
void check_double_booking(Proof* p) {
  for (const auto& [who, list] : p->commitments.enumerators)
    check_one_place(p, list, -1, who.first, who.second);
  for (const auto& [s, list] : p->commitments.staff) check_one_place(p, list, s, 0, 0);
}

/// A traveller (a pool interpreter `staff` >= 0, or team `team`) can reach each village
/// from the previous place (the county seat at first), inside the working day.
void check_journeys_of(Proof* p, std::vector<Busy> list, int staff, int team) {
  std::sort(list.begin(), list.end());
  int place = -1;
  int64_t day = 0;
  int free_from = 0;  // end of the last visit at `place` on `day`
  bool started = false;
  for (const Busy& b : list) {
    if (started && b.village == place) {
      free_from = b.day == day ? std::max(free_from, b.end) : b.end;
      day = b.day;
      continue;
    }
    const int trip = travel_minutes(p->reg, started ? place : -1, b.village);
    const int ready = started && b.day == day ? free_from + trip : p->c.day_start + trip;
    if (b.start < ready) {
      PlanProblem& x = p->add(ProblemKind::kUnreachable, b.visit);
      x.staff = staff;
      x.team = team;
      x.village = b.village;
      x.date = Date::from_days(b.day);
      x.clock_from = b.start;
      x.count = trip;
    }
    started = true;
    place = b.village;
    day = b.day;
    free_from = b.end;
  }
}

/// Journeys of each team and each county-pool interpreter.
void check_journeys(Proof* p) {
  for (const auto& [team, list] : p->commitments.teams) check_journeys_of(p, list, -1, team);
  for (const auto& [s, list] : p->commitments.staff) {
    const Staff& x = p->reg.staff[s];
    if (x.role == StaffRole::kInterpreter && x.village < 0) check_journeys_of(p, list, s, 0);
  }
}

/// Short villages declared, and each village's visits spread over at least
/// min(guides_per_village, its guides, its visits) guides; no village declared short that
/// is not.
void check_guides_per_village(Proof* p) {
  const int per_village = p->c.guides_per_village;
  for (const auto& [village, n_visits] : p->commitments.village_visits) {
    const int roster = p->roster_count(village);
    if (roster < per_village && !p->declared.short_villages.count(village)) {
      PlanProblem& x = p->add(ProblemKind::kUndeclaredGuidesShort);
      x.village = village;
      x.count = roster;
      x.expected = per_village;
    }
    const int need = std::min({per_village, roster, n_visits});
    auto used_it = p->commitments.village_guides.find(village);
    const int used = used_it == p->commitments.village_guides.end()
                         ? 0
                         : static_cast<int>(used_it->second.size());
    if (used < need) {
      PlanProblem& x = p->add(ProblemKind::kGuidesNotSpread);
      x.village = village;
      x.count = used;
      x.expected = need;
    }
  }
  for (std::size_t k = 0; k < p->plan.gaps.size(); ++k) {
    const Gap& g = p->plan.gaps[k];
    if (g.kind != GapKind::kGuidesShort) continue;
    const int roster = p->roster_count(g.village);
    if (g.village < 0 || roster >= per_village) {
      PlanProblem& x = p->add(ProblemKind::kFalseGuidesShort);
      x.gap = static_cast<int>(k);
      x.village = g.village;
      x.count = roster;
    }
  }
}

/// Notification `k` of a valid visit: for its household, before the visit, by the group
/// contact or, when there is none (a declared gap), by a guide of the village.
void check_notification(Proof* p, int k) {
  const Notification& n = p->plan.notifications[k];
  const PlannedVisit& v = p->plan.visits[n.visit];
  if (n.household != v.household)
    p->add(ProblemKind::kNotificationHousehold, n.visit).notification = k;
  if (n.date.days() * 1440 + n.minutes >= v.date.days() * 1440 + v.start) {
    PlanProblem& x = p->add(ProblemKind::kNotifiedLate, n.visit);
    x.notification = k;
    x.date = n.date;
    x.clock_from = n.minutes;
  }
  if (!p->valid_household(v.household)) return;
  const int grp = p->reg.households.group[v.household];
  if (grp >= 0 && !p->reg.groups[grp].contact_name.empty()) {
    if (n.contact_name != p->reg.groups[grp].contact_name ||
        n.contact_phone != p->reg.groups[grp].contact_phone) {
      PlanProblem& x = p->add(ProblemKind::kNotGroupContact, n.visit);
      x.notification = k;
      x.group = grp;
    }
    return;
  }
  if (!p->declared.households.count({GapKind::kNoContact, v.household}))
    p->add(ProblemKind::kUndeclaredNoContact, n.visit).notification = k;
  if (n.staff >= 0 &&
      (!p->valid_staff(n.staff) || p->reg.staff[n.staff].role != StaffRole::kGuide ||
       p->reg.staff[n.staff].village != v.village ||
       n.contact_name != p->reg.staff[n.staff].name)) {
    PlanProblem& x = p->add(ProblemKind::kNotifierNotGuide, n.visit);
    x.notification = k;
    x.staff = n.staff;
  }
}

/// One notification per visit, each valid.
void check_notifications(Proof* p) {
  const std::vector<PlannedVisit>& visits = p->plan.visits;
  std::vector<int> notified(visits.size(), 0);
  for (std::size_t k = 0; k < p->plan.notifications.size(); ++k) {
    const int visit = p->plan.notifications[k].visit;
    if (visit < 0 || static_cast<std::size_t>(visit) >= visits.size()) {
      p->add(ProblemKind::kNotificationWithoutVisit).notification = static_cast<int>(k);
      continue;
    }
    ++notified[visit];
    check_notification(p, static_cast<int>(k));
  }
  for (std::size_t i = 0; i < visits.size(); ++i)
    if (notified[i] != 1)
      p->add(ProblemKind::kNotificationCount, static_cast<int>(i)).count = notified[i];
}

}  // namespace

std::string_view to_string(ProblemKind kind) {
  return kProblemNames[static_cast<std::size_t>(kind)];
}

bool check_plan(const Registry& reg, const std::vector<int>& households, const ScheduleConfig& c,
                const Plan& plan, std::vector<PlanProblem>* problems) {
  const std::size_t before = problems->size();
  Proof p{reg, c, plan, problems, guides_by_village(reg.staff), declared_gaps(plan), {}};
  check_gaps(&p);
  check_visited_once(&p, households);
  check_visits(&p);
  check_double_booking(&p);
  check_journeys(&p);
  check_guides_per_village(&p);
  check_notifications(&p);
  return problems->size() == before;
}

}  // namespace kaoping
