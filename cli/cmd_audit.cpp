// `kaoping audit [--registry DIR] [--config FILE] (--sample FILE [--seed N] | --all)
// [--out DIR]`: audits a draw as the evaluators would (field visit, evaluator's income error,
// rules, rates, verdict), or every household with its recorded income (the self-check).
#include <cstdio>
#include <filesystem>
#include <optional>
#include <string>

#include "audit/audit.h"
#include "audit/selfcheck.h"
#include "cli/commands.h"
#include "reports/audit_report.h"
#include "reports/i18n.h"
#include "sampler/design.h"
#include "sampler/draw_io.h"
#include "sampler/tiers.h"
#include "util/csv.h"
#include "util/files.h"
#include "util/text.h"

namespace kaoping::cli {
namespace {

namespace fs = std::filesystem;

/// Villages shown in the self-check's printed to-do list.
constexpr std::size_t kTopVillages = 10;

/// `text` padded with spaces to `width` terminal columns (CJK characters take two).
std::string pad(const std::string& text, int width) {
  int columns = 0;
  for (std::size_t i = 0; i < text.size();) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    const int len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    columns += len >= 3 ? 2 : 1;  // three- and four-byte sequences: CJK and wide symbols
    i += len;
  }
  return columns >= width ? text + " " : text + std::string(width - columns, ' ');
}

std::string findings_names(uint16_t bits) {
  std::string out;
  for (int f = 0; f < kFindingCount; ++f) {
    if (!(bits & (1u << f))) continue;
    if (!out.empty()) out += ';';
    out += to_string(static_cast<Finding>(f));
  }
  return out;
}

/// rates.csv: every rate of SPEC §3 with its parts and, when it is a criterion, the test.
std::string rates_csv(const Rates& r, const StandardsConfig& s) {
  CsvWriter w(
      {"rate", "value", "numerator", "denominator", "basis", "direction", "threshold", "holds"});
  for (int k = 0; k < kRateCount; ++k) {
    const Rate rate = static_cast<Rate>(k);
    const bool per_household = rate == Rate::kInconsistency || rate == Rate::kSatisfaction ||
                               s.rate_basis == RateBasis::kHousehold;
    std::string direction, threshold, holds;
    for (const Criterion& c : s.criteria) {
      if (c.rate != rate) continue;
      direction = c.below ? "below" : "above";
      threshold = format_double(c.threshold);
      holds = c.holds(r.value[k]) ? "1" : "0";
    }
    w.row({std::string(to_string(rate)), format_double(r.value[k]), format_double(r.numerator[k]),
           format_double(r.denominator[k]), per_household ? "household" : "person", direction,
           threshold, holds});
  }
  return w.str();
}

/// The rates and verdict as readable lines.
void print_rates(const Rates& r, const Verdict& v, const StandardsConfig& s, Lang lang) {
  const bool en = lang == Lang::kEn;
  for (int k = 0; k < kRateCount; ++k) {
    const Rate rate = static_cast<Rate>(k);
    std::string test;
    for (const Criterion& c : s.criteria) {
      if (c.rate != rate) continue;
      test = std::string(c.below ? "< " : "> ") + format_percent(c.threshold, 2) +
             (c.holds(r.value[k]) ? (en ? "  ok" : "  达标") : (en ? "  FAILS" : "  不达标"));
    }
    std::printf("  %s %8s  (%s / %s)  %s\n", pad(rate_name(lang, rate), 30).c_str(),
                format_percent(r.value[k], 2).c_str(), format_number(r.numerator[k]).c_str(),
                format_number(r.denominator[k]).c_str(), test.c_str());
  }
  if (v.pass) {
    std::printf(en ? "verdict: PASS\n" : "结论：通过\n");
  } else {
    std::string failed;
    for (const Criterion& c : v.failed) {
      if (!failed.empty()) failed += en ? ", " : "、";
      failed += rate_name(lang, c.rate);
    }
    std::printf(en ? "verdict: FAIL (%s)\n" : "结论：不通过（%s）\n", failed.c_str());
  }
}

/// Writes `files` (name, content) into opts.out, refusing to replace an input file
/// (the registry's, the config, or the draw `sample`).
bool write_outputs(const CommonOptions& opts, const Registry& reg, const std::string& sample,
                   const std::vector<std::pair<std::string, std::string>>& files) {
  for (const auto& [name, content] : files) {
    const std::string target = (fs::path(opts.out) / name).string();
    if (is_input(target, opts, reg, {sample})) {
      std::fprintf(stderr,
                   "kaoping: error: %s: is an input of this command; choose another "
                   "--out directory\n",
                   target.c_str());
      return false;
    }
  }
  for (const auto& [name, content] : files) {
    std::string err;
    if (!write_file_atomic((fs::path(opts.out) / name).string(), content, &err)) {
      std::fprintf(stderr, "kaoping: error: %s\n", err.c_str());
      return false;
    }
  }
  return true;
}

int audit_sample(const CommonOptions& opts, const Config& config, const Registry& reg,
                 const std::string& sample_path, uint64_t seed) {
  const Lang lang = parse_lang(opts.lang);
  const bool en = lang == Lang::kEn;
  // The design gives tiers to an evaluators' list without a tier column; a list can still
  // be audited on a county whose design cannot be drawn.
  Design design;
  Diagnostics design_diag;
  const bool have_design = build_design(reg, config.design, &design, &design_diag);
  Draw draw;
  Diagnostics diag;
  const bool ok = read_draw_csv(sample_path, reg, have_design ? &design : nullptr, &draw, &diag);
  print_diagnostics(diag, opts.quiet);
  if (!ok) return kExitBadInput;
  if (!open_out_dir(opts)) return kExitBadInput;

  AuditResult result;
  audit_draw(reg, config, draw, seed, 0, &result);
  const Households& h = reg.households;
  const StandardsConfig& s = config.standards;

  CsvWriter findings({"household_id", "village_id", "finding", "detail"});
  int finding_rows = 0;
  for (const HouseholdAudit& a : result.households) {
    for (int f = 0; f < kRuleFindingCount; ++f) {
      if (!a.has(static_cast<Finding>(f))) continue;
      const std::size_t i = static_cast<std::size_t>(a.household);
      findings.row({h.id[i], h.village_id[i], std::string(to_string(static_cast<Finding>(f))),
                    finding_detail(h, i, static_cast<Finding>(f), s, a.assessed_income, true)});
      ++finding_rows;
    }
  }

  int sampled = 0;
  for (const DrawRow& r : draw.rows) sampled += r.role == Role::kSample;
  std::printf(
      en ? "audit of %s (seed %llu): %d households in sample, %zu surveyed, %d absent, "
           "%d short\n"
         : "审计样本 %s（种子 %llu）：样本 %d 户，入户调查 %zu 户，不在家 %d 户，缺 %d 户\n",
      sample_path.c_str(), static_cast<unsigned long long>(seed), sampled, result.households.size(),
      result.field.absent, result.field.short_total);
  for (const Fieldwork::Shortfall& sf : result.field.shortfalls)
    std::printf(en ? "  village %s, %s: %d short (reserve exhausted)\n"
                   : "  村 %s %s：备选户用尽，缺 %d 户\n",
                reg.villages[sf.village].id.c_str(), category_name(lang, sf.category).c_str(),
                sf.missing);
  print_rates(result.rates, result.verdict, s, lang);

  if (opts.out.empty()) {
    std::printf(en ? "findings: %d\n" : "问题：%d 条\n", finding_rows);
    if (finding_rows > 0) std::fputs(findings.str().c_str(), stdout);
    return kExitOk;
  }

  CsvWriter households({"household_id", "village_id", "township_id", "tier", "category", "status",
                        "size", "role", "reserve_rank", "visit", "assessed_income", "approves",
                        "findings", "inclusion_prob", "weight"});
  std::vector<const HouseholdAudit*> by_row(draw.rows.size(), nullptr);
  for (const HouseholdAudit& a : result.households) by_row[a.row] = &a;
  for (std::size_t r = 0; r < draw.rows.size(); ++r) {
    const DrawRow& row = draw.rows[r];
    const std::size_t i = static_cast<std::size_t>(row.household);
    const HouseholdAudit* a = by_row[r];
    const Visit visit = result.field.visit[r];
    households.row({h.id[i], h.village_id[i], reg.townships[row.township].id,
                    std::string(to_string(row.tier)), std::string(to_string(row.category)),
                    std::string(to_string(h.status[i])), std::to_string(h.size[i]),
                    row.role == Role::kSample ? "sample" : "reserve",
                    row.role == Role::kReserve ? std::to_string(row.reserve_rank) : "",
                    visit == Visit::kSurveyed ? "surveyed"
                    : visit == Visit::kAbsent ? "absent"
                                              : "not_visited",
                    a ? format_double(a->assessed_income) : "",
                    a ? (a->approval > 0 ? "1" : "0") : "", a ? findings_names(a->findings) : "",
                    row.inclusion_prob > 0 ? format_double(row.inclusion_prob) : "",
                    row.inclusion_prob > 0 ? format_double(row.weight()) : ""});
  }
  CsvWriter shortfalls({"village_id", "category", "missing"});
  for (const Fieldwork::Shortfall& sf : result.field.shortfalls)
    shortfalls.row({reg.villages[sf.village].id, std::string(to_string(sf.category)),
                    std::to_string(sf.missing)});
  if (!write_outputs(opts, reg, sample_path,
                     {{"findings.csv", findings.str()},
                      {"rates.csv", rates_csv(result.rates, s)},
                      {"households.csv", households.str()},
                      {"shortfalls.csv", shortfalls.str()}}))
    return kExitBadInput;
  Manifest manifest =
      run_manifest(opts, config, reg, "audit", run_inputs(opts, reg, {sample_path}));
  manifest.has_seed = true;
  manifest.seed = seed;
  if (!write_reports(opts, compose_audit_report(reg, config, draw, result, report_context(opts)),
                     manifest))
    return kExitBadInput;
  note(opts, en ? "wrote findings.csv, rates.csv, households.csv, shortfalls.csv, report.html, "
                  "report.xlsx, manifest.json to " +
                      opts.out
                : "已写入 " + opts.out +
                      "：findings.csv、rates.csv、households.csv、shortfalls.csv、report.html、"
                      "report.xlsx、manifest.json");
  return kExitOk;
}

std::vector<std::string> unit_header(bool village) {
  std::vector<std::string> head;
  if (village)
    head = {"village_id", "township_id", "name", "tier"};
  else
    head = {"township_id", "name"};
  for (const char* c : {"households", "flagged", "rule_flagged"}) head.push_back(c);
  for (int f = 0; f < kFindingCount; ++f) head.emplace_back(to_string(static_cast<Finding>(f)));
  for (int k = 0; k < kRateCount; ++k)
    head.push_back(std::string(to_string(static_cast<Rate>(k))) + "_rate");
  head.push_back("passes");
  head.push_back("failed");
  return head;
}

void unit_cells(const UnitSummary& u, std::vector<std::string>* row) {
  row->push_back(std::to_string(u.households));
  row->push_back(std::to_string(u.flagged));
  row->push_back(std::to_string(u.rule_flagged));
  for (int f = 0; f < kFindingCount; ++f) row->push_back(std::to_string(u.count[f]));
  for (int k = 0; k < kRateCount; ++k) row->push_back(format_double(u.rates.value[k]));
  row->push_back(u.verdict.pass ? "1" : "0");
  std::string failed;
  for (const Criterion& c : u.verdict.failed) {
    if (!failed.empty()) failed += ';';
    failed += to_string(c.rate);
  }
  row->push_back(failed);
}

int audit_all(const CommonOptions& opts, const Config& config, const Registry& reg) {
  const Lang lang = parse_lang(opts.lang);
  const bool en = lang == Lang::kEn;
  if (!open_out_dir(opts)) return kExitBadInput;
  SelfCheckResult result;
  self_check(reg, config, &result);
  const Households& h = reg.households;

  // Tiers for the village table; a registry whose labels do not cover every village under
  // tier_method: label simply shows no tier here (the self-check does not draw).
  std::vector<Tier> tiers;
  std::vector<double> index;
  Diagnostics tier_diag;
  const bool have_tiers = assign_tiers(reg, config.design, &tiers, &index, &tier_diag);

  CsvWriter findings({"household_id", "village_id", "finding", "detail"});
  for (const SelfCheckFinding& f : result.findings)
    findings.row({h.id[f.household], h.village_id[f.household], std::string(to_string(f.finding)),
                  f.detail});

  const UnitSummary& county = result.county;
  if (county.flagged == 0) {
    std::printf(en ? "self-check of %d households: nothing found\n" : "自查 %d 户：未发现问题\n",
                county.households);
  } else {
    std::printf(en ? "self-check of %d households: %d with findings (%d breaking a rule)\n"
                   : "自查 %d 户：%d 户有问题（其中 %d 户违反评估规则）\n",
                county.households, county.flagged, county.rule_flagged);
    for (int f = 0; f < kFindingCount; ++f)
      if (county.count[f] > 0)
        std::printf("  %s %d\n", pad(finding_name(lang, static_cast<Finding>(f)), 34).c_str(),
                    county.count[f]);
  }
  std::printf(en ? "county rates (recorded income; satisfaction expected):\n"
                 : "全县比率（按登记收入；认可度为期望值）：\n");
  print_rates(county.rates, county.verdict, config.standards, lang);
  if (county.flagged > 0) {
    std::printf(en ? "villages to fix first:\n" : "优先整改的村：\n");
    for (std::size_t k = 0; k < result.villages.size() && k < kTopVillages; ++k) {
      const UnitSummary& u = result.villages[k];
      if (u.flagged == 0) break;
      const Village& v = reg.villages[u.unit];
      std::string counts;
      for (int f = 0; f < kFindingCount; ++f) {
        if (u.count[f] == 0) continue;
        if (!counts.empty()) counts += en ? ", " : "，";
        counts += finding_name(lang, static_cast<Finding>(f)) + " " + std::to_string(u.count[f]);
      }
      std::printf(
          en ? "  %-10s %-8s %s: %d of %d households (%s)\n" : "  %-10s %-8s %s：%d/%d 户（%s）\n",
          v.id.c_str(), v.township_id.c_str(), v.name.c_str(), u.flagged, u.households,
          counts.c_str());
    }
  }
  if (opts.out.empty()) return kExitOk;

  CsvWriter villages(unit_header(true));
  for (const UnitSummary& u : result.villages) {
    const Village& v = reg.villages[u.unit];
    std::vector<std::string> row = {v.id, v.township_id, v.name,
                                    have_tiers ? std::string(to_string(tiers[u.unit])) : ""};
    unit_cells(u, &row);
    villages.row(row);
  }
  CsvWriter townships(unit_header(false));
  for (const UnitSummary& u : result.townships) {
    const Township& t = reg.townships[u.unit];
    std::vector<std::string> row = {t.id, t.name};
    unit_cells(u, &row);
    townships.row(row);
  }
  if (!write_outputs(opts, reg, "",
                     {{"findings.csv", findings.str()},
                      {"rates.csv", rates_csv(county.rates, config.standards)},
                      {"villages.csv", villages.str()},
                      {"townships.csv", townships.str()}}))
    return kExitBadInput;
  if (!write_reports(opts, compose_selfcheck_report(reg, config, result, report_context(opts)),
                     run_manifest(opts, config, reg, "audit", run_inputs(opts, reg))))
    return kExitBadInput;
  note(opts, en ? "wrote findings.csv, rates.csv, villages.csv, townships.csv, report.html, "
                  "report.xlsx, manifest.json to " +
                      opts.out
                : "已写入 " + opts.out +
                      "：findings.csv、rates.csv、villages.csv、townships.csv、report.html、"
                      "report.xlsx、manifest.json");
  return kExitOk;
}

}  // namespace

