#include "reports/schedule_sheets.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <tuple>

#include "reports/schedule_report.h"
#include "schedule/write.h"

namespace kaoping {
namespace {

using namespace report;

std::string staff_name(const Registry& reg, int s) {
  if (s < 0 || s >= static_cast<int>(reg.staff.size())) return "";
  return reg.staff[s].name.empty() ? reg.staff[s].id : reg.staff[s].name;
}

std::string group_name(const Registry& reg, int h) {
  const int g = reg.households.group[h];
  return g >= 0 ? reg.groups[g].name : reg.households.group_id[h].str();
}

std::string household_text(const Registry& reg, int h) {
  const Households& hh = reg.households;
  return hh.head_name[h].empty() ? hh.id[h] : hh.id[h] + " " + hh.head_name[h];
}

std::string datetime_text(const Date& d, int minutes) {
  return d.str() + " " + format_clock(minutes);
}

std::string language_of(const Registry& reg, int h) {
  return reg.households.language[h].empty() ? "zh" : reg.households.language[h];
}

std::string interpreter_text(Lang lang, const Registry& reg, const PlannedVisit& v) {
  const std::string language = language_of(reg, v.household);
  std::string name = staff_name(reg, v.interpreter);
  if (language == "zh") return name;
  return name.empty() ? trf(lang, "sched.no_interpreter", language_name(lang, language))
                      : fmt::format("{} ({})", name, language_name(lang, language));
}

/// One need of the gap summary: a village's missing interpreters of one language, missing
/// guides, households without a group contact, or too few guides on the roster.
struct Need {
  int village = -1;
  GapKind kind = GapKind::kNoGuide;
  std::string language;
  std::vector<int> visits;
  int guides = 0, guides_needed = 0;  ///< kGuidesShort
};

/// The most visits of `visits` that overlap at one moment.
int most_at_once(const Plan& plan, const std::vector<int>& visits) {
  std::vector<std::pair<int64_t, int>> events;  // (minute, +1 start / -1 end), ends first
  for (int k : visits) {
    const PlannedVisit& v = plan.visits[k];
    events.push_back({v.date.days() * 1440 + v.start, 1});
    events.push_back({v.date.days() * 1440 + v.end, -1});
  }
  std::sort(events.begin(), events.end());
  int now = 0, most = 0;
  for (const auto& e : events) most = std::max(most, now += e.second);
  return most;
}

std::vector<Need> gap_needs(const Plan& plan) {
  std::vector<Need> needs;
  std::map<std::tuple<int, int, std::string>, std::size_t> index;
  for (const Gap& g : plan.gaps) {
    const auto key = std::make_tuple(g.village, static_cast<int>(g.kind), g.language);
    auto [it, fresh] = index.try_emplace(key, needs.size());
    if (fresh) needs.push_back({g.village, g.kind, g.language, {}, g.guides, g.guides_needed});
    if (g.visit >= 0 && g.visit < static_cast<int>(plan.visits.size()))
      needs[it->second].visits.push_back(g.visit);
  }
  return needs;
}

}  // namespace

std::string village_label(Lang lang, const Registry& reg, int v) {
  if (v < 0 || v >= static_cast<int>(reg.villages.size())) return "";
  const Village& x = reg.villages[v];
  const std::string name = x.name.empty() ? x.id : x.name;
  if (x.township < 0) return name;
  const Township& t = reg.townships[x.township];
  return (t.name.empty() ? t.id : t.name) + (lang == Lang::kEn ? " · " : "·") + name;
}

std::string day_time_text(Lang lang, const Date& d, int minutes) {
  static const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                  "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  if (lang == Lang::kEn)
    return fmt::format("{} {} {}", d.day, kMonths[(d.month + 11) % 12], format_clock(minutes));
  return fmt::format("{}月{}日{}", d.month, d.day, format_clock(minutes));
}

Table gap_summary_table(Lang lang, const Registry& reg, const Plan& plan) {
  Table t;
  t.title = tr(lang, "sched.gap_summary");
  t.sheet = tr(lang, "sched.gap_summary_sheet");
  t.columns = {{tr(lang, "col.village")},
               {tr(lang, "col.gap")},
               {tr(lang, "col.people_needed"), ColumnKind::kInteger},
               {tr(lang, "col.from"), ColumnKind::kDateTime},
               {tr(lang, "col.to"), ColumnKind::kDateTime},
               {tr(lang, "col.visits"), ColumnKind::kInteger},
               {tr(lang, "col.to_do")}};
  for (const Need& n : gap_needs(plan)) {
    const std::string village = village_label(lang, reg, n.village);
    if (n.kind == GapKind::kGuidesShort) {
      const int more = std::max(0, n.guides_needed - n.guides);
      t.rows.push_back(
          {village, tr(lang, "gap.guides_short"), more, "", "", Cell(),
           trf(lang, "sched.need.guides_short", village, n.guides, n.guides_needed, more)});
      continue;
    }
    const PlannedVisit* first = nullptr;
    const PlannedVisit* last = nullptr;
    for (int k : n.visits) {
      const PlannedVisit& v = plan.visits[k];
      if (!first || std::tie(v.date, v.start) < std::tie(first->date, first->start)) first = &v;
      if (!last || std::tie(last->date, last->end) < std::tie(v.date, v.end)) last = &v;
    }
    if (!first) continue;
    const int people = n.kind == GapKind::kNoContact ? static_cast<int>(n.visits.size())
                                                     : most_at_once(plan, n.visits);
    const std::string from = day_time_text(lang, first->date, first->start);
    const std::string to = day_time_text(lang, last->date, last->end);
    const int visits = static_cast<int>(n.visits.size());
    std::string what, todo;
    switch (n.kind) {
      case GapKind::kNoInterpreter:
        what = trf(lang, "sched.need.interpreter_kind", language_name(lang, n.language));
        todo = trf(lang, "sched.need.interpreter", village, language_name(lang, n.language), people,
                   from, to, visits);
        break;
      case GapKind::kNoGuide:
        what = tr(lang, "gap.no_guide");
        todo = trf(lang, "sched.need.guide", village, people, from, to, visits);
        break;
      default:
        what = tr(lang, "gap.no_contact");
        todo = trf(lang, "sched.need.contact", village, visits);
        break;
    }
    t.rows.push_back({village, what, people, datetime_text(first->date, first->start),
                      datetime_text(last->date, last->end), visits, todo});
  }
  return t;
}

Table notifications_table(Lang lang, const Registry& reg, const Plan& plan, int village) {
  Table t;
  t.title = village >= 0 ? trf(lang, "sched.notify_village", village_label(lang, reg, village))
                         : tr(lang, "sched.notify_title");
  t.sheet = village >= 0 ? village_label(lang, reg, village) : tr(lang, "sched.notify_sheet");
  t.in_html = false;
  t.landscape = true;
  t.columns = {{tr(lang, "col.notify_at"), ColumnKind::kDateTime},
               {tr(lang, "col.contact_name")},
               {tr(lang, "col.contact_phone"), ColumnKind::kText, 0, true},
               {tr(lang, "col.household_id")},
               {tr(lang, "col.head_name")},
               {tr(lang, "col.village")},
               {tr(lang, "col.group")},
               {tr(lang, "col.visit_date"), ColumnKind::kDate},
               {tr(lang, "col.visit_start"), ColumnKind::kTime},
               {tr(lang, "col.note")}};
  const Households& hh = reg.households;
  for (const auto* list : {&plan.notifications, &plan.standby}) {
    const bool standby = list == &plan.standby;
    for (const Notification& n : *list) {
      const PlannedVisit& v = plan.visits[n.visit];
      if (village >= 0 && v.village != village) continue;
      std::string note = standby ? tr(lang, "sched.standby_note") : "";
      if (!standby && n.group < 0) note = tr(lang, "sched.guide_notifies");
      t.rows.push_back({datetime_text(n.date, n.minutes), n.contact_name, n.contact_phone,
                        hh.id[n.household], hh.head_name[n.household],
                        village_label(lang, reg, v.village), group_name(reg, n.household),
                        v.date.str(), standby ? "" : format_clock(v.start), note});
    }
  }
  return t;
}

Table itineraries_table(Lang lang, const Registry& reg, const Plan& plan,
                        const ScheduleConfig& config) {
  Table t;
  t.title = tr(lang, "sched.itineraries");
  t.sheet = tr(lang, "sched.itineraries");
  t.in_html = false;
  t.columns = {{tr(lang, "col.staff_id")},
               {tr(lang, "col.name")},
               {tr(lang, "col.role")},
               {tr(lang, "col.date"), ColumnKind::kDate},
               {tr(lang, "col.start"), ColumnKind::kTime},
               {tr(lang, "col.end"), ColumnKind::kTime},
               {tr(lang, "col.village_id")},
               {tr(lang, "col.household_id")},
               {tr(lang, "col.activity")}};
  for (const ItineraryRow& r : itinerary_rows(reg, plan, config)) {
    std::string activity = r.activity;
    if (activity.rfind("travel from ", 0) == 0)
      activity = trf(lang, "sched.activity.travel", activity.substr(12));
    else if (!i18n_text("sched.activity." + activity, lang).empty())
      activity = tr(lang, "sched.activity." + activity);
    t.rows.push_back({r.staff_id, r.name, tr(lang, "sched.role." + r.role),
                      Date::from_days(r.day).str(), format_clock(r.start), format_clock(r.end),
                      r.village_id, r.household_id, activity});
  }
  return t;
}

std::vector<Section> team_sheets(Lang lang, const Registry& reg, const ScheduleConfig& config,
                                 const Plan& plan) {
  std::vector<Section> out;
  for (int team = 1; team <= config.teams; ++team) {
    Section s;
    s.heading = trf(lang, "sched.team_sheet", team);
    s.page_break = true;
    Table t;
    t.title = trf(lang, "sched.team_visits_title", team);
    t.sheet = trf(lang, "sched.team_n", team);
    t.columns = {{tr(lang, "col.date"), ColumnKind::kDate},
                 {tr(lang, "col.start"), ColumnKind::kTime},
                 {tr(lang, "col.enumerator"), ColumnKind::kInteger},
                 {tr(lang, "col.village")},
                 {tr(lang, "col.household")},
                 {tr(lang, "col.guide")},
                 {tr(lang, "col.interpreter")}};
    for (const PlannedVisit& v : plan.visits) {
      if (v.team != team) continue;
      t.rows.push_back({v.date.str(), format_clock(v.start), v.enumerator,
                        village_label(lang, reg, v.village), household_text(reg, v.household),
                        v.guide >= 0 ? staff_name(reg, v.guide) : tr(lang, "sched.no_guide"),
                        interpreter_text(lang, reg, v)});
    }
    if (t.rows.empty())
      s.blocks.push_back(Paragraph{tr(lang, "sched.team_idle")});
    else
      s.blocks.push_back(t);
    out.push_back(std::move(s));
  }
  return out;
}

std::vector<Section> village_sheets(Lang lang, const Registry& reg, const Plan& plan) {
  std::vector<int> order;
  std::map<int, Section> by_village;
  for (std::size_t k = 0; k < plan.notifications.size(); ++k) {
    const Notification& n = plan.notifications[k];
    const PlannedVisit& v = plan.visits[n.visit];
    auto [it, fresh] = by_village.try_emplace(v.village);
    Section& s = it->second;
    if (fresh) {
      order.push_back(v.village);
      s.heading = trf(lang, "sched.village_sheet", village_label(lang, reg, v.village));
      s.page_break = true;
      Table t;
      t.title = tr(lang, "sched.village_visits_title");
      t.columns = {{tr(lang, "col.date"), ColumnKind::kDate},
                   {tr(lang, "col.start"), ColumnKind::kTime},
                   {tr(lang, "col.household")},
                   {tr(lang, "col.group")},
                   {tr(lang, "col.guide")},
                   {tr(lang, "col.interpreter")},
                   {tr(lang, "col.contact_name")},
                   {tr(lang, "col.notify_at")}};
      s.blocks.push_back(t);
    }
    std::get<Table>(s.blocks.back())
        .rows.push_back({v.date.str(), format_clock(v.start), household_text(reg, n.household),
                         group_name(reg, n.household),
                         v.guide >= 0 ? staff_name(reg, v.guide) : tr(lang, "sched.no_guide"),
                         interpreter_text(lang, reg, v), n.contact_name,
                         day_time_text(lang, n.date, n.minutes)});
  }
  for (const Notification& n : plan.standby) {
    auto it = by_village.find(plan.visits[n.visit].village);
    if (it == by_village.end()) continue;
    Section& s = it->second;
    if (s.blocks.size() == 1) {
      Table t;
      t.title = tr(lang, "sched.standby_title");
      t.columns = {{tr(lang, "col.household")},
                   {tr(lang, "col.group")},
                   {tr(lang, "col.contact_name")},
                   {tr(lang, "col.visit_date"), ColumnKind::kDate}};
      t.note = tr(lang, "sched.standby_text");
      s.blocks.push_back(t);
    }
    std::get<Table>(s.blocks.back())
        .rows.push_back({household_text(reg, n.household), group_name(reg, n.household),
                         n.contact_name, plan.visits[n.visit].date.str()});
  }
  std::vector<Section> out;
  for (int v : order) out.push_back(std::move(by_village[v]));
  return out;
}

Report compose_notifications_workbook(const Registry& reg, const Plan& plan,
                                      const ReportContext& ctx) {
  Report rep;
  rep.lang = std::string(lang_code(ctx.lang));
  rep.title = tr(ctx.lang, "sched.notify_title");
  std::vector<int> villages;
  for (const PlannedVisit& v : plan.visits)
    if (std::find(villages.begin(), villages.end(), v.village) == villages.end())
      villages.push_back(v.village);
  Section s;
  s.heading = rep.title;
  for (int v : villages) s.blocks.push_back(notifications_table(ctx.lang, reg, plan, v));
  rep.sections.push_back(std::move(s));
  stamp_report(ctx, &rep);
  return rep;
}

}  // namespace kaoping
