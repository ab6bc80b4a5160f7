#include "reports/prioritize_report.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>
#include <utility>

#include "audit/findings.h"
#include "reports/audit_report.h"
#include "reports/prioritize_outputs.h"

namespace kaoping {
namespace {

using report::Column;
using report::ColumnKind;
using report::Figures;
using report::KeyFigure;
using report::LineChart;
using report::Paragraph;
using report::Section;
using report::Table;
using report::Tone;

/// An action's findings and reasons in the report's language.
std::pair<std::string, std::string> why_text(const Registry& reg, const EvaluationConfig& config,
                                             int i, Lang lang) {
  const ActionWhy why = action_why(reg, config, i);
  const Households& h = reg.households;
  std::string finding, detail;
  const std::string sep = tr(lang, "term.list_sep");
  if (why.unverified) {
    finding = tr(lang, "prio.unverified");
    const FaultPrior fp = fault_prior(h, static_cast<std::size_t>(i), config.evaluator);
    detail = trf(lang, "prio.unverified_detail", format_percent(fp.p, 0));
  }
  for (int f = 0; f < kRuleFindingCount; ++f) {
    if (!(why.rules >> f & 1)) continue;
    const Finding fi = static_cast<Finding>(f);
    if (!finding.empty()) finding += sep;
    finding += finding_name(lang, fi);
    const std::string d = finding_detail_text(
        lang, finding_detail(h, static_cast<std::size_t>(i), fi, config.standards, h.income[i]));
    if (d.empty()) continue;
    if (!detail.empty()) detail += "; ";
    detail += d;
  }
  return {finding, detail};
}

std::string plan_name(Lang lang, bool greedy) {
  return tr(lang, greedy ? "prio.plan.greedy" : "prio.plan.ranking");
}

Section summary_section(const PrioritizeResult& r, Lang lang) {
  const PriorityPlan& plan = r.chosen();
  Section s;
  s.heading = tr(lang, "prio.summary");
  Figures f;
  f.items.push_back({tr(lang, "prio.fig.before"), format_percent(r.simulation.pass_probability),
                     fmt::format("95%: {}–{}", format_percent(r.simulation.pass_ci95[0]),
                                 format_percent(r.simulation.pass_ci95[1])),
                     Tone::kNeutral});
  const std::array<double, 2> ci =
      plan.steps.empty() ? r.simulation.pass_ci95 : plan.steps.back().pass_ci95;
  f.items.push_back({trf(lang, "prio.fig.after", plan.steps.size()), format_percent(plan.after),
                     fmt::format("95%: {}–{}", format_percent(ci[0]), format_percent(ci[1])),
                     plan.after > r.simulation.pass_probability ? Tone::kGood : Tone::kNeutral});
  f.items.push_back({tr(lang, "prio.fig.plan"), plan_name(lang, r.chose_greedy),
                     trf(lang, "prio.fig.plan_other", plan_name(lang, !r.chose_greedy),
                         format_percent((r.chose_greedy ? r.ranking : r.greedy).after)),
                     Tone::kNeutral});
  if (r.target > 0)
    f.items.push_back({trf(lang, "prio.fig.target", format_percent(r.target)),
                       r.target_reached ? trf(lang, "prio.fig.target_reached", plan.reached)
                                        : trf(lang, "prio.fig.target_short", r.budget),
                       "", r.target_reached ? Tone::kGood : Tone::kWarning});
  s.blocks.push_back(std::move(f));
  s.blocks.push_back(Paragraph{
      trf(lang, "prio.method", format_number(r.simulation.runs), r.simulation.seed, r.budget)});
  if (r.stride > 1)
    s.blocks.push_back(Paragraph{trf(lang, "prio.subsample", r.failing_recorded, r.failing)});
  if (r.exhausted) s.blocks.push_back(Paragraph{tr(lang, "prio.exhausted")});
  return s;
}

report::Series curve(const PriorityPlan& plan, double p0, const std::string& name) {
  report::Series s{name, {0.0}, {p0}};
  for (std::size_t k = 0; k < plan.steps.size(); ++k) {
    s.x.push_back(static_cast<double>(k + 1));
    s.y.push_back(plan.steps[k].pass_probability);
  }
  return s;
}

Section curve_section(const PrioritizeResult& r, Lang lang) {
  Section s;
  s.heading = tr(lang, "prio.curve");
  LineChart c;
  c.title = tr(lang, "prio.curve_chart");
  c.x_label = tr(lang, "prio.curve_x");
  c.y_label = tr(lang, "prio.curve_y");
  const double p0 = r.simulation.pass_probability;
  c.series.push_back(curve(r.greedy, p0, plan_name(lang, true)));
  c.series.push_back(curve(r.ranking, p0, plan_name(lang, false)));
  c.x_min = 0;
  c.x_max = static_cast<double>(
      std::max<std::size_t>({std::size_t{1}, r.greedy.steps.size(), r.ranking.steps.size()}));
  c.x_percent = false;
  // The axis spans the curves (to the next 5 points), so that small gains show.
  const double top = std::max(r.greedy.after, r.ranking.after);
  c.y_min = std::max(0.0, std::floor(p0 * 20.0) / 20.0);
  c.y_max = std::min(1.0, std::max(c.y_min + 0.05, std::ceil(top * 20.0) / 20.0));
  if (r.target_reached)
    c.markers.push_back({static_cast<double>(r.chosen().reached),
                         trf(lang, "prio.fig.target", format_percent(r.target))});
  s.blocks.push_back(report::Chart{std::move(c)});
  s.blocks.push_back(Paragraph{tr(lang, "prio.curve_text")});
  return s;
}

/// The kept plan's ranks ordered by township, village, then rank.
std::vector<int> by_place(const PrioritizeResult& r, const Registry& reg) {
  const std::vector<PriorityStep>& steps = r.chosen().steps;
  std::vector<int> order(steps.size());
  std::iota(order.begin(), order.end(), 0);
  const auto place = [&](int k) {
    const int i = steps[k].household;
    const int v = reg.households.village[i];
    return std::make_pair(v >= 0 ? reg.villages[v].township_id : std::string(),
                          reg.households.village_id[i]);
  };
  std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return place(a) < place(b); });
  return order;
}

