#include "reports/schedule_report.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <regex>
#include <set>

#include "reports/i18n.h"

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

}  // namespace

std::string localize_gap_detail(Lang lang, const std::string& detail) {
  if (lang == Lang::kEn) return detail;
  static const std::vector<PhraseRule> kRules = [] {
    std::vector<PhraseRule> r;
    r.push_back(
        {std::regex(
             R"(^only (\d+) guides? on the roster \(schedule\.guides_per_village: (\d+)\)$)"),
         "名单上只有 $1 名向导（每村需要 $2 名）"});
    r.push_back({std::regex(R"(^the village has no guide on the roster$)"), "本村名单上没有向导"});
    r.push_back(
        {std::regex(R"(^all (\d+) guides of the village lead other visits at (\S+) (\S+)$)"),
         "$2 $3 本村 $1 名向导都在带其他入户"});
    r.push_back({std::regex(R"(^the household has no group: guide (\S+) notifies instead$)"),
                 "农户没有所属小组：由向导 $1 通知"});
    r.push_back({std::regex(R"(^group (\S+) has no contact person: guide (\S+) notifies instead$)"),
                 "小组 $1 没有联系人：由向导 $2 通知"});
    r.push_back(
        {std::regex(
             R"(^the household has no group and the village has no guide: nobody notifies$)"),
         "农户没有所属小组，本村也没有向导：无人通知"});
    r.push_back(
        {std::regex(
             R"(^group (\S+) has no contact person and the village has no guide: nobody notifies$)"),
         "小组 $1 没有联系人，本村也没有向导：无人通知"});
    return r;
  }();
  static const std::regex kBusy(
      R"(^no guide of the village or county interpreter who speaks (\S+) is free at (\S+) (\S+)$)");
  static const std::regex kNobody(R"(^nobody on the roster for this village speaks (\S+)$)");
  std::smatch m;
  if (std::regex_match(detail, m, kBusy))
    return fmt::format("{} {} 没有空闲的会{}的本村向导或县翻译", m[2].str(), m[3].str(),
                       language_name(lang, m[1].str()));
  if (std::regex_match(detail, m, kNobody))
    return fmt::format("本村名单上没有人会{}", language_name(lang, m[1].str()));
  return apply_phrase_rules(kRules, detail);
}

std::string language_name(Lang lang, const std::string& code) {
  const std::string key = "language." + code;
  const std::string_view text = i18n_text(key, lang);
  return text.empty() ? code : std::string(text);
}

Report compose_schedule_report(const Registry& reg, const ScheduleConfig& config, const Plan& plan,
                               const ReportContext& ctx) {
  const Lang lang = ctx.lang;
  const Households& h = reg.households;
  Report rep;
  rep.lang = std::string(lang_code(lang));
  rep.title = tr(lang, "sched.title");
  const std::string first = plan.visits.empty() ? config.start.str() : plan.first_day.str();
  const std::string last = plan.visits.empty() ? config.start.str() : plan.last_day.str();
  rep.subtitle = trf(lang, "sched.subtitle", first, last, config.teams, plan.visits.size());

  // Overview: figures, visits per day, and each team's villages day by day.
  std::map<Date, std::vector<int>> by_day;  // visit indices
  for (std::size_t k = 0; k < plan.visits.size(); ++k)
    by_day[plan.visits[k].date].push_back(static_cast<int>(k));
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
  if (!per_day.bars.empty()) overview.blocks.push_back(Chart{per_day});
  Table teams;
  teams.title = tr(lang, "sched.team_days");
  teams.columns = {{tr(lang, "col.date")}};
  for (int t = 1; t <= config.teams; ++t) teams.columns.push_back({trf(lang, "sched.team_n", t)});
  for (const auto& [date, visits] : by_day) {
    // Per team: villages in visit order with their visit counts.
    std::vector<std::vector<std::pair<int, int>>> cells(config.teams);
    for (int k : visits) {
      const PlannedVisit& v = plan.visits[k];
      if (v.team < 1 || v.team > config.teams) continue;
      auto& cell = cells[v.team - 1];
      auto it = std::find_if(cell.begin(), cell.end(),
                             [&](const auto& p) { return p.first == v.village; });
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
        text += trf(lang, "sched.village_visits", village_name(reg, village), n);
      }
      row.push_back(text.empty() ? "–" : text);
    }
    teams.rows.push_back(row);
  }
  overview.blocks.push_back(teams);
  rep.sections.push_back(overview);

  // Day by day: one table per day in the page; one sheet with every visit in the workbook.
  Section days;
  days.heading = tr(lang, "sched.days_heading");
  Table all;
  all.title = tr(lang, "sched.days_heading");
  all.sheet = tr(lang, "sched.sheet");
  all.in_html = false;
  all.columns = {{tr(lang, "col.date")},
                 {tr(lang, "col.start")},
                 {tr(lang, "col.end")},
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
      t.rows.push_back({format_clock(v.start) + "–" + format_clock(v.end),
                        fmt::format("{}-{}", v.team, v.enumerator), village_name(reg, v.village),
                        h.head_name[i].empty() ? h.id[i] : h.id[i] + " " + h.head_name[i], guide,
                        interpreter});
      all.rows.push_back({date.str(), format_clock(v.start), format_clock(v.end), v.team,
                          v.enumerator, township_name(reg, v.village), village_name(reg, v.village),
                          h.group[i] >= 0 ? reg.groups[h.group[i]].name : h.group_id[i], h.id[i],
                          h.head_name[i], language_name(lang, language),
                          v.guide >= 0 ? staff_name(reg, v.guide) : "",
                          staff_name(reg, v.interpreter)});
    }
    days.blocks.push_back(t);
  }
  days.blocks.push_back(all);
  rep.sections.push_back(days);

  // What the roster cannot cover.
  Section gaps;
  gaps.heading = tr(lang, "sched.gaps");
  if (plan.gaps.empty()) gaps.blocks.push_back(Paragraph{tr(lang, "sched.no_gaps")});
  Table g;
  g.title = tr(lang, "sched.gaps");
  g.sheet = tr(lang, "sched.gaps");
  g.columns = {{tr(lang, "col.gap")},          {tr(lang, "col.village")},
               {tr(lang, "col.household_id")}, {tr(lang, "col.language")},
               {tr(lang, "col.date")},         {tr(lang, "col.detail")}};
  for (const Gap& gap : plan.gaps) {
    const bool has_visit = gap.visit >= 0 && gap.visit < static_cast<int>(plan.visits.size());
    g.rows.push_back({gap_kind_name(lang, gap.kind), village_name(reg, gap.village),
                      gap.household >= 0 ? h.id[gap.household] : "",
                      gap.language.empty() ? "" : language_name(lang, gap.language),
                      has_visit ? plan.visits[gap.visit].date.str() + " " +
                                      format_clock(plan.visits[gap.visit].start)
                                : "",
                      localize_gap_detail(lang, gap.detail)});
  }
  g.html_rows = 40;
  g.html_cut_note = cut_note(lang, std::min<std::size_t>(40, g.rows.size()), g.rows.size());
  if (!g.rows.empty()) gaps.blocks.push_back(g);
  rep.sections.push_back(gaps);
  rep.colophon = base_colophon(ctx);
  return rep;
}

}  // namespace kaoping
