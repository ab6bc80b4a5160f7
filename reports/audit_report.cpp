#include "reports/audit_report.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <map>

#include "reports/i18n.h"
#include "util/privacy.h"
#include "util/text.h"

namespace kaoping {
namespace {

using namespace report;

double ratio(double part, double whole) {
  return whole > 0 ? part / whole : 0.0;
}

// Counts of households and persons by a label, in first-seen or given order.
struct Tally {
  std::vector<std::string> labels;
  std::map<std::string, std::pair<int64_t, int64_t>> counts;  // households, persons
  void add(const std::string& label, int64_t households, int64_t persons) {
    auto [it, fresh] = counts.try_emplace(label, 0, 0);
    if (fresh) labels.push_back(label);
    it->second.first += households;
    it->second.second += persons;
  }
};

// A profile table: label, households, share, persons (households omitted for member tallies).
Table tally_table(const std::string& title, const std::string& label_header, const Tally& t,
                  bool with_households, Lang lang, bool sort_by_count = true) {
  Table out;
  out.title = title;
  out.sheet = title;
  out.columns = {{label_header}};
  int64_t total_h = 0, total_p = 0;
  for (const auto& [k, v] : t.counts) total_h += v.first, total_p += v.second;
  if (with_households)
    out.columns.insert(out.columns.end(), {{tr(lang, "col.households"), ColumnKind::kInteger},
                                           {tr(lang, "col.share"), ColumnKind::kProbability, 1}});
  out.columns.insert(out.columns.end(), {{tr(lang, "col.persons"), ColumnKind::kInteger},
                                         {tr(lang, "col.share"), ColumnKind::kProbability, 1}});
  auto row = [&](const std::string& label, int64_t h, int64_t p) {
    std::vector<Cell> r = {label};
    if (with_households) r.insert(r.end(), {Cell(h), Cell(ratio(h, total_h))});
    r.insert(r.end(), {Cell(p), Cell(ratio(p, total_p))});
    out.rows.push_back(r);
  };
  std::vector<std::string> labels = t.labels;
  if (sort_by_count) {
    // Largest first, as the office reads a profile; ties keep their first-seen order.
    std::stable_sort(labels.begin(), labels.end(), [&](const std::string& a, const std::string& b) {
      const auto &x = t.counts.at(a), &y = t.counts.at(b);
      return with_households ? x.first > y.first : x.second > y.second;
    });
  }
  for (const std::string& l : labels) row(l, t.counts.at(l).first, t.counts.at(l).second);
  row(tr(lang, "common.total"), total_h, total_p);
  return out;
}

// The national system's labour labels (members.csv `labor`) in English.
std::string labour_label(const std::string& value, Lang lang) {
  if (value.empty()) return tr(lang, "attribute.none");
  if (lang == Lang::kZh) return value;
  static const std::map<std::string, std::string> kEnglish = {
      {"普通劳动力", "ordinary labour"},
      {"技能劳动力", "skilled labour"},
      {"弱劳动力或半劳动力", "weak or half labour"},
      {"弱劳动力", "weak labour"},
      {"半劳动力", "half labour"},
      {"丧失劳动力", "unable to work"},
      {"无劳动力", "no labour (child or student)"}};
  auto it = kEnglish.find(value);
  return it == kEnglish.end() ? value : it->second;
}

std::string age_band_label(int band, Lang lang) {
  static const char* kZh[] = {"0–5岁", "6–15岁（义务教育）", "16–59岁", "60岁及以上"};
  static const char* kEn[] = {"0–5", "6–15 (compulsory schooling)", "16–59", "60 and over"};
  if (band < 0) return tr(lang, "attribute.none");
  return lang == Lang::kEn ? kEn[band] : kZh[band];
}

std::string unit_name(const std::string& name, const std::string& id) {
  return name.empty() ? id : name;
}

// Rates with their parts and the standard, for the self-check and the audit of a draw.
Table rates_table(const Rates& r, const StandardsConfig& s, Lang lang, const char* title_key) {
  Table t;
  t.title = tr(lang, title_key);
  t.sheet = tr(lang, "sheet.rates");
  t.columns = {{tr(lang, "col.criterion")},
               {tr(lang, "col.rate"), ColumnKind::kProbability, 2},
               {tr(lang, "audit.numerator"), ColumnKind::kDecimal, 0},
               {tr(lang, "audit.denominator"), ColumnKind::kDecimal, 0},
               {tr(lang, "col.standard")},
               {tr(lang, "audit.holds")}};
  for (int k = 0; k < kRateCount; ++k) {
    const Rate rate = static_cast<Rate>(k);
    std::string standard, holds;
    for (const Criterion& c : s.criteria) {
      if (c.rate != rate) continue;
      standard = standard_text(lang, c.below, c.threshold);
      holds = tr(lang, c.holds(r.value[k]) ? "audit.ok" : "audit.fails");
    }
    t.rows.push_back(
        {rate_name(lang, rate), r.value[k], r.numerator[k], r.denominator[k], standard, holds});
  }
  return t;
}

Figures verdict_figures(const Verdict& v, const Rates& r, Lang lang) {
  Figures f;
  std::string failed;
  for (const Criterion& c : v.failed) {
    if (!failed.empty()) failed += lang == Lang::kEn ? ", " : "、";
    failed += rate_name(lang, c.rate) + " " + format_percent(r.value[static_cast<int>(c.rate)], 2);
  }
  f.items.push_back({tr(lang, "audit.verdict"), tr(lang, v.pass ? "audit.pass" : "audit.fail"),
                     v.pass ? tr(lang, "audit.all_hold") : failed,
                     v.pass ? Tone::kGood : Tone::kBad});
  return f;
}

Table findings_table(const Registry& reg, const std::vector<HouseholdFinding>& findings, Lang lang,
                     std::size_t page_rows) {
  const Households& h = reg.households;
  Table t;
  t.title = tr(lang, "audit.findings_table");
  t.sheet = tr(lang, "sheet.findings");
  t.columns = {{tr(lang, "col.household_id")}, {tr(lang, "col.village")},
               {tr(lang, "col.status")},       {tr(lang, "col.head_name")},
               {tr(lang, "col.id_number")},    {tr(lang, "col.findings")},
               {tr(lang, "col.detail")}};
  for (const HouseholdFinding& f : findings) {
    const int i = f.household;
    const int v = h.village[i];
    t.rows.push_back(
        {h.id[i], v >= 0 ? unit_name(reg.villages[v].name, h.village_id[i]) : h.village_id[i].str(),
         status_name(lang, h.status[i]), h.head_name[i], mask_id_number(h.id_number[i]),
         finding_name(lang, f.detail.finding), finding_detail_text(lang, f.detail)});
  }
  t.html_rows = page_rows;
  t.html_cut_note = cut_note(lang, std::min(page_rows, t.rows.size()), t.rows.size());
  return t;
}

// An income for a reader: yuan with two decimals, unless rounding would make the
// comparison it illustrates look false (3334.996 shown as "3335.00 < line 3335"); then the
// shortest exact form.
std::string yuan(double income, double bound, bool below) {
  if (std::floor(income) == income) return format_double(income);
  char text[64];
  std::snprintf(text, sizeof text, "%.2f", income);
  const double shown = std::strtod(text, nullptr);
  const bool faithful = below ? shown < bound : shown >= bound;
  return faithful ? std::string(text) : format_double(income);
}

// The set bits of `bits` by their names in `lang` (keys prefix + the registry's spelling).
std::string code_list(Lang lang, uint32_t bits, const std::vector<std::string_view>& names,
                      std::string_view prefix) {
  std::string out;
  for (std::size_t b = 0; b < names.size(); ++b) {
    if (!(bits & (1u << b))) continue;
    if (!out.empty()) out += tr(lang, "audit.detail.code_sep");
    out += tr(lang, std::string(prefix) + std::string(names[b]));
  }
  return out;
}

// The phrases of the guarantees a household misses, in the order of 两不愁三保障.
void gap_phrases(Lang lang, const GuaranteeGaps& g, std::vector<std::string>* parts) {
  if (g.food_insecure) parts->push_back(tr(lang, "audit.detail.food_insecure"));
  if (g.clothing_insecure) parts->push_back(tr(lang, "audit.detail.clothing_insecure"));
  if (g.water_unsafe) parts->push_back(tr(lang, "audit.detail.water_unsafe"));
  if (g.housing_unsafe)
    parts->push_back(trf(lang, "audit.detail.housing_unsafe", to_string(g.housing)));
  if (g.dropouts > 0) parts->push_back(trf(lang, "audit.detail.dropouts", g.dropouts));
  if (g.uninsured > 0) parts->push_back(trf(lang, "audit.detail.uninsured", g.uninsured));
}

// The phrases of one finding, in the order findings.csv has always given them.
std::vector<std::string> detail_phrases(Lang lang, const FindingDetail& d) {
  std::vector<std::string> parts;
  switch (d.finding) {
    case Finding::kWrongExit:
    case Finding::kPlannedExitShortfall:
    case Finding::kOmission:
      if (d.below_line)
        parts.push_back(trf(
            lang, d.assessed ? "audit.detail.assessed_income_below" : "audit.detail.income_below",
            yuan(d.income, d.line, true), format_double(d.line)));
      gap_phrases(lang, d.gaps, &parts);
      break;
    case Finding::kMisInclusion:
      if (d.excluded != 0)
        parts.push_back(
            trf(lang, "audit.detail.excluded",
                code_list(lang, d.excluded, exclusion_names(), "audit.detail.exclusion.")));
      if (d.above_multiple)
        parts.push_back(
            trf(lang, d.assessed ? "audit.detail.assessed_income_rich" : "audit.detail.income_rich",
                yuan(d.income, d.multiple * d.line, false), format_double(d.multiple),
                format_double(d.line)));
      break;
    case Finding::kInconsistency:
      if (d.archive_disagrees) parts.push_back(tr(lang, "audit.detail.archive_disagrees"));
      if (d.income_disagrees)
        parts.push_back(trf(lang, "audit.detail.system_income", format_double(d.income_system),
                            format_double(d.income_field)));
      if (d.members_disagree) parts.push_back(tr(lang, "audit.detail.members_disagree"));
      break;
    case Finding::kFewMeasures:
      parts.push_back(
          trf(lang,
              d.measure_count == 1 ? "audit.detail.few_measures_one" : "audit.detail.few_measures",
              d.measure_count));
      break;
    case Finding::kMeasureMismatch: {
      const std::string measures =
          code_list(lang, d.measures, measure_names(), "audit.detail.measure.");
      parts.push_back(trf(lang, "audit.detail.measure_mismatch", to_string(d.cause),
                          cause_name(lang, d.cause),
                          measures.empty() ? tr(lang, "audit.detail.no_measures") : measures));
      break;
    }
    case Finding::kMissingCards:
      parts.push_back(trf(lang, "audit.detail.missing_cards",
                          code_list(lang, d.missing_cards, card_names(), "audit.detail.card.")));
      break;
  }
  return parts;
}

}  // namespace

std::string finding_detail_text(Lang lang, const FindingDetail& detail) {
  std::string out;
  for (const std::string& phrase : detail_phrases(lang, detail)) {
    if (!out.empty()) out += tr(lang, "audit.detail.sep");
    out += phrase;
  }
  return out;
}

int age_band(int age) {
  if (age < 0) return -1;
  if (age <= 5) return 0;
  if (age <= 15) return 1;
  if (age <= 59) return 2;
  return 3;
}

namespace {

// The self-check's summary: the verdict of the county's own rates, the households with
// findings, the findings by kind and the rates.
Section selfcheck_summary(const EvaluationConfig& config, const SelfCheckResult& result,
                          Lang lang) {
  Section summary;
  summary.heading = tr(lang, "audit.summary");
  Figures figs = verdict_figures(result.county.verdict, result.county.rates, lang);
  int towns = 0, villages = 0;
  for (const UnitSummary& u : result.townships) towns += u.unit >= 0 && !u.verdict.pass;
  for (const UnitSummary& u : result.villages) villages += u.unit >= 0 && !u.verdict.pass;
  // A county that passes on its own data with units that do not is not a green light.
  if (towns + villages > 0) {
    figs.items[0].note = trf(lang, "audit.units_fail", towns, villages);
    if (result.county.verdict.pass) figs.items[0].tone = Tone::kWarning;
  }
  figs.items.push_back(
      {tr(lang, "audit.checked"), format_number(result.county.households), "", Tone::kNeutral});
  figs.items.push_back({tr(lang, "audit.flagged"), format_number(result.county.flagged),
                        trf(lang, "audit.rule_flagged", format_number(result.county.rule_flagged)),
                        result.county.rule_flagged > 0 ? Tone::kWarning : Tone::kGood});
  summary.blocks.push_back(figs);
  summary.blocks.push_back(Paragraph{tr(lang, "audit.summary_text")});
  summary.blocks.push_back(Paragraph{tr(lang, "audit.not_the_evaluation")});
  BarChart by_finding;
  by_finding.title = tr(lang, "audit.findings_chart");
  by_finding.x_label = tr(lang, "col.households");
  by_finding.probability = false;
  for (int f = 0; f < kFindingCount; ++f)
    by_finding.bars.push_back(
        {finding_name(lang, static_cast<Finding>(f)), static_cast<double>(result.county.count[f]),
         std::numeric_limits<double>::quiet_NaN(), std::numeric_limits<double>::quiet_NaN(),
         f < kRuleFindingCount ? Tone::kBad : Tone::kWarning});
  by_finding.legend = {{Tone::kBad, tr(lang, "audit.legend.rules")},
                       {Tone::kWarning, tr(lang, "audit.legend.readiness")}};
  summary.blocks.push_back(Chart{by_finding});
  summary.blocks.push_back(rates_table(result.county.rates, config.standards, lang, "audit.rates"));
  return summary;
}

// "错退率 2.4%（低于 2%）、漏评率 ..." for the criteria a unit fails.
std::string failed_text(const UnitSummary& u, Lang lang) {
  std::string out;
  for (const Criterion& c : u.verdict.failed) {
    if (!out.empty()) out += lang == Lang::kEn ? "; " : "；";
    out += trf(lang, "audit.failed_rate", rate_name(lang, c.rate),
               format_percent(u.rates.value[static_cast<int>(c.rate)], 2),
               standard_text(lang, c.below, c.threshold));
  }
  return out;
}

// The townships and villages that fail on their own, with the rates that fail, and what
// the self-check cannot say: whether the county passes the evaluators' draw.
Section failing_units_section(const Registry& reg, const SelfCheckResult& result, Lang lang,
                              int* towns_failing, int* villages_failing) {
  Section sec;
  sec.heading = tr(lang, "audit.failing_heading");
  Table t;
  t.title = tr(lang, "audit.failing_heading");
  t.sheet = tr(lang, "audit.failing_sheet");
  t.columns = {{tr(lang, "col.unit_kind")},
               {tr(lang, "col.township")},
               {tr(lang, "col.village")},
               {tr(lang, "col.households"), ColumnKind::kInteger},
               {tr(lang, "audit.failing_rates")}};
  *towns_failing = *villages_failing = 0;
  for (const UnitSummary& u : result.townships) {
    if (u.unit < 0 || u.verdict.pass) continue;
    ++*towns_failing;
    const Township& tw = reg.townships[u.unit];
    t.rows.push_back({tr(lang, "col.township"), unit_name(tw.name, tw.id), "", u.households,
                      failed_text(u, lang)});
  }
  for (const UnitSummary& u : result.villages) {
    if (u.unit < 0 || u.verdict.pass) continue;
    ++*villages_failing;
    const Village& v = reg.villages[u.unit];
    const std::string town =
        v.township >= 0 ? unit_name(reg.townships[v.township].name, v.township_id) : v.township_id;
    t.rows.push_back({tr(lang, "col.village"), town, unit_name(v.name, v.id), u.households,
                      failed_text(u, lang)});
  }
  sec.blocks.push_back(
      Paragraph{trf(lang, "audit.failing_text", *towns_failing, result.townships.size(),
                    *villages_failing, result.villages.size())});
  t.html_rows = 40;
  t.html_cut_note = cut_note(lang, std::min<std::size_t>(40, t.rows.size()), t.rows.size());
  if (!t.rows.empty()) sec.blocks.push_back(t);
  sec.blocks.push_back(Paragraph{tr(lang, "audit.not_the_evaluation")});
  return sec;
}

// Per township: registered households by status, persons and the self-check's findings;
// and by township and main cause.
void township_tables(const Registry& reg, const SelfCheckResult& result, Lang lang,
                     Section* profile) {
  const Households& h = reg.households;
  Table towns;
  towns.title = tr(lang, "audit.by_township");
  towns.sheet = tr(lang, "audit.by_township");
  towns.columns = {{tr(lang, "col.township")}};
  for (Status s : {Status::kPoor, Status::kPlannedExit, Status::kExited, Status::kNonRegistered})
    towns.columns.push_back({status_name(lang, s), ColumnKind::kInteger});
  towns.columns.push_back({tr(lang, "audit.registered_persons"), ColumnKind::kInteger});
  towns.columns.push_back({tr(lang, "audit.flagged"), ColumnKind::kInteger});
  std::vector<std::array<int64_t, kStatusCount + 1>> per(reg.townships.size());
  for (std::size_t i = 0; i < h.count(); ++i) {
    const int v = h.village[i];
    if (v < 0 || reg.villages[v].township < 0) continue;
    auto& p = per[reg.villages[v].township];
    ++p[static_cast<int>(h.status[i])];
    if (is_registered(h.status[i])) p[kStatusCount] += h.size[i];
  }
  std::vector<int> flagged(reg.townships.size(), 0);
  for (const UnitSummary& u : result.townships)
    if (u.unit >= 0 && u.unit < static_cast<int>(flagged.size())) flagged[u.unit] = u.flagged;
  for (std::size_t t = 0; t < reg.townships.size(); ++t) {
    std::vector<Cell> row = {unit_name(reg.townships[t].name, reg.townships[t].id)};
    for (int k = 0; k <= kStatusCount; ++k) row.push_back(Cell(per[t][k]));
    row.push_back(flagged[t]);
    towns.rows.push_back(row);
  }
  profile->blocks.push_back(towns);
  // Registered households by township and main cause: wide, so in the workbook only.
  Table cross;
  cross.title = tr(lang, "audit.by_township_cause");
  cross.sheet = tr(lang, "audit.by_township_cause");
  cross.in_html = false;
  cross.columns = {{tr(lang, "col.township")}};
  for (int c = 0; c < kCauseCount; ++c)
    cross.columns.push_back({cause_name(lang, static_cast<Cause>(c)), ColumnKind::kInteger});
  std::vector<std::array<int64_t, kCauseCount>> by_cause(reg.townships.size());
  for (std::size_t i = 0; i < h.count(); ++i) {
    const int v = h.village[i];
    if (!is_registered(h.status[i]) || v < 0 || reg.villages[v].township < 0) continue;
    ++by_cause[reg.villages[v].township][static_cast<int>(h.cause[i])];
  }
  for (std::size_t t = 0; t < reg.townships.size(); ++t) {
    std::vector<Cell> row = {unit_name(reg.townships[t].name, reg.townships[t].id)};
    for (int c = 0; c < kCauseCount; ++c) row.push_back(Cell(by_cause[t][c]));
    cross.rows.push_back(row);
  }
  profile->blocks.push_back(cross);
}

// 六个清: the registered households and their members.
Section county_profile(const Registry& reg, const SelfCheckResult& result, Lang lang) {
  const Households& h = reg.households;
  Section profile;
  profile.heading = tr(lang, "audit.profile");
  profile.blocks.push_back(Paragraph{tr(lang, "audit.profile_text")});
  Tally status, cause, attribute, housing, labour, age;
  for (int s = 0; s < kStatusCount; ++s)
    status.add(status_name(lang, static_cast<Status>(s)), 0, 0);
  for (std::size_t i = 0; i < h.count(); ++i) {
    status.add(status_name(lang, h.status[i]), 1, h.size[i]);
    if (!is_registered(h.status[i])) continue;
    cause.add(cause_name(lang, h.cause[i]), 1, h.size[i]);
    attribute.add(attribute_name(lang, h.attribute[i]), 1, h.size[i]);
    housing.add(h.relocated[i] ? tr(lang, "audit.relocated") : housing_name(lang, h.housing[i]), 1,
                h.size[i]);
  }
  profile.blocks.push_back(
      tally_table(tr(lang, "audit.by_status"), tr(lang, "col.status"), status, true, lang, false));
  profile.blocks.push_back(
      tally_table(tr(lang, "audit.by_cause"), tr(lang, "col.cause"), cause, true, lang));
  profile.blocks.push_back(tally_table(tr(lang, "audit.by_attribute"), tr(lang, "col.attribute"),
                                       attribute, true, lang));
  profile.blocks.push_back(
      tally_table(tr(lang, "audit.by_housing"), tr(lang, "col.housing"), housing, true, lang));
  if (reg.has_members) {
    for (int b = 0; b < kAgeBandCount; ++b) age.add(age_band_label(b, lang), 0, 0);
    for (const Member& m : reg.members) {
      if (m.household < 0 || !is_registered(h.status[m.household])) continue;
      labour.add(labour_label(m.labor, lang), 0, 1);
      age.add(age_band_label(age_band(m.age), lang), 0, 1);
    }
    profile.blocks.push_back(
        tally_table(tr(lang, "audit.by_labor"), tr(lang, "col.labor"), labour, false, lang));
    profile.blocks.push_back(
        tally_table(tr(lang, "audit.by_age"), tr(lang, "col.age_band"), age, false, lang, false));
  } else {
    profile.blocks.push_back(Paragraph{tr(lang, "audit.members_missing")});
  }
  township_tables(reg, result, lang, &profile);
  return profile;
}

// The to-do list by village, worst first (the self-check's order), and the households
// with findings.
Section todo_section(const Registry& reg, const SelfCheckResult& result, Lang lang,
                     std::size_t page_rows) {
  Section todo;
  todo.heading = tr(lang, "audit.todo");
  todo.blocks.push_back(Paragraph{tr(lang, "audit.todo_text")});
  Table page, sheet;
  page.title = tr(lang, "audit.todo");
  page.columns = {{tr(lang, "col.village")},
                  {tr(lang, "col.township")},
                  {tr(lang, "col.households"), ColumnKind::kInteger},
                  {tr(lang, "audit.flagged"), ColumnKind::kInteger},
                  {tr(lang, "col.findings")}};
  sheet.title = page.title;
  sheet.sheet = tr(lang, "audit.todo");
  sheet.in_html = false;
  sheet.columns = {{tr(lang, "col.village_id")},
                   {tr(lang, "col.village")},
                   {tr(lang, "col.township")},
                   {tr(lang, "col.households"), ColumnKind::kInteger},
                   {tr(lang, "audit.flagged"), ColumnKind::kInteger},
                   {tr(lang, "audit.rule_flagged_col"), ColumnKind::kInteger}};
  for (int f = 0; f < kFindingCount; ++f)
    sheet.columns.push_back({finding_name(lang, static_cast<Finding>(f)), ColumnKind::kInteger});
  for (const UnitSummary& u : result.villages) {
    if (u.unit < 0 || u.flagged == 0) continue;
    const Village& v = reg.villages[u.unit];
    const std::string town =
        v.township >= 0 ? unit_name(reg.townships[v.township].name, v.township_id) : v.township_id;
    std::string what;
    for (int f = 0; f < kFindingCount; ++f) {
      if (u.count[f] == 0) continue;
      if (!what.empty()) what += lang == Lang::kEn ? "; " : "；";
      what += fmt::format("{} {}", finding_name(lang, static_cast<Finding>(f)), u.count[f]);
    }
    page.rows.push_back({unit_name(v.name, v.id), town, u.households, u.flagged, what});
    std::vector<Cell> row = {v.id, v.name, town, u.households, u.flagged, u.rule_flagged};
    for (int f = 0; f < kFindingCount; ++f) row.push_back(u.count[f]);
    sheet.rows.push_back(row);
  }
  page.html_rows = page_rows;
  page.html_cut_note = cut_note(lang, std::min(page_rows, page.rows.size()), page.rows.size());
  todo.blocks.push_back(page);
  todo.blocks.push_back(sheet);
  todo.blocks.push_back(findings_table(reg, result.findings, lang, page_rows));
  return todo;
}

}  // namespace

Report compose_selfcheck_report(const Registry& reg, const EvaluationConfig& config,
                                const SelfCheckResult& result, const ReportContext& ctx,
                                std::size_t page_rows) {
  const Lang lang = ctx.lang;
  const Households& h = reg.households;
  Report rep;
  rep.lang = std::string(lang_code(lang));
  rep.title = tr(lang, "audit.title");
  rep.subtitle = trf(lang, "audit.subtitle", format_number(static_cast<double>(h.count())));
  rep.sections.push_back(selfcheck_summary(config, result, lang));
  int towns = 0, villages = 0;
  rep.sections.push_back(failing_units_section(reg, result, lang, &towns, &villages));
  rep.sections.push_back(county_profile(reg, result, lang));
  rep.sections.push_back(todo_section(reg, result, lang, page_rows));
  stamp_report(ctx, &rep);
  return rep;
}

Report compose_audit_report(const Registry& reg, const EvaluationConfig& config, const Draw& draw,
                            const AuditResult& result, const ReportContext& ctx) {
  const Lang lang = ctx.lang;
  Report rep;
  rep.lang = std::string(lang_code(lang));
  rep.title = tr(lang, "audit.sample_title");
  rep.subtitle = trf(lang, "audit.sample_subtitle", result.households.size(), result.field.absent,
                     result.field.short_total);
  Section verdict;
  verdict.heading = tr(lang, "audit.sample_summary");
  Figures figs = verdict_figures(result.verdict, result.rates, lang);
  figs.items[0].label = tr(lang, "audit.sample_verdict");
  verdict.blocks.push_back(figs);
  verdict.blocks.push_back(Paragraph{trf(lang, "audit.one_draw_text", result.households.size())});
  verdict.blocks.push_back(rates_table(result.rates, config.standards, lang, "audit.sample_rates"));
  if (!result.field.shortfalls.empty()) {
    Table t;
    t.title = tr(lang, "audit.shortfalls");
    t.sheet = tr(lang, "audit.shortfalls");
    t.columns = {{tr(lang, "col.village")},
                 {tr(lang, "col.status")},
                 {tr(lang, "audit.missing"), ColumnKind::kInteger}};
    for (const auto& s : result.field.shortfalls)
      t.rows.push_back({unit_name(reg.villages[s.village].name, reg.villages[s.village].id),
                        category_name(lang, s.category), s.missing});
    verdict.blocks.push_back(t);
  }
  rep.sections.push_back(verdict);

  Section found;
  found.heading = tr(lang, "audit.findings_table");
  const std::vector<HouseholdFinding> findings =
      draw_findings(reg.households, config.standards, result);
  if (findings.empty()) found.blocks.push_back(Paragraph{tr(lang, "audit.no_findings")});
  found.blocks.push_back(findings_table(reg, findings, lang, 50));
  rep.sections.push_back(found);
  (void)draw;
  stamp_report(ctx, &rep);
  return rep;
}

}  // namespace kaoping