Section places_section(const PrioritizeResult& r, const Registry& reg,
                       const EvaluationConfig& config, Lang lang, const std::vector<int>& order) {
  Section s;
  s.heading = tr(lang, "prio.places");
  Table t;
  t.title = tr(lang, "prio.places_table");
  t.sheet = tr(lang, "prio.sheet.actions");
  t.columns = {{tr(lang, "prio.col.township")},
               {tr(lang, "prio.col.village")},
               {tr(lang, "prio.col.rank"), ColumnKind::kInteger},
               {tr(lang, "prio.col.action")},
               {tr(lang, "prio.col.household")},
               {tr(lang, "prio.col.status")},
               {tr(lang, "prio.col.finding")},
               {tr(lang, "prio.col.pass"), ColumnKind::kProbability, 2},
               {tr(lang, "prio.col.gain"), ColumnKind::kProbability, 2}};
  const Households& h = reg.households;
  for (int k : order) {
    const PriorityStep& st = r.chosen().steps[k];
    const int i = st.household;
    const int v = h.village[i];
    t.rows.push_back({v >= 0 ? reg.villages[v].township_id : std::string(), h.village_id[i], k + 1,
                      tr(lang, fmt::format("prio.action.{}", to_string(st.action))), h.id[i],
                      status_name(lang, h.status[i]), why_text(reg, config, i, lang).first,
                      st.pass_probability, st.gain});
  }
  if (t.rows.empty())
    s.blocks.push_back(Paragraph{tr(lang, "prio.none")});
  else
    s.blocks.push_back(std::move(t));
  return s;
}

/// One section per village: the list to take along, printable.
void village_sections(const PrioritizeResult& r, const Registry& reg,
                      const EvaluationConfig& config, Lang lang, const std::vector<int>& order,
                      report::Report* rep) {
  const Households& h = reg.households;
  std::map<int, std::vector<int>> by_village;  // registry order of villages
  for (int k : order) by_village[h.village[r.chosen().steps[k].household]].push_back(k);
  for (const auto& [v, ks] : by_village) {
    Section s;
    s.heading = v >= 0 ? trf(lang, "prio.village", reg.villages[v].name, reg.villages[v].id,
                             reg.villages[v].township_id)
                       : tr(lang, "prio.no_village");
    Table t;
    t.columns = {{tr(lang, "prio.col.rank"), ColumnKind::kInteger},
                 {tr(lang, "prio.col.household")},
                 {tr(lang, "prio.col.head")},
                 {tr(lang, "prio.col.group")},
                 {tr(lang, "prio.col.action")},
                 {tr(lang, "prio.col.finding")},
                 {tr(lang, "prio.col.detail")},
                 {tr(lang, "prio.col.done")}};
    for (int k : ks) {
      const PriorityStep& st = r.chosen().steps[k];
      const int i = st.household;
      const auto [finding, detail] = why_text(reg, config, i, lang);
      t.rows.push_back({k + 1, h.id[i], h.head_name[i], h.group_id[i],
                        tr(lang, fmt::format("prio.todo.{}", to_string(st.action))), finding,
                        detail, "☐"});
    }
    s.blocks.push_back(std::move(t));
    rep->sections.push_back(std::move(s));
  }
}

}  // namespace

report::Report compose_prioritize_report(const Registry& reg, const EvaluationConfig& config,
                                         const PrioritizeResult& result, const ReportContext& ctx) {
  const Lang lang = ctx.lang;
  report::Report rep;
  rep.lang = std::string(lang_code(lang));
  rep.title = tr(lang, "prio.title");
  rep.subtitle =
      trf(lang, "prio.subtitle", format_number(static_cast<double>(result.simulation.runs)),
          result.simulation.seed, result.budget);
  rep.sections.push_back(summary_section(result, lang));
  rep.sections.push_back(curve_section(result, lang));
  const std::vector<int> order = by_place(result, reg);
  rep.sections.push_back(places_section(result, reg, config, lang, order));
  village_sections(result, reg, config, lang, order, &rep);
  rep.colophon = base_colophon(ctx);
  rep.colophon.push_back({tr(lang, "colophon.seed"), std::to_string(result.simulation.seed)});
  rep.colophon.push_back({tr(lang, "colophon.runs"), std::to_string(result.simulation.runs)});
  rep.colophon.push_back({tr(lang, "colophon.threads"), std::to_string(result.simulation.threads)});
  rep.colophon.push_back({tr(lang, "colophon.elapsed"),
                          fmt::format("{:.2f}", result.simulate_seconds + result.plan_seconds)});
  return rep;
}

}  // namespace kaoping
