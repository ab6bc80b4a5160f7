#include "reports/audit_report.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <regex>

#include "reports/i18n.h"
#include "reports/privacy.h"

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

Table findings_table(const Registry& reg, const std::vector<SelfCheckFinding>& findings, Lang lang,
                     std::size_t page_rows) {
  const Households& h = reg.households;
  Table t;
  t.title = tr(lang, "audit.findings_table");
  t.sheet = tr(lang, "sheet.findings");
  t.columns = {{tr(lang, "col.household_id")}, {tr(lang, "col.village")},
               {tr(lang, "col.status")},       {tr(lang, "col.head_name")},
               {tr(lang, "col.id_number")},    {tr(lang, "col.findings")},
               {tr(lang, "col.detail")}};
  for (const SelfCheckFinding& f : findings) {
    const int i = f.household;
    const int v = h.village[i];
    t.rows.push_back(
        {h.id[i], v >= 0 ? unit_name(reg.villages[v].name, h.village_id[i]) : h.village_id[i],
         status_name(lang, h.status[i]), h.head_name[i], mask_id_number(h.id_number[i]),
         finding_name(lang, f.finding), localize_detail(lang, f.detail)});
  }
  t.html_rows = page_rows;
  t.html_cut_note = cut_note(lang, std::min(page_rows, t.rows.size()), t.rows.size());
  return t;
}

// Codes of registry lists (SPEC §1) in Chinese, for details.
std::string zh_codes(const std::string& list, const std::map<std::string, std::string>& names) {
  std::string out;
  std::size_t pos = 0;
  while (pos <= list.size()) {
    std::size_t end = list.find(';', pos);
    if (end == std::string::npos) end = list.size();
    const std::string code = list.substr(pos, end - pos);
    auto it = names.find(code);
    if (!out.empty()) out += "、";
    out += it == names.end() ? code : it->second;
    pos = end + 1;
  }
  return out;
}

}  // namespace

