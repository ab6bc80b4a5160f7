#include "reports/simulate_report.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <set>

#include "reports/i18n.h"
#include "reports/risk_findings.h"
#include "reports/terminal.h"
#include "simulate/priority.h"
#include "simulate/sensitivity.h"
#include "util/privacy.h"
#include "util/text.h"

namespace kaoping {
namespace {

using namespace report;

Tone pass_tone(double p) {
  return p >= 0.95 ? Tone::kGood : p >= 0.8 ? Tone::kWarning : Tone::kBad;
}

// Regroups the engine's 0.0001-wide bins into about 40 bars over the occupied range (and
// the threshold), with a width that divides the threshold's bin so bars never straddle it.
Histogram rate_histogram(const CriterionStats& c, int64_t runs, Lang lang) {
  Histogram h;
  const std::string name = rate_name(lang, c.criterion.rate);
  h.title = trf(lang, "sim.histogram_title", name);
  h.x_label = name;
  h.threshold = c.criterion.threshold;
  h.pass_below = c.criterion.below;
  h.threshold_label = trf(lang, "sim.threshold_label",
                          standard_text(lang, c.criterion.below, c.criterion.threshold), "");
  h.pass_label = tr(lang, "sim.legend.runs_pass");
  h.fail_label = tr(lang, "sim.legend.runs_fail");
  const std::vector<uint64_t>& bins = c.histogram;
  int first = -1, last = -1;
  for (int i = 0; i < static_cast<int>(bins.size()); ++i)
    if (bins[i] > 0) {
      if (first < 0) first = i;
      last = i;
    }
  if (first < 0 || runs <= 0) return h;
  const int threshold_bin = static_cast<int>(std::lround(c.criterion.threshold * 10000));
  // The axis spans the middle 99.8% of the replicates (and the threshold); the rare tails are
  // folded into the outermost bars, which lie on the failing side, so the hatched side still
  // holds every failing replicate.
  uint64_t total = 0;
  for (int i = first; i <= last; ++i) total += bins[i];
  int lower = first, upper = last;
  uint64_t cum = 0;
  for (int i = first; i <= last; ++i) {
    cum += bins[i];
    if (cum * 1000 < total) lower = i + 1;
    if (cum * 1000 >= total * 999) {
      upper = i;
      break;
    }
  }
  // "Below" rates are read from zero; "above" rates (satisfaction) from where they start.
  int lo = c.criterion.below ? 0 : std::min(lower, threshold_bin);
  int hi = std::max(upper + 1, threshold_bin + 1);
  // The narrowest bars (at most 45) with no empty bar between occupied ones: a rate that
  // takes only some values (satisfaction: approvals out of those surveyed) would otherwise
  // draw a comb of empty bars. At least 8 bars are kept when the range allows it.
  auto interior_gap = [&](int w) {
    const int start = lo / w * w;
    int prev = -1;
    for (int i = first; i <= last; ++i) {
      if (bins[i] == 0) continue;
      const int bar = (std::clamp(i, lower, upper) - start) / w;
      if (prev >= 0 && bar > prev + 1) return true;
      prev = bar;
    }
    return false;
  };
  int width = 1;
  bool fits = false;
  for (int w : {1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000}) {
    if ((hi - lo) / w > 45) continue;
    if (!fits) width = w, fits = true;
    if ((hi - lo) / w < 8) break;
    if (!interior_gap(w)) {
      width = w;
      break;
    }
  }
  lo = lo / width * width;
  if (c.criterion.below) {
    hi = std::max(hi, threshold_bin + width);
  } else {
    lo = std::max(0, std::min(lo, threshold_bin - width));
  }
  const int count = (hi - lo + width - 1) / width;
  h.start = lo / 10000.0;
  h.bin_width = width / 10000.0;
  h.share.assign(count, 0.0);
  for (int i = first; i <= last; ++i)
    if (bins[i] > 0)
      h.share[std::clamp((i - lo) / width, 0, count - 1)] += static_cast<double>(bins[i]);
  for (double& s : h.share) s /= static_cast<double>(runs);
  return h;
}

double share(int64_t part, int64_t whole) {
  return whole > 0 ? static_cast<double>(part) / static_cast<double>(whole)
                   : std::numeric_limits<double>::quiet_NaN();
}

std::string township_label(const Registry& reg, int t) {
  const Township& x = reg.townships[t];
  return x.name.empty() ? x.id : x.name + " (" + x.id + ")";
}
// A village with its township ("乡镇·村 (V0101)"): two villages may share a name.
std::string village_label(const Registry& reg, int v) {
  const Village& x = reg.villages[v];
  const std::string name = x.name.empty() ? x.id : x.name + " (" + x.id + ")";
  if (x.township < 0) return name;
  const Township& t = reg.townships[x.township];
  return (t.name.empty() ? t.id : t.name) + "·" + name;
}

// What the three tones of a unit's bar mean (in the order they are drawn).
std::vector<std::pair<Tone, std::string>> unit_legend(const BarChart& c, Lang lang) {
  std::vector<std::pair<Tone, std::string>> out;
  for (const auto& [tone, key] :
       {std::pair{Tone::kBad, "sim.legend.worse"}, std::pair{Tone::kNeutral, "sim.legend.same"},
        std::pair{Tone::kGood, "sim.legend.better"}})
    if (std::any_of(c.bars.begin(), c.bars.end(), [t = tone](const Bar& b) { return b.tone == t; }))
      out.push_back({tone, tr(lang, key)});
  return out;
}

Section verdict_section(const EvaluationConfig& config, const SimulationResult& r, Lang lang) {
  Section s;
  s.heading = tr(lang, "sim.verdict");
  Figures figs;
  figs.items.push_back(
      {tr(lang, "sim.pass_probability"), format_percent(r.pass_probability),
       trf(lang, "sim.ci", format_percent(r.pass_ci95[0]), format_percent(r.pass_ci95[1])),
       pass_tone(r.pass_probability)});
  std::string weakest_name = "–";
  std::string weakest_fail = "–";
  if (r.binding >= 0) {
    const CriterionStats& c = r.criteria[r.binding];
    weakest_name = rate_name(lang, c.criterion.rate);
    weakest_fail = format_percent(c.fail_probability);
    figs.items.push_back({tr(lang, "sim.weakest"), weakest_name,
                          trf(lang, "sim.weakest_note", weakest_fail,
                              standard_text(lang, c.criterion.below, c.criterion.threshold)),
                          c.fail_probability > 0.2    ? Tone::kBad
                          : c.fail_probability > 0.05 ? Tone::kWarning
                                                      : Tone::kGood});
  }
  if (r.has_what_if) {
    // What the county can still do belongs beside the verdict.
    const WhatIf& w = r.what_if;
    figs.items.push_back(
        {trf(lang, "sim.whatif_fixed", w.fixed.size()), format_percent(w.pass_probability),
         trf(lang, "sim.ci", format_percent(w.pass_ci95[0]), format_percent(w.pass_ci95[1])),
         pass_tone(w.pass_probability)});
  }
  s.blocks.push_back(figs);
  s.blocks.push_back(
      Paragraph{trf(lang, "sim.verdict_text", format_number(static_cast<double>(r.runs)),
                    format_percent(r.pass_probability), weakest_name, weakest_fail)});
  const DesignConfig& d = config.design;
  s.blocks.push_back(Paragraph{trf(lang, "sim.design_text", d.townships, d.households_per_village,
                                   d.quota[0], d.quota[1], d.quota[2])});
  return s;
}

Section criteria_section(const SimulationResult& r, Lang lang) {
  Section s;
  s.heading = tr(lang, "sim.criteria");
  s.blocks.push_back(Paragraph{tr(lang, "sim.criteria_text")});
  Table t;
  t.title = tr(lang, "sim.criteria");
  t.sheet = tr(lang, "sheet.criteria");
  t.columns = {{tr(lang, "col.criterion")},
               {tr(lang, "col.standard")},
               {tr(lang, "col.mean"), ColumnKind::kProbability, 2},
               {tr(lang, "col.p05"), ColumnKind::kProbability, 2},
               {tr(lang, "col.p50"), ColumnKind::kProbability, 2},
               {tr(lang, "col.p95"), ColumnKind::kProbability, 2},
               {tr(lang, "col.fail_probability"), ColumnKind::kProbability, 1}};
  for (const CriterionStats& c : r.criteria)
    t.rows.push_back({rate_name(lang, c.criterion.rate),
                      standard_text(lang, c.criterion.below, c.criterion.threshold), c.mean, c.p05,
                      c.p50, c.p95, c.fail_probability});
  s.blocks.push_back(t);
  for (const CriterionStats& c : r.criteria)
    if (!c.histogram.empty()) s.blocks.push_back(Chart{rate_histogram(c, r.runs, lang)});
  return s;
}

Section where_section(const Registry& reg, const Design& design, const SimulationResult& r,
                      Lang lang) {
  Section s;
  s.heading = tr(lang, "sim.where");
  s.blocks.push_back(Paragraph{tr(lang, "sim.where_text")});
  auto bar = [&](const std::string& label, const UnitRisk& u) {
    const auto ci = wilson_interval(u.sampled_pass, u.sampled);
    const double p = share(u.sampled_pass, u.sampled);
    const Tone tone = ci[1] < r.pass_probability   ? Tone::kBad
                      : ci[0] > r.pass_probability ? Tone::kGood
                                                   : Tone::kNeutral;
    return Bar{label, p, ci[0], ci[1], tone};
  };
  BarChart towns;
  towns.title = tr(lang, "sim.townships_chart");
  towns.x_label = tr(lang, "col.pass_prob_if_sampled");
  towns.reference = r.pass_probability;
  towns.reference_label = tr(lang, "sim.overall_line");
  for (std::size_t t = 0; t < reg.townships.size(); ++t)
    if (r.townships[t].sampled > 0)
      towns.bars.push_back(bar(township_label(reg, static_cast<int>(t)), r.townships[t]));
  towns.legend = unit_legend(towns, lang);
  if (!towns.bars.empty()) s.blocks.push_back(Chart{towns});

  // Villages, lowest pass probability when sampled first.
  const std::vector<int> villages = units_by_risk(r.villages);
  BarChart worst;
  worst.title = tr(lang, "sim.villages_chart");
  worst.x_label = tr(lang, "col.pass_prob_if_sampled");
  worst.reference = r.pass_probability;
  worst.reference_label = tr(lang, "sim.overall_line");
  for (std::size_t k = 0; k < villages.size() && k < 12; ++k)
    worst.bars.push_back(bar(village_label(reg, villages[k]), r.villages[villages[k]]));
  worst.legend = unit_legend(worst, lang);
  if (!worst.bars.empty()) s.blocks.push_back(Chart{worst});

  Table tt;
  tt.title = tr(lang, "sim.townships_table");
  tt.sheet = tr(lang, "sheet.townships");
  tt.columns = {{tr(lang, "col.township_id")},
                {tr(lang, "col.township")},
                {tr(lang, "col.inclusion_freq"), ColumnKind::kProbability, 1},
                {tr(lang, "col.pass_prob_if_sampled"), ColumnKind::kProbability, 1},
                {tr(lang, "col.ci_low"), ColumnKind::kProbability, 1},
                {tr(lang, "col.ci_high"), ColumnKind::kProbability, 1}};
  for (std::size_t t = 0; t < reg.townships.size(); ++t) {
    const UnitRisk& u = r.townships[t];
    std::vector<Cell> row = {reg.townships[t].id, reg.townships[t].name, share(u.sampled, r.runs)};
    if (u.sampled > 0) {
      const auto ci = wilson_interval(u.sampled_pass, u.sampled);
      row.insert(row.end(), {share(u.sampled_pass, u.sampled), ci[0], ci[1]});
    } else {
      row.insert(row.end(), {tr(lang, "common.never_sampled"), Cell(), Cell()});
    }
    tt.rows.push_back(row);
  }
  s.blocks.push_back(tt);

  Table vt;
  vt.title = tr(lang, "sim.villages_table");
  vt.sheet = tr(lang, "sheet.villages");
  vt.columns = {{tr(lang, "col.village_id")},
                {tr(lang, "col.village")},
                {tr(lang, "col.township")},
                {tr(lang, "col.tier")},
                {tr(lang, "col.inclusion_freq"), ColumnKind::kProbability, 1},
                {tr(lang, "col.pass_prob_if_sampled"), ColumnKind::kProbability, 1}};
  // Sampled villages worst first, then the never-sampled ones in registry order.
  std::vector<int> order = villages;
  for (std::size_t v = 0; v < reg.villages.size(); ++v)
    if (r.villages[v].sampled == 0) order.push_back(static_cast<int>(v));
  for (int v : order) {
    const UnitRisk& u = r.villages[v];
    const Village& x = reg.villages[v];
    vt.rows.push_back({x.id, x.name,
                       x.township >= 0 ? reg.townships[x.township].name : x.township_id,
                       tier_name(lang, design.village_tier[v]), share(u.sampled, r.runs),
                       u.sampled > 0 ? Cell(share(u.sampled_pass, u.sampled))
                                     : Cell(tr(lang, "common.never_sampled"))});
  }
  vt.html_rows = 15;
  vt.html_cut_note = cut_note(lang, std::min<std::size_t>(15, vt.rows.size()), vt.rows.size());
  s.blocks.push_back(vt);
  return s;
}

Section fix_section(const Registry& reg, const EvaluationConfig& config, const SimulationResult& r,
                    Lang lang, std::size_t top) {
  Section s;
  s.heading = tr(lang, "sim.fix");
  s.blocks.push_back(Paragraph{tr(lang, "sim.fix_text")});
  const Households& h = reg.households;
  const int64_t failing = r.runs - r.passes;
  Table t;
  t.title = tr(lang, "sim.households_table");
  t.sheet = tr(lang, "sheet.households");
  t.columns = {{"#", ColumnKind::kInteger},
               {tr(lang, "col.household_id")},
               {tr(lang, "col.township")},
               {tr(lang, "col.village")},
               {tr(lang, "col.group")},
               {tr(lang, "col.status")},
               {tr(lang, "col.head_name")},
               {tr(lang, "col.findings")},
               {tr(lang, "col.detail")},
               {tr(lang, "col.finding_freq"), ColumnKind::kProbability, 1},
               {tr(lang, "col.priority"), ColumnKind::kProbability, 2}};
  int rank = 0;
  for (int i : households_by_priority(r)) {
    const HouseholdRisk& x = r.households[i];
    if (x.fault == 0) break;  // the rest were never found at fault
    const int v = h.village[i];
    const int tw = v >= 0 ? reg.villages[v].township : -1;
    const int g = h.group[i];
    const RiskFindings found = risk_findings(h, i, config, true);
    t.rows.push_back({++rank, h.id[i], tw >= 0 ? reg.townships[tw].name : "",
                      v >= 0 ? reg.villages[v].name : h.village_id[i].str(),
                      g >= 0 ? reg.groups[g].name : h.group_id[i].str(),
                      status_name(lang, h.status[i]), h.head_name[i],
                      risk_finding_names(lang, found), risk_detail_text(lang, h, i, config, found),
                      share(x.fault, r.runs), failing > 0 ? share(x.fault_fail, failing) : 0.0});
  }
  t.html_rows = top;
  t.html_cut_note = cut_note(lang, std::min(top, t.rows.size()), t.rows.size());
  s.blocks.push_back(t);
  return s;
}

Section what_if_section(const SimulationResult& r, Lang lang) {
  Section s;
  s.heading = tr(lang, "sim.whatif");
  const WhatIf& w = r.what_if;
  s.blocks.push_back(Paragraph{tr(lang, "sim.whatif_text")});
  const std::string fixed_label = trf(lang, "sim.whatif_fixed", w.fixed.size());
  s.blocks.push_back(Figures{{
      {tr(lang, "sim.whatif_now"), format_percent(r.pass_probability),
       trf(lang, "sim.ci", format_percent(r.pass_ci95[0]), format_percent(r.pass_ci95[1])),
       pass_tone(r.pass_probability)},
      {fixed_label, format_percent(w.pass_probability),
       trf(lang, "sim.ci", format_percent(w.pass_ci95[0]), format_percent(w.pass_ci95[1])),
       pass_tone(w.pass_probability)},
      {tr(lang, "col.gain"), trf(lang, "sim.points", fmt::format("{:+.1f}", w.difference * 100)),
       trf(lang, "sim.whatif_diff_ci", fmt::format("{:+.1f}", w.difference_ci95[0] * 100),
           fmt::format("{:+.1f}", w.difference_ci95[1] * 100), w.gained, w.lost),
       w.difference > 0 ? Tone::kGood : Tone::kNeutral},
  }});
  BarChart b;
  b.title = tr(lang, "sim.whatif_chart");
  b.x_label = tr(lang, "col.pass_probability");
  b.bars = {{tr(lang, "sim.whatif_now"), r.pass_probability, r.pass_ci95[0], r.pass_ci95[1],
             pass_tone(r.pass_probability)},
            {fixed_label, w.pass_probability, w.pass_ci95[0], w.pass_ci95[1],
             pass_tone(w.pass_probability)}};
  for (const auto& [tone, key] : {std::pair{Tone::kGood, "sim.legend.pass_good"},
                                  std::pair{Tone::kWarning, "sim.legend.pass_warning"},
                                  std::pair{Tone::kBad, "sim.legend.pass_bad"}})
    if (std::any_of(b.bars.begin(), b.bars.end(), [t = tone](const Bar& x) { return x.tone == t; }))
      b.legend.push_back({tone, tr(lang, key)});
  s.blocks.push_back(Chart{b});
  return s;
}

/// simulate --sensitivity: the sentence, the tornado chart and the table of the entries.
Section sensitivity_section(const SimulationResult& r, Lang lang) {
  Section s;
  s.heading = tr(lang, "sim.sensitivity");
  const std::array<double, 2> range = sensitivity_range(r);
  s.blocks.push_back(Paragraph{trf(lang, "sim.sensitivity_text", r.pass_probability, range[0],
                                   range[1], format_number(static_cast<double>(r.runs)))});
  BarChart c;
  c.title = tr(lang, "sim.sensitivity_chart");
  c.x_label = tr(lang, "col.pass_probability");
  c.tornado = true;
  c.reference = r.pass_probability;
  c.reference_label = tr(lang, "sim.overall_line");
  Table t;
  t.title = tr(lang, "sim.sensitivity_table");
  t.sheet = tr(lang, "sheet.sensitivity");
  t.columns = {{tr(lang, "col.assumption")},
               {tr(lang, "col.key")},
               {tr(lang, "col.low"), ColumnKind::kDecimal},
               {tr(lang, "col.high"), ColumnKind::kDecimal},
               {tr(lang, "col.pass_low"), ColumnKind::kProbability, 1},
               {tr(lang, "col.pass_high"), ColumnKind::kProbability, 1}};
  for (const SensitivityEntry& e : r.sensitivity) {
    const std::string name = assumption_name(lang, e.key);
    c.bars.push_back({fmt::format("{} {}–{}", name, format_double(e.low), format_double(e.high)),
                      e.pass_high, e.pass_low, e.pass_high, Tone::kNeutral});
    t.rows.push_back({name, e.key, e.low, e.high, e.pass_low, e.pass_high});
  }
  s.blocks.push_back(Chart{c});
  s.blocks.push_back(t);
  return s;
}

/// Under a condition every title of the figures that depend on it says so.
void mark_given(const std::string& given, Report* rep) {
  const std::string suffix = " (" + given + ")";
  for (Section& s : rep->sections)
    for (Block& b : s.blocks) {
      if (auto* t = std::get_if<Table>(&b)) t->title += suffix;
      if (auto* c = std::get_if<Chart>(&b)) std::visit([&](auto& x) { x.title += suffix; }, *c);
    }
}

Section oc_section(const std::vector<OcCurve>& curves, Lang lang) {
  Section s;
  s.heading = tr(lang, "sim.oc");
  s.blocks.push_back(Paragraph{tr(lang, "sim.oc_text")});
  LineChart c;
  c.title = tr(lang, "sim.oc_chart");
  c.x_label = tr(lang, "sim.oc_x");
  c.y_label = tr(lang, "sim.oc_y");
  c.x_min = curves.front().true_rate.front();
  c.x_max = curves.front().true_rate.back();
  std::set<double> thresholds;
  std::vector<std::pair<std::string, std::string>> methods;  // method, the rates it made
  for (const OcCurve& oc : curves) {
    c.series.push_back(
        {trf(lang, "sim.oc_series", rate_name(lang, oc.criterion.rate), oc.sampled_households),
         oc.true_rate, oc.pass_probability});
    if (thresholds.insert(oc.criterion.threshold).second)
      c.markers.push_back({oc.criterion.threshold,
                           standard_text(lang, oc.criterion.below, oc.criterion.threshold)});
    const std::string m = !oc.exact         ? trf(lang, "sim.oc_method_mc", format_number(oc.runs))
                          : oc.person_basis ? tr(lang, "sim.oc_method_exact_person")
                                            : tr(lang, "sim.oc_method_exact");
    auto it = std::find_if(methods.begin(), methods.end(),
                           [&](const auto& entry) { return entry.first == m; });
    if (it == methods.end()) it = methods.insert(methods.end(), {m, ""});
    if (!it->second.empty()) it->second += tr(lang, "term.list_sep");
    it->second += rate_name(lang, oc.criterion.rate);
  }
  // One method: said once; several (a large design, Monte Carlo for some rates only): each
  // with the rates it computed.
  std::string method = methods.size() == 1 ? methods.front().first : "";
  for (std::size_t i = 0; methods.size() > 1 && i < methods.size(); ++i)
    method += (i ? tr(lang, "sim.oc_method_sep") : "") +
              trf(lang, "sim.oc_method_for", methods[i].second, methods[i].first);
  s.blocks.push_back(Chart{c});

  // The page shows every fifth point; the workbook has them all.
  Table page, sheet;
  page.title = tr(lang, "sim.oc_table");
  page.note = method;
  page.columns = {{tr(lang, "col.true_rate"), ColumnKind::kProbability, 1}};
  for (const OcCurve& oc : curves)
    page.columns.push_back({rate_name(lang, oc.criterion.rate), ColumnKind::kProbability, 1});
  sheet = page;
  sheet.sheet = tr(lang, "sim.oc_table");
  sheet.in_html = false;
  sheet.columns.front().decimals = 2;
  for (std::size_t j = 0; j < curves.front().true_rate.size(); ++j) {
    std::vector<Cell> row = {curves.front().true_rate[j]};
    for (const OcCurve& oc : curves)
      row.push_back(j < oc.pass_probability.size() ? Cell(oc.pass_probability[j]) : Cell());
    if (j % 5 == 0) page.rows.push_back(row);
    sheet.rows.push_back(row);
  }
  s.blocks.push_back(page);
  s.blocks.push_back(sheet);
  return s;
}

}  // namespace

bool design_oc_curves(const Registry& reg, const EvaluationConfig& config, uint64_t seed,
                      int64_t runs, std::vector<OcCurve>* out, std::string* err) {
  out->clear();
  double max_threshold = 0;
  for (const Criterion& c : config.standards.criteria)
    if (c.below && c.rate != Rate::kPovertyIncidence)
      max_threshold = std::max(max_threshold, c.threshold);
  if (max_threshold <= 0) return true;
  OcCurveOptions options;
  options.rate_max = std::min(1.0, 2 * max_threshold);
  options.runs = runs;
  options.seed = seed;
  for (const Criterion& c : config.standards.criteria) {
    if (!c.below || c.rate == Rate::kPovertyIncidence) continue;  // no single-rate curve
    OcCurve curve;
    if (!compute_oc_curve(reg, config, c, options, &curve, err)) return false;
    out->push_back(std::move(curve));
  }
  return true;
}

Report compose_simulate_report(const Registry& reg, const EvaluationConfig& config,
                               const Design& design, const SimulationResult& result,
                               const std::vector<OcCurve>& oc_curves, const ReportContext& ctx,
                               std::size_t top_households) {
  const Lang lang = ctx.lang;
  Report rep;
  rep.lang = std::string(lang_code(lang));
  rep.title = tr(lang, "sim.title");
  rep.subtitle =
      trf(lang, "sim.subtitle", format_number(static_cast<double>(result.runs)), result.seed);
  rep.sections.push_back(verdict_section(config, result, lang));
  rep.sections.push_back(criteria_section(result, lang));
  rep.sections.push_back(where_section(reg, design, result, lang));
  rep.sections.push_back(fix_section(reg, config, result, lang, top_households));
  if (result.has_what_if) {
    rep.sections.push_back(what_if_section(result, lang));
  } else {
    Section s;
    s.heading = tr(lang, "sim.whatif");
    s.blocks.push_back(Paragraph{tr(lang, "sim.whatif_hint")});
    rep.sections.push_back(s);
  }
  if (!result.sensitivity.empty()) rep.sections.push_back(sensitivity_section(result, lang));
  if (result.condition.active()) {
    const std::string given = given_text(result.condition, reg, lang);
    mark_given(given, &rep);
    rep.title = tr(lang, "sim.title_given");
    rep.sections.front().blocks.insert(rep.sections.front().blocks.begin(), Paragraph{given});
  }
  if (!oc_curves.empty()) rep.sections.push_back(oc_section(oc_curves, lang));
  stamp_report(ctx, &rep);
  rep.colophon.push_back({tr(lang, "colophon.seed"), std::to_string(result.seed)});
  rep.colophon.push_back({tr(lang, "colophon.runs"), std::to_string(result.runs)});
  rep.colophon.push_back({tr(lang, "colophon.threads"), std::to_string(result.threads)});
  rep.colophon.push_back(
      {tr(lang, "colophon.elapsed"), fmt::format("{:.2f}", result.elapsed_seconds)});
  return rep;
}

}  // namespace kaoping
