#include "reports/schedule_report.h"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <map>

#include "reports/i18n.h"
#include "reports/schedule_sheets.h"
#include "reports/xlsx.h"
#include "sampler/draw_io.h"
#include "schedule/write.h"
#include "util/csv.h"
#include "util/files.h"

namespace kaoping {
namespace {

using namespace report;

std::string staff_name(const Registry& reg, int s) {
  if (s < 0 || s >= static_cast<int>(reg.staff.size())) return "";
  const Staff& x = reg.staff[s];
  return x.name.empty() ? x.id : x.name;
}

std::string village_name(const Registry& reg, int v) {
  if (v < 0) return "";
  const Village& x = reg.villages[v];
  return x.name.empty() ? x.id : x.name;
}

std::string township_name(const Registry& reg, int v) {
  if (v < 0 || reg.villages[v].township < 0) return "";
  const Township& t = reg.townships[reg.villages[v].township];
  return t.name.empty() ? t.id : t.name;
}

std::string gap_kind_name(Lang lang, GapKind kind) {
  return tr(lang, "gap." + std::string(to_string(kind)));
}

// Ids as they appear in sentences; "?" for an index a broken plan got wrong.
std::string staff_id(const Registry& reg, int s) {
  return s >= 0 && s < static_cast<int>(reg.staff.size()) ? reg.staff[s].id : "?";
}
std::string group_id(const Registry& reg, int g) {
  return g >= 0 && g < static_cast<int>(reg.groups.size()) ? reg.groups[g].id : "?";
}
std::string village_id(const Registry& reg, int v) {
  return v >= 0 && v < static_cast<int>(reg.villages.size()) ? reg.villages[v].id : "?";
}
std::string household_id(const Registry& reg, int h) {
  return h >= 0 && static_cast<std::size_t>(h) < reg.households.count() ? reg.households.id[h]
                                                                        : "?";
}

/// "visit of H0001 on 2017-09-05 at 10:30" for the checker's sentences; "" without a visit.
std::string visit_text(Lang lang, const Registry& reg, const Plan& plan, int visit) {
  if (visit < 0 || static_cast<std::size_t>(visit) >= plan.visits.size()) return "";
  const PlannedVisit& v = plan.visits[visit];
  return trf(lang, "sched.problem.where", household_id(reg, v.household), v.date.str(),
             format_clock(v.start));
}

/// The sentences of problems about a gap: its kind by code and by name, and for kGapTime
/// the gap's own time.
std::string gap_problem_text(Lang lang, const Registry& reg, const Plan& plan, const PlanProblem& p,
                             const std::string& key, const std::string& where) {
  const bool known = p.gap >= 0 && static_cast<std::size_t>(p.gap) < plan.gaps.size();
  const Gap gap = known ? plan.gaps[p.gap] : Gap{};
  const std::string code(known ? to_string(gap.kind) : "?");
  const std::string name = known ? gap_kind_name(lang, gap.kind) : "?";
  if (p.kind == ProblemKind::kGapTime)
    return trf(lang, key, where, code, gap.date.str(), format_clock(std::max(gap.start, 0)), name);
  if (p.kind == ProblemKind::kGapFigures && p.visit < 0)
    return trf(lang, "sched.problem.gap_figures_village", village_id(reg, gap.village), code, name);
  return trf(lang, key, where, code, name);
}

}  // namespace

std::string gap_detail(Lang lang, const Registry& reg, const Gap& g) {
  const std::string date = g.date.str(), start = g.start >= 0 ? format_clock(g.start) : "";
  switch (g.kind) {
    case GapKind::kGuidesShort:
      return trf(lang, g.guides == 1 ? "sched.gap.guides_short_one" : "sched.gap.guides_short",
                 g.guides, g.guides_needed);
    case GapKind::kNoGuide:
      return g.guides == 0 ? tr(lang, "sched.gap.no_guide_none")
                           : trf(lang, "sched.gap.no_guide_busy", g.guides, date, start);
    case GapKind::kNoInterpreter:
      return trf(lang,
                 g.busy.empty() ? "sched.gap.no_interpreter_none" : "sched.gap.no_interpreter_busy",
                 g.language, language_name(lang, g.language), date, start);
    case GapKind::kNoContact: {
      const char* key =
          g.group < 0
              ? (g.notifier >= 0 ? "sched.gap.no_group_guide" : "sched.gap.no_group_nobody")
              : (g.notifier >= 0 ? "sched.gap.no_contact_guide" : "sched.gap.no_contact_nobody");
      return trf(lang, key, staff_id(reg, g.notifier), group_id(reg, g.group));
    }
  }
  return "";
}

std::string gap_line(Lang lang, const Registry& reg, const Gap& g) {
  std::string where = g.village >= 0 ? reg.villages[g.village].id : "";
  if (g.household >= 0) where += " " + reg.households.id[g.household];
  return std::string(to_string(g.kind)) + ": " + where + ": " + gap_detail(lang, reg, g);
}

std::string plan_problem_text(Lang lang, const Registry& reg, const Plan& plan,
                              const PlanProblem& p) {
  const std::string key = "sched.problem." + std::string(to_string(p.kind));
  const std::string where = visit_text(lang, reg, plan, p.visit);
  const std::string staff = staff_id(reg, p.staff), village = village_id(reg, p.village);
  switch (p.kind) {
    case ProblemKind::kGapWithoutVisit:
    case ProblemKind::kGapTime:
    case ProblemKind::kGapFigures:
      return gap_problem_text(lang, reg, plan, p, key, where);
    case ProblemKind::kFalseNoGuide:
    case ProblemKind::kFalseNoInterpreter:
    case ProblemKind::kNeedlessInterpreter:
    case ProblemKind::kInterpreterVillage:
    case ProblemKind::kNotifierNotGuide:
      return trf(lang, key, where, staff);
    case ProblemKind::kVisitCount:
    case ProblemKind::kNotSampled:
      return trf(lang, key, household_id(reg, p.household), p.count);
    case ProblemKind::kWrongVillage:
      return trf(lang, key, where, village);
    case ProblemKind::kDuration:
      return trf(lang, key, where, p.count, p.expected);
    case ProblemKind::kOutsideDay:
      return trf(lang, key, where, format_clock(p.clock_from), format_clock(p.clock_to));
    case ProblemKind::kOutsideWindow:
      return trf(lang, key, where, p.day_from.str(), p.day_to.str());
    case ProblemKind::kNoSuchTeam:
      return trf(lang, key, where, p.team, p.enumerator);
    case ProblemKind::kNotVillageGuide:
      return trf(lang, key, where, staff, village);
    case ProblemKind::kInterpreterLanguage:
      return trf(lang, key, where, staff, p.language, language_name(lang, p.language));
    case ProblemKind::kUndeclaredNoInterpreter:
      return trf(lang, key, where, p.language, language_name(lang, p.language));
    case ProblemKind::kDoubleBooked:
      return trf(lang, key,
                 p.staff >= 0 ? trf(lang, "sched.problem.staff", staff)
                              : trf(lang, "sched.problem.enumerator", p.enumerator, p.team),
                 visit_text(lang, reg, plan, p.other_visit), where);
    case ProblemKind::kNoWalk:
      return trf(lang, key, trf(lang, "sched.problem.enumerator", p.enumerator, p.team),
                 visit_text(lang, reg, plan, p.other_visit), where, p.count, p.expected);
    case ProblemKind::kUnreachable:
      return trf(lang, key,
                 p.staff >= 0 ? trf(lang, "sched.problem.interpreter", staff)
                              : trf(lang, "sched.problem.team", p.team),
                 village, p.date.str(), format_clock(p.clock_from), p.count);
    case ProblemKind::kUndeclaredGuidesShort:
    case ProblemKind::kGuidesNotSpread:
      return trf(lang, key, village, p.count, p.expected);
    case ProblemKind::kFalseGuidesShort:
      return trf(lang, key, p.count);
    case ProblemKind::kNotifiedLate:
      return trf(lang, key, where, p.date.str(), format_clock(p.clock_from));
    case ProblemKind::kNotGroupContact:
      return trf(lang, key, where, group_id(reg, p.group));
    case ProblemKind::kOverLunch:
    case ProblemKind::kUndeclaredNoGuide:
    case ProblemKind::kNotificationHousehold:
    case ProblemKind::kUndeclaredNoContact:
    case ProblemKind::kNotificationWithoutVisit:
      return trf(lang, key, where);
    case ProblemKind::kNotificationCount:
      return trf(lang, key, where, p.count);
  }
  return tr(lang, key);
}

std::string gaps_csv(const Registry& reg, const Plan& plan) {
  CsvWriter w({"kind", "village_id", "household_id", "language", "date", "start", "detail"});
  for (const Gap& g : plan.gaps) {
    const bool at_visit = g.visit >= 0;
    w.row({std::string(to_string(g.kind)), g.village >= 0 ? reg.villages[g.village].id : "",
           g.household >= 0 ? reg.households.id[g.household] : "", g.language,
           at_visit ? g.date.str() : "", at_visit ? format_clock(g.start) : "",
           gap_detail(Lang::kEn, reg, g)});
  }
  return w.str();
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

std::string language_name(Lang lang, const std::string& code) {
  const std::string key = "language." + code;
  const std::string_view text = i18n_text(key, lang);
  return text.empty() ? code : std::string(text);
}

namespace {

/// The visits of each day (indices into Plan::visits), in plan order.
using VisitsByDay = std::map<Date, std::vector<int>>;

/// Per team, the villages it visits on one day in visit order, each with its visit count,
/// as one table row.
std::vector<Cell> team_day_row(Lang lang, const Registry& reg, const ScheduleConfig& config,
                               const Plan& plan, const Date& date, const std::vector<int>& visits) {
  std::vector<std::vector<std::pair<int, int>>> cells(config.teams);
  for (int k : visits) {
    const PlannedVisit& v = plan.visits[k];
    if (v.team < 1 || v.team > config.teams) continue;
    auto& cell = cells[v.team - 1];
    auto it =
        std::find_if(cell.begin(), cell.end(), [&](const auto& p) { return p.first == v.village; });
    if (it == cell.end())
      cell.push_back({v.village, 1});
    else
      ++it->second;
  }
  std::vector<Cell> row = {date.str()};
  for (const auto& cell : cells) {
    std::string text;
    for (const auto& [village, n] : cell) {
      if (!text.empty()) text += lang == Lang::kEn ? ", " : "，";
      text += trf(lang, "sched.village_visits", village_label(lang, reg, village), n);
    }
    row.push_back(text.empty() ? "–" : text);
  }
  return row;
}

/// Overview: figures, visits per day, and each team's villages day by day.
Section overview_section(Lang lang, const Registry& reg, const ScheduleConfig& config,
                         const Plan& plan, const VisitsByDay& by_day, const std::string& first,
                         const std::string& last) {
  Section overview;
  overview.heading = tr(lang, "sched.overview");
  overview.blocks.push_back(Figures{{
      {tr(lang, "sched.day_count"), std::to_string(by_day.size()), first + " – " + last,
       Tone::kNeutral},
      {tr(lang, "col.visits"), std::to_string(plan.visits.size()),
       trf(lang, "sched.villages_note", plan.villages), Tone::kNeutral},
      {tr(lang, "sched.gaps"), std::to_string(plan.gaps.size()),
       plan.gaps.empty() ? tr(lang, "sched.no_gaps") : tr(lang, "sched.gaps_note"),
       plan.gaps.empty() ? Tone::kGood : Tone::kWarning},
  }});
  overview.blocks.push_back(Paragraph{tr(lang, "sched.notifications_text")});
  BarChart per_day;
  per_day.title = tr(lang, "sched.per_day");
  per_day.x_label = tr(lang, "col.visits");
  per_day.probability = false;
  for (const auto& [date, visits] : by_day)
    per_day.bars.push_back({date.str(), static_cast<double>(visits.size())});
  per_day.legend = {{Tone::kNeutral, tr(lang, "sched.legend.visits")}};
  if (!per_day.bars.empty()) overview.blocks.push_back(Chart{per_day});
  Table teams;
  teams.title = tr(lang, "sched.team_days");
  teams.columns = {{tr(lang, "col.date")}};
  for (int t = 1; t <= config.teams; ++t) teams.columns.push_back({trf(lang, "sched.team_n", t)});
  for (const auto& [date, visits] : by_day)
    teams.rows.push_back(team_day_row(lang, reg, config, plan, date, visits));
  overview.blocks.push_back(teams);
  return overview;
}

/// The workbook's sheet of every visit (rows added by days_section).
Table all_visits_table(Lang lang) {
  Table all;
  all.title = tr(lang, "sched.days_heading");
  all.sheet = tr(lang, "sched.sheet");
  all.in_html = false;
  all.columns = {{tr(lang, "col.date"), ColumnKind::kDate},
                 {tr(lang, "col.start"), ColumnKind::kTime},
                 {tr(lang, "col.end"), ColumnKind::kTime},
                 {tr(lang, "col.team"), ColumnKind::kInteger},
                 {tr(lang, "col.enumerator"), ColumnKind::kInteger},
                 {tr(lang, "col.township")},
                 {tr(lang, "col.village")},
                 {tr(lang, "col.group")},
                 {tr(lang, "col.household_id")},
                 {tr(lang, "col.head_name")},
                 {tr(lang, "col.language")},
                 {tr(lang, "col.guide")},
                 {tr(lang, "col.interpreter")}};
  return all;
}

/// Day by day: one table per day in the page; one sheet with every visit in the workbook.
Section days_section(Lang lang, const Registry& reg, const Plan& plan, const VisitsByDay& by_day) {
  const Households& h = reg.households;
  Section days;
  days.heading = tr(lang, "sched.days_heading");
  Table all = all_visits_table(lang);
  for (const auto& [date, visits] : by_day) {
    Table t;
    t.title = trf(lang, "sched.day_title", date.str(), visits.size());
    t.columns = {{tr(lang, "col.time")},    {tr(lang, "col.team")},
                 {tr(lang, "col.village")}, {tr(lang, "col.household")},
                 {tr(lang, "col.guide")},   {tr(lang, "col.interpreter")}};
    for (int k : visits) {
      const PlannedVisit& v = plan.visits[k];
      const int i = v.household;
      const std::string language = h.language[i].empty() ? "zh" : h.language[i];
      std::string interpreter = staff_name(reg, v.interpreter);
      if (language != "zh")
        interpreter = interpreter.empty()
                          ? trf(lang, "sched.no_interpreter", language_name(lang, language))
                          : fmt::format("{} ({})", interpreter, language_name(lang, language));
      const std::string guide =
          v.guide >= 0 ? staff_name(reg, v.guide) : tr(lang, "sched.no_guide");
      t.rows.push_back(
          {format_clock(v.start) + "–" + format_clock(v.end),
           fmt::format("{}-{}", v.team, v.enumerator), village_label(lang, reg, v.village),
           h.head_name[i].empty() ? h.id[i] : h.id[i] + " " + h.head_name[i], guide, interpreter});
      all.rows.push_back({date.str(), format_clock(v.start), format_clock(v.end), v.team,
                          v.enumerator, township_name(reg, v.village), village_name(reg, v.village),
                          h.group[i] >= 0 ? reg.groups[h.group[i]].name : h.group_id[i].str(),
                          h.id[i], h.head_name[i], language_name(lang, language),
                          v.guide >= 0 ? staff_name(reg, v.guide) : "",
                          staff_name(reg, v.interpreter)});
    }
    days.blocks.push_back(t);
  }
  days.blocks.push_back(all);
  return days;
}

/// What the roster cannot cover, each gap in words from its figures.
Section gaps_section(Lang lang, const Registry& reg, const Plan& plan) {
  Section gaps;
  gaps.heading = tr(lang, "sched.gaps");
  if (plan.gaps.empty()) gaps.blocks.push_back(Paragraph{tr(lang, "sched.no_gaps")});
  // The workbook always has both gap sheets (empty: nothing is missing); the page only
  // when there is something to show.
  Table summary = gap_summary_table(lang, reg, plan);
  if (!summary.rows.empty()) gaps.blocks.push_back(Paragraph{tr(lang, "sched.gap_summary_text")});
  summary.in_html = !summary.rows.empty();
  gaps.blocks.push_back(summary);
  Table g;
  g.title = tr(lang, "sched.gaps_each");
  g.sheet = tr(lang, "sched.gaps");
  g.columns = {{tr(lang, "col.gap")},
               {tr(lang, "col.village")},
               {tr(lang, "col.household_id")},
               {tr(lang, "col.language")},
               {tr(lang, "col.date"), ColumnKind::kDateTime},
               {tr(lang, "col.detail")}};
  for (const Gap& gap : plan.gaps) {
    const bool has_visit = gap.visit >= 0 && gap.visit < static_cast<int>(plan.visits.size());
    g.rows.push_back({gap_kind_name(lang, gap.kind), village_label(lang, reg, gap.village),
                      gap.household >= 0 ? reg.households.id[gap.household] : "",
                      gap.language.empty() ? "" : language_name(lang, gap.language),
                      has_visit ? gap.date.str() + " " + format_clock(gap.start) : "",
                      gap_detail(lang, reg, gap)});
  }
  g.html_rows = 40;
  g.html_cut_note = cut_note(lang, std::min<std::size_t>(40, g.rows.size()), g.rows.size());
  g.in_html = !g.rows.empty();
  gaps.blocks.push_back(g);
  return gaps;
}

}  // namespace

Report compose_schedule_report(const Registry& reg, const ScheduleConfig& config, const Plan& plan,
                               const ReportContext& ctx) {
  const Lang lang = ctx.lang;
  Report rep;
  rep.lang = std::string(lang_code(lang));
  rep.title = tr(lang, "sched.title");
  const std::string first = plan.visits.empty() ? config.start.str() : plan.first_day.str();
  const std::string last = plan.visits.empty() ? config.start.str() : plan.last_day.str();
  rep.subtitle = trf(lang, "sched.subtitle", first, last, config.teams, plan.visits.size());
  VisitsByDay by_day;
  for (std::size_t k = 0; k < plan.visits.size(); ++k)
    by_day[plan.visits[k].date].push_back(static_cast<int>(k));
  rep.sections.push_back(overview_section(lang, reg, config, plan, by_day, first, last));
  rep.sections.push_back(gaps_section(lang, reg, plan));
  Section days = days_section(lang, reg, plan, by_day);
  days.blocks.push_back(notifications_table(lang, reg, plan));
  days.blocks.push_back(itineraries_table(lang, reg, plan, config));
  rep.sections.push_back(std::move(days));
  for (Section& s : team_sheets(lang, reg, config, plan)) rep.sections.push_back(std::move(s));
  for (Section& s : village_sheets(lang, reg, plan)) rep.sections.push_back(std::move(s));
  stamp_report(ctx, &rep);
  return rep;
}

bool plan_draw(const Registry& reg, const ScheduleConfig& config, const std::string& sample,
               Lang lang, Plan* plan, Diagnostics* diag, std::vector<std::string>* errors) {
  Draw draw;
  if (!read_draw_csv(sample, reg, &draw, diag) || diag->has_errors()) return false;
  const std::vector<int> households = sampled_households(draw);
  if (households.empty()) {
    errors->push_back(trf(lang, "cli.no_household", sample));
    return false;
  }
  std::string err;
  if (!plan_schedule(reg, households, config, plan, &err)) {
    errors->push_back(trf(lang, "cli.impossible_plan", err));
    return false;
  }
  std::vector<PlanProblem> problems;
  if (!check_plan(reg, households, config, *plan, &problems)) {
    for (const PlanProblem& p : problems)
      errors->push_back(trf(lang, "cli.plan_breaks_rule", plan_problem_text(lang, reg, *plan, p)));
    return false;
  }
  add_standby(reg, standby_households(draw), plan);
  return true;
}

bool write_schedule_outputs(const Registry& reg, const ScheduleConfig& config, const Plan& plan,
                            const std::string& dtstamp, const std::string& lang,
                            const Manifest& manifest, const ReportContext& ctx,
                            const std::string& dir, std::string* err) {
  return write_schedule(dir, reg, plan, config, dtstamp, lang, err) &&
         write_report_set(compose_schedule_report(reg, config, plan, ctx), manifest_json(manifest),
                          dir, err) &&
         write_xlsx(compose_notifications_workbook(reg, plan, ctx),
                    (std::filesystem::path(dir) / "notifications.xlsx").string(), err);
}

}  // namespace kaoping
