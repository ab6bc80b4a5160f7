// A county small enough to plan on paper, and plans broken on purpose in each way the
// checker knows. Shared by the planner's tests (tests/schedule/plan_test.cpp: which problem,
// with which figures) and the report's (tests/reports/schedule_report_test.cpp: the words).
#pragma once

#include <algorithm>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "registry/registry.h"
#include "schedule/check.h"
#include "schedule/plan.h"

namespace kaoping::schedule_test {

inline void add_household(Registry* reg, const std::string& id, const std::string& village,
                          const std::string& group, const std::string& language) {
  const std::size_t h = reg->households.add_default();
  reg->households.id[h] = id;
  reg->households.village_id[h] = village;
  reg->households.group_id[h] = group;
  reg->households.language[h] = language;
  reg->households.id_number[h] = "530102199001011234";
}

inline void add_guide(Registry* reg, const std::string& id, const std::string& village,
                      std::vector<std::string> languages, std::vector<std::string> groups) {
  Staff s;
  s.id = id;
  s.name = "向导" + id;
  s.phone = "1390000000" + std::to_string(reg->staff.size());
  s.role = StaffRole::kGuide;
  s.village_id = village;
  s.languages = std::move(languages);
  s.groups = std::move(groups);
  reg->staff.push_back(s);
}

/// Two townships: T1 (60 minutes from the county seat) with V1 (30 from its township seat)
/// and V2 (20), T2 (90) with V3 (45). V1 has groups G1, G2 with contacts, V2 has G3 without
/// a contact name, V3 has no groups. V1: H101..H105 in G1 (H104, H105 speak yi), H106..H110
/// in G2; V2: H201..H204 in G3; V3: H301..H305 without a group, H301 speaks hani. Guides
/// (staff 0..6): V1 has A (zh, yi), B (knows G2), C (knows G1); V2 has D only; V3 has E, F,
/// G. Staff 7 is P, a county interpreter of hani. Indexes are built.
inline Registry hand_county() {
  Registry reg;
  reg.townships = {{"T1", "一乡", 60}, {"T2", "二乡", 90}};
  reg.villages.push_back({"V1", "T1", -1, "一村", 0, 0, 0, std::nullopt, 30});
  reg.villages.push_back({"V2", "T1", -1, "二村", 0, 0, 0, std::nullopt, 20});
  reg.villages.push_back({"V3", "T2", -1, "三村", 0, 0, 0, std::nullopt, 45});
  reg.groups.push_back({"G1", "V1", -1, "一组", "张三", "13800000001"});
  reg.groups.push_back({"G2", "V1", -1, "二组", "李四", "13800000002"});
  reg.groups.push_back({"G3", "V2", -1, "三组", "", ""});
  for (int i = 1; i <= 10; ++i)
    add_household(&reg, "H1" + std::string(i < 10 ? "0" : "") + std::to_string(i), "V1",
                  i <= 5 ? "G1" : "G2", i == 4 || i == 5 ? "yi" : "zh");
  for (int i = 1; i <= 4; ++i) add_household(&reg, "H20" + std::to_string(i), "V2", "G3", "zh");
  for (int i = 1; i <= 5; ++i)
    add_household(&reg, "H30" + std::to_string(i), "V3", "", i == 1 ? "hani" : "zh");
  add_guide(&reg, "A", "V1", {"zh", "yi"}, {});
  add_guide(&reg, "B", "V1", {"zh"}, {"G2"});
  add_guide(&reg, "C", "V1", {"zh"}, {"G1"});
  add_guide(&reg, "D", "V2", {"zh"}, {});
  add_guide(&reg, "E", "V3", {"zh"}, {});
  add_guide(&reg, "F", "V3", {"zh"}, {});
  add_guide(&reg, "G", "V3", {"zh"}, {});
  Staff p;
  p.id = "P";
  p.name = "译员";
  p.role = StaffRole::kInterpreter;
  p.languages = {"zh", "hani"};
  reg.staff.push_back(p);
  std::string err;
  if (!reg.build_indexes(&err)) reg = Registry{};  // the tests then fail on an empty county
  return reg;
}

/// Every household of `reg`, in registry order.
inline std::vector<int> every_household(const Registry& reg) {
  std::vector<int> out(reg.households.count());
  for (std::size_t i = 0; i < out.size(); ++i) out[i] = static_cast<int>(i);
  return out;
}

/// The index in plan.visits of the visit of `household` (an id), or visits.size().
inline std::size_t visit_index(const Registry& reg, const Plan& plan,
                               const std::string& household) {
  const int h = reg.household_index.at(household);
  for (std::size_t i = 0; i < plan.visits.size(); ++i)
    if (plan.visits[i].household == h) return i;
  return plan.visits.size();
}

/// The index of the first gap of `kind`, or gaps.size().
inline std::size_t gap_index(const Plan& plan, GapKind kind) {
  for (std::size_t i = 0; i < plan.gaps.size(); ++i)
    if (plan.gaps[i].kind == kind) return i;
  return plan.gaps.size();
}

/// The index of the notification of visit `visit`, or notifications.size().
inline std::size_t notification_index(const Plan& plan, std::size_t visit) {
  for (std::size_t i = 0; i < plan.notifications.size(); ++i)
    if (plan.notifications[i].visit == static_cast<int>(visit)) return i;
  return plan.notifications.size();
}

/// A plan of the hand county broken in one way on purpose. `reg` and `households` start as
/// the county and all its households; `plan` as its good plan with the default settings.
struct Breakage {
  std::string name;
  ProblemKind expect;  ///< the problem the checker must find (others may come with it)
  std::function<void(Registry* reg, Plan* plan, std::vector<int>* households)> apply;
};

/// One breakage for each ProblemKind, in the order of the enum.
inline std::vector<Breakage> breakages() {
  using K = ProblemKind;
  auto at = [](const Registry& reg, const Plan& plan, const std::string& id) {
    return visit_index(reg, plan, id);
  };
  return {
      {"no_guide gap without its visit", K::kGapWithoutVisit,
       [](Registry*, Plan* p, std::vector<int>*) {
         p->gaps[gap_index(*p, GapKind::kNoGuide)].visit = -1;
       }},
      {"no_guide gap five minutes late", K::kGapTime,
       [](Registry*, Plan* p, std::vector<int>*) {
         p->gaps[gap_index(*p, GapKind::kNoGuide)].start += 5;
       }},
      {"guides_short gap counting 2 guides", K::kGapFigures,
       [](Registry*, Plan* p, std::vector<int>*) {
         p->gaps[gap_index(*p, GapKind::kGuidesShort)].guides = 2;
       }},
      {"no_guide gap on a visit D leads", K::kFalseNoGuide,
       [](Registry*, Plan* p, std::vector<int>*) {
         const std::size_t g = gap_index(*p, GapKind::kNoGuide);
         p->visits[p->gaps[g].visit].guide = 3;  // D, V2's only guide
       }},
      {"no_interpreter gap on H104, which A interprets", K::kFalseNoInterpreter,
       [at](Registry* r, Plan* p, std::vector<int>*) {
         const std::size_t i = at(*r, *p, "H104");
         Gap gap;
         gap.kind = GapKind::kNoInterpreter;
         gap.village = 0;
         gap.household = p->visits[i].household;
         gap.visit = static_cast<int>(i);
         gap.date = p->visits[i].date;
         gap.start = p->visits[i].start;
         gap.language = "yi";
         gap.busy = {0};
         p->gaps.push_back(gap);
       }},
      {"H110 not visited", K::kVisitCount,
       [at](Registry* r, Plan* p, std::vector<int>*) {
         p->visits.erase(p->visits.begin() + at(*r, *p, "H110"));
         p->notifications.clear();
       }},
      {"H110 visited but not in the sample", K::kNotSampled,
       [](Registry* r, Plan*, std::vector<int>* h) {
         h->erase(std::find(h->begin(), h->end(), r->household_index.at("H110")));
       }},
      {"H101 visited in V2", K::kWrongVillage,
       [at](Registry* r, Plan* p, std::vector<int>*) {
         p->visits[at(*r, *p, "H101")].village = 1;
       }},
      {"H101 visited for 45 minutes", K::kDuration,
       [at](Registry* r, Plan* p, std::vector<int>*) { p->visits[at(*r, *p, "H101")].end += 5; }},
      {"H101 visited at 07:00", K::kOutsideDay,
       [at](Registry* r, Plan* p, std::vector<int>*) {
         PlannedVisit& v = p->visits[at(*r, *p, "H101")];
         v.start = 7 * 60, v.end = 7 * 60 + 40;
       }},
      {"H101 visited over lunch", K::kOverLunch,
       [at](Registry* r, Plan* p, std::vector<int>*) {
         PlannedVisit& v = p->visits[at(*r, *p, "H101")];
         v.start = 11 * 60 + 40, v.end = 12 * 60 + 20;
       }},
      {"H101 visited the day before schedule.start", K::kOutsideWindow,
       [at](Registry* r, Plan* p, std::vector<int>*) {
         p->visits[at(*r, *p, "H101")].date = {2017, 9, 4};
       }},
      {"H101 visited by team 4", K::kNoSuchTeam,
       [at](Registry* r, Plan* p, std::vector<int>*) { p->visits[at(*r, *p, "H101")].team = 4; }},
      {"H301 led by guide A of V1", K::kNotVillageGuide,
       [at](Registry* r, Plan* p, std::vector<int>*) { p->visits[at(*r, *p, "H301")].guide = 0; }},
      {"every gap removed", K::kUndeclaredNoGuide,
       [](Registry*, Plan* p, std::vector<int>*) { p->gaps.clear(); }},
      {"P interprets for H101, who speaks zh", K::kNeedlessInterpreter,
       [at](Registry* r, Plan* p, std::vector<int>*) {
         p->visits[at(*r, *p, "H101")].interpreter = r->staff.size() - 1;
       }},
      {"P interprets for H104, who speaks yi", K::kInterpreterLanguage,
       [at](Registry* r, Plan* p, std::vector<int>*) {
         p->visits[at(*r, *p, "H104")].interpreter = r->staff.size() - 1;
       }},
      {"E of V3, given yi, interprets for H104 in V1", K::kInterpreterVillage,
       [at](Registry* r, Plan* p, std::vector<int>*) {
         r->staff[4].languages.push_back("yi");
         p->visits[at(*r, *p, "H104")].interpreter = 4;
       }},
      {"H104 without an interpreter", K::kUndeclaredNoInterpreter,
       [at](Registry* r, Plan* p, std::vector<int>*) {
         p->visits[at(*r, *p, "H104")].interpreter = -1;
       }},
      {"H101's guide also leads a parallel visit", K::kDoubleBooked,
       [at](Registry* r, Plan* p, std::vector<int>*) {
         const std::size_t a = at(*r, *p, "H101");
         for (std::size_t i = 0; i < p->visits.size(); ++i) {
           PlannedVisit& w = p->visits[i];
           if (i == a || w.village != 0 || w.start != p->visits[a].start ||
               !(w.date == p->visits[a].date))
             continue;
           w.guide = p->visits[a].guide;
           if (w.interpreter >= 0) w.interpreter = p->visits[a].guide;
           return;
         }
       }},
      {"H101's enumerator starts the next household the minute H101 ends", K::kNoWalk,
       [at](Registry* r, Plan* p, std::vector<int>*) {
         const PlannedVisit a = p->visits[at(*r, *p, "H101")];
         for (PlannedVisit& w : p->visits) {
           if (w.team != a.team || w.enumerator != a.enumerator || w.village != a.village ||
               !(w.date == a.date) || w.start <= a.start)
             continue;
           w.end = a.end + (w.end - w.start);
           w.start = a.end;
           return;
         }
       }},
      {"H301 at 09:00, before the team can be in V3", K::kUnreachable,
       [at](Registry* r, Plan* p, std::vector<int>*) {
         PlannedVisit& v = p->visits[at(*r, *p, "H301")];
         v.start = 9 * 60, v.end = 9 * 60 + 40;
       }},
      {"V2's guides_short gap removed", K::kUndeclaredGuidesShort,
       [](Registry*, Plan* p, std::vector<int>*) {
         p->gaps.erase(p->gaps.begin() + gap_index(*p, GapKind::kGuidesShort));
       }},
      {"every V1 visit led by A", K::kGuidesNotSpread,
       [](Registry*, Plan* p, std::vector<int>*) {
         for (PlannedVisit& v : p->visits)
           if (v.village == 0) {
             v.guide = 0;
             if (v.interpreter >= 0) v.interpreter = 0;
           }
       }},
      {"a guides_short gap for V1, which has 3 guides", K::kFalseGuidesShort,
       [](Registry*, Plan* p, std::vector<int>*) {
         Gap gap;
         gap.kind = GapKind::kGuidesShort;
         gap.village = 0;
         gap.guides = 3;
         gap.guides_needed = 3;
         gap.busy = {0, 1, 2};
         p->gaps.push_back(gap);
       }},
      {"a notification of visit 999", K::kNotificationWithoutVisit,
       [](Registry*, Plan* p, std::vector<int>*) {
         p->notifications.push_back(p->notifications.back());
         p->notifications.back().visit = 999;
       }},
      {"H101's notification names H102", K::kNotificationHousehold,
       [at](Registry* r, Plan* p, std::vector<int>*) {
         p->notifications[notification_index(*p, at(*r, *p, "H101"))].household =
             r->household_index.at("H102");
       }},
      {"H101 notified at 23:00 on the day of the visit", K::kNotifiedLate,
       [at](Registry* r, Plan* p, std::vector<int>*) {
         const std::size_t i = at(*r, *p, "H101");
         Notification& n = p->notifications[notification_index(*p, i)];
         n.date = p->visits[i].date;
         n.minutes = 23 * 60;
       }},
      {"H101 notified by someone other than G1's contact", K::kNotGroupContact,
       [at](Registry* r, Plan* p, std::vector<int>*) {
         p->notifications[notification_index(*p, at(*r, *p, "H101"))].contact_name = "王五";
       }},
      {"every no_contact gap removed", K::kUndeclaredNoContact,
       [](Registry*, Plan* p, std::vector<int>*) {
         std::erase_if(p->gaps, [](const Gap& g) { return g.kind == GapKind::kNoContact; });
       }},
      {"H201 notified by E, a guide of V3", K::kNotifierNotGuide,
       [at](Registry* r, Plan* p, std::vector<int>*) {
         Notification& n = p->notifications[notification_index(*p, at(*r, *p, "H201"))];
         n.staff = 4;
         n.contact_name = r->staff[4].name;
       }},
      {"H101 notified twice", K::kNotificationCount,
       [at](Registry* r, Plan* p, std::vector<int>*) {
         p->notifications.push_back(p->notifications[notification_index(*p, at(*r, *p, "H101"))]);
       }},
  };
}

}  // namespace kaoping::schedule_test
