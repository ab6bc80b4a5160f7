#include "reports/batch_report.h"

#include <fmt/format.h>

#include "reports/batch_outputs.h"

namespace kaoping {
namespace {

using report::Bar;
using report::BarChart;
using report::Column;
using report::ColumnKind;
using report::Figures;
using report::Paragraph;
using report::Section;
using report::Table;
using report::Tone;

Tone pass_tone(double p) {
  return p >= 0.95 ? Tone::kGood : p >= 0.8 ? Tone::kWarning : Tone::kBad;
}

Section expectation_section(const BatchResult& r, Lang lang) {
  const BatchExpectation& e = r.expectation;
  Section s;
  s.heading = tr(lang, "batch.expected");
  Figures figs;
  figs.items.push_back({tr(lang, "batch.expected_failures"), fmt::format("{:.2f}", e.expected),
                        trf(lang, "batch.failures_ci", fmt::format("{:.2f}", e.failures_ci95[0]),
                            fmt::format("{:.2f}", e.failures_ci95[1])),
                        e.expected >= 1     ? Tone::kBad
                        : e.expected >= 0.2 ? Tone::kWarning
                                            : Tone::kGood});
  figs.items.push_back({tr(lang, "batch.counties_simulated"), std::to_string(e.counties),
                        r.not_loaded > 0 ? trf(lang, "batch.not_loaded_note", r.not_loaded) : "",
                        r.not_loaded > 0 ? Tone::kBad : Tone::kNeutral});
  s.blocks.push_back(figs);
  s.blocks.push_back(Paragraph{trf(
      lang, "batch.method", fmt::format("{:.4f}", e.mc_se),
      fmt::format("{:.2f}", e.expected_ci95[0]), fmt::format("{:.2f}", e.expected_ci95[1]),
      fmt::format("{:.3f}", e.outcome_sd), format_number(static_cast<double>(r.runs)), r.seed)});
  return s;
}

Section ranking_section(const BatchResult& r, Lang lang) {
  Section s;
  s.heading = tr(lang, "batch.ranking");
  s.blocks.push_back(Paragraph{tr(lang, "batch.ranking_text")});
  const std::vector<std::size_t> order = counties_by_risk(r);
  BarChart chart;
  chart.title = tr(lang, "batch.chart");
  chart.x_label = tr(lang, "col.pass_probability");
  Table t;
  t.title = tr(lang, "batch.table");
  t.sheet = tr(lang, "sheet.counties");
  t.columns = {{tr(lang, "col.rank"), ColumnKind::kInteger},
               {tr(lang, "col.county")},
               {tr(lang, "col.households"), ColumnKind::kInteger},
               {tr(lang, "col.pass_probability"), ColumnKind::kProbability, 1},
               {tr(lang, "col.ci_low"), ColumnKind::kProbability, 1},
               {tr(lang, "col.ci_high"), ColumnKind::kProbability, 1},
               {tr(lang, "sim.weakest")},
               {tr(lang, "col.riskiest_township")},
               {tr(lang, "col.registry")}};
  int rank = 0;
  for (std::size_t i : order) {
    const BatchCounty& c = r.counties[i];
    if (!c.ok) continue;
    const SimulationResult& x = c.result;
    const std::string binding =
        x.binding >= 0 ? rate_name(lang, x.criteria[x.binding].criterion.rate) : "–";
    t.rows.push_back({++rank, c.county, static_cast<long long>(c.households), x.pass_probability,
                      x.pass_ci95[0], x.pass_ci95[1], binding,
                      c.riskiest_township_id.empty() ? "–" : c.riskiest_township_id, c.registry});
    if (chart.bars.size() < 40)
      chart.bars.push_back({c.county, x.pass_probability, x.pass_ci95[0], x.pass_ci95[1],
                            pass_tone(x.pass_probability)});
  }
  if (!chart.bars.empty()) s.blocks.push_back(chart);
  t.html_rows = 200;
  t.html_cut_note = cut_note(lang, std::min<std::size_t>(200, t.rows.size()), t.rows.size());
  s.blocks.push_back(t);
  return s;
}

Section not_loaded_section(const BatchResult& r, Lang lang) {
  Section s;
  s.heading = tr(lang, "batch.not_loaded");
  s.blocks.push_back(Paragraph{tr(lang, "batch.not_loaded_text")});
  Table t;
  t.title = tr(lang, "batch.not_loaded");
  t.sheet = tr(lang, "sheet.not_loaded");
  t.columns = {{tr(lang, "col.county")}, {tr(lang, "col.registry")}, {tr(lang, "col.error")}};
  for (const BatchCounty& c : r.counties) {
    if (c.ok) continue;
    std::string errors;
    for (const std::string& e : c.errors) errors += (errors.empty() ? "" : "\n") + e;
    t.rows.push_back({c.county, c.registry, errors});
  }
  s.blocks.push_back(t);
  return s;
}

}  // namespace

report::Report compose_batch_report(const BatchResult& result, const ReportContext& ctx) {
  const Lang lang = ctx.lang;
  report::Report rep;
  rep.lang = std::string(lang_code(lang));
  rep.title = tr(lang, "batch.title");
  rep.subtitle = trf(lang, "batch.subtitle", result.counties.size(),
                     format_number(static_cast<double>(result.runs)), result.seed);
  rep.sections.push_back(expectation_section(result, lang));
  rep.sections.push_back(ranking_section(result, lang));
  if (result.not_loaded > 0) rep.sections.push_back(not_loaded_section(result, lang));
  rep.colophon = base_colophon(ctx);
  rep.colophon.push_back({tr(lang, "colophon.seed"), std::to_string(result.seed)});
  rep.colophon.push_back({tr(lang, "colophon.runs"), std::to_string(result.runs)});
  rep.colophon.push_back({tr(lang, "colophon.threads"), std::to_string(result.threads)});
  rep.colophon.push_back(
      {tr(lang, "colophon.elapsed"), fmt::format("{:.2f}", result.elapsed_seconds)});
  return rep;
}

}  // namespace kaoping