std::string localize_detail(Lang lang, const std::string& detail) {
  if (lang == Lang::kEn) return detail;
  static const std::map<std::string, std::string> kExclusion = {
      {"official", "公职人员"},        {"cadre", "村干部"},     {"car", "有车辆或大型机械"},
      {"town_house", "城镇有房产"},    {"company", "开办企业"}, {"large_farm", "种养大户"},
      {"split_household", "拆户分户"}, {"absentee", "空挂户"},  {"other", "其他"}};
  static const std::map<std::string, std::string> kMeasure = {
      {"industry", "产业"},   {"employment", "就业"}, {"training", "培训"},
      {"education", "教育"},  {"health", "健康"},     {"housing", "住房"},
      {"relocation", "搬迁"}, {"finance", "金融"},    {"social_security", "社保兜底"},
      {"water", "饮水"},      {"other", "其他"},      {"none", "无"}};
  static const std::map<std::string, std::string> kCard = {
      {"help_card", "明白卡"}, {"contact_card", "联系卡"}, {"record_book", "脱贫记录卡"}};
  // One phrase at a time; "cause X; measures a;b" is one phrase that contains "; ".
  static const std::regex kMismatch(R"(^cause (\w*); measures ([\w;]+)$)");
  std::smatch m;
  if (std::regex_match(detail, m, kMismatch)) {
    const std::optional<Cause> cause = parse_cause(m[1].str());
    return "致贫原因" + (cause ? cause_name(Lang::kZh, *cause) : m[1].str()) + "；措施：" +
           zh_codes(m[2].str(), kMeasure);
  }
  static const std::vector<PhraseRule> kRules = [] {
    std::vector<PhraseRule> r;
    r.push_back(
        {std::regex(R"(^assessed income (\S+) < line (\S+)$)"), "评估收入 $1 低于标准线 $2"});
    r.push_back({std::regex(R"(^income (\S+) < line (\S+)$)"), "收入 $1 低于标准线 $2"});
    r.push_back({std::regex(R"(^assessed income (\S+) >= (\S+) × line (\S+)$)"),
                 "评估收入 $1 达到标准线 $3 的 $2 倍"});
    r.push_back(
        {std::regex(R"(^income (\S+) >= (\S+) × line (\S+)$)"), "收入 $1 达到标准线 $3 的 $2 倍"});
    r.push_back({std::regex(R"(^food insecure$)"), "吃不愁未达标"});
    r.push_back({std::regex(R"(^clothing insecure$)"), "穿不愁未达标"});
    r.push_back({std::regex(R"(^water unsafe$)"), "饮水不安全"});
    r.push_back({std::regex(R"(^housing ([A-D])$)"), "住房$1级（危房）"});
    r.push_back({std::regex(R"(^dropouts (\d+)$)"), "义务教育阶段辍学 $1 人"});
    r.push_back({std::regex(R"(^uninsured (\d+)$)"), "未参加基本医保 $1 人"});
    r.push_back({std::regex(R"(^archive disagrees with the system$)"), "纸质档案与系统不一致"});
    r.push_back(
        {std::regex(R"(^system income (\S+) vs field (\S+)$)"), "系统收入 $1，核实收入 $2"});
    r.push_back({std::regex(R"(^members\.csv disagrees$)"), "家庭成员信息与户表不一致"});
    r.push_back({std::regex(R"(^(\d+) measures?, fewer than 4$)"), "帮扶措施 $1 项，少于4项"});
    return r;
  }();
  std::string out;
  std::size_t pos = 0;
  while (pos <= detail.size()) {
    std::size_t end = detail.find("; ", pos);
    if (end == std::string::npos) end = detail.size();
    std::string phrase = detail.substr(pos, end - pos);
    pos = end + 2;
    if (phrase.rfind("excluded ", 0) == 0) {
      phrase = "不符合识别条件：" + zh_codes(phrase.substr(9), kExclusion);
    } else if (phrase.rfind("missing ", 0) == 0) {
      phrase = "缺" + zh_codes(phrase.substr(8), kCard);
    } else {
      phrase = apply_phrase_rules(kRules, phrase);
    }
    if (!out.empty()) out += "；";
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

Report compose_selfcheck_report(const Registry& reg, const EvaluationConfig& config,
                                const SelfCheckResult& result, const ReportContext& ctx,
                                std::size_t page_rows) {
  const Lang lang = ctx.lang;
  const Households& h = reg.households;
  Report rep;
  rep.lang = std::string(lang_code(lang));
  rep.title = tr(lang, "audit.title");
  rep.subtitle = trf(lang, "audit.subtitle", format_number(static_cast<double>(h.count())));

  // Summary: verdict of the county's own rates, households with findings.
  Section summary;
  summary.heading = tr(lang, "audit.summary");
  Figures figs = verdict_figures(result.county.verdict, result.county.rates, lang);
  figs.items.push_back(
      {tr(lang, "audit.checked"), format_number(result.county.households), "", Tone::kNeutral});
  figs.items.push_back({tr(lang, "audit.flagged"), format_number(result.county.flagged),
                        trf(lang, "audit.rule_flagged", format_number(result.county.rule_flagged)),
                        result.county.rule_flagged > 0 ? Tone::kWarning : Tone::kGood});
  summary.blocks.push_back(figs);
  summary.blocks.push_back(Paragraph{tr(lang, "audit.summary_text")});
  BarChart by_finding;
  by_finding.title = tr(lang, "audit.findings_chart");
  by_finding.x_label = tr(lang, "col.households");
  by_finding.probability = false;
  for (int f = 0; f < kFindingCount; ++f)
    by_finding.bars.push_back(
        {finding_name(lang, static_cast<Finding>(f)), static_cast<double>(result.county.count[f]),
         std::numeric_limits<double>::quiet_NaN(), std::numeric_limits<double>::quiet_NaN(),
         f < kRuleFindingCount ? Tone::kBad : Tone::kWarning});
  summary.blocks.push_back(Chart{by_finding});
  summary.blocks.push_back(rates_table(result.county.rates, config.standards, lang, "audit.rates"));
  rep.sections.push_back(summary);

  // 六个清: the registered households and their members.
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
  // Per township: registered households by status, persons, and the self-check's findings.
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
  profile.blocks.push_back(towns);
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
  profile.blocks.push_back(cross);
  rep.sections.push_back(profile);

  // To-do list by village, worst first (the self-check's order).
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
  rep.sections.push_back(todo);
  rep.colophon = base_colophon(ctx);
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
  verdict.heading = tr(lang, "audit.summary");
  verdict.blocks.push_back(verdict_figures(result.verdict, result.rates, lang));
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
  std::vector<SelfCheckFinding> findings;
  for (const HouseholdAudit& a : result.households)
    for (int f = 0; f < kFindingCount; ++f)
      if (a.has(static_cast<Finding>(f)))
        findings.push_back({a.household, static_cast<Finding>(f),
                            finding_detail(reg.households, a.household, static_cast<Finding>(f),
                                           config.standards, a.assessed_income, true)});
  if (findings.empty()) found.blocks.push_back(Paragraph{tr(lang, "audit.no_findings")});
  found.blocks.push_back(findings_table(reg, findings, lang, 50));
  rep.sections.push_back(found);
  (void)draw;
  rep.colophon = base_colophon(ctx);
  return rep;
}

}  // namespace kaoping