int run_audit(int argc, char** argv, const std::vector<std::string>& full_argv) {
  CLI::App app(
      "audit a sample as the evaluators would (--sample FILE), or every household "
      "with its recorded income (--all, the county's self-check)",
      "kaoping audit");
  CommonOptions opts;
  opts.argv = full_argv;
  std::string sample;
  bool all = false;
  std::optional<uint64_t> seed;
  add_common_options(app, &opts);
  app.add_option("--sample", sample,
                 "draw to audit: the CSV of 'kaoping sample' or a list with household_id");
  app.add_flag("--all", all, "self-check: every household, recorded income, readiness findings");
  app.add_option("--seed", seed,
                 "seed of the field visit, income error and satisfaction (default: "
                 "simulation.seed); --sample only");
  add_out_dir_option(app, &opts,
                     "directory for findings.csv, rates.csv and the summaries (created if "
                     "missing); without it the summary goes to standard output");
  int exit_code = kExitOk;
  if (!parse_command(app, argc, argv, &exit_code)) return exit_code;
  if (sample.empty() == !all) {
    std::fprintf(stderr, "kaoping audit: error: give exactly one of --sample FILE or --all\n");
    return kExitUsage;
  }
  if (all && seed) {
    std::fprintf(stderr,
                 "kaoping audit: error: --seed goes with --sample; the self-check (--all) has "
                 "no evaluator error to draw\n");
    return kExitUsage;
  }

  Config config;
  Registry reg;
  if (!load_inputs(opts, &config, &reg)) return kExitBadInput;
  if (all) return audit_all(opts, config, reg);
  return audit_sample(opts, config, reg, sample, seed.value_or(config.simulation.seed));
}

}  // namespace kaoping::cli
