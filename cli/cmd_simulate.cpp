// `kaoping simulate [--registry DIR] [--config FILE] [--runs N] [--seed N] [--threads N]
// [--out DIR] [--json] [--fix-top K] [--fix FILE]`: the Monte Carlo rehearsal (SPEC §4).
#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <optional>
#include <set>
#include <string>

#include "audit/montecarlo.h"
#include "cli/commands.h"
#include "reports/i18n.h"
#include "reports/manifest.h"
#include "reports/privacy.h"
#include "reports/simulate_outputs.h"
#include "reports/simulate_report.h"
#include "sampler/design.h"
#include "util/csv.h"
#include "util/files.h"

namespace kaoping::cli {
namespace {

/// Reads a list of household ids: a CSV file with a `household_id` column (other columns
/// ignored), or plain text with one id per line (blank lines and lines starting with '#'
/// skipped). Unknown ids are errors at file:line:column. Indices go to *out, without
/// repeats, in file order.
bool read_fix_list(const std::string& path, const Registry& reg, std::vector<int>* out,
                   Diagnostics* diag) {
  const std::string name = std::filesystem::path(path).filename().string();
  std::string text, err;
  if (!read_file(path, &text, &err)) {
    diag->error({}, err);  // err already names the file
    return false;
  }
  std::set<int> seen;
  auto add = [&](const std::string& id, int line, int column) {
    auto it = reg.household_index.find(id);
    if (it == reg.household_index.end()) {
      diag->error({name, line, column}, "unknown household id \"" + id + "\"");
      return;
    }
    if (seen.insert(it->second).second) out->push_back(it->second);
  };
  const bool csv =
      text.rfind("household_id", 0) == 0 || text.rfind("\xEF\xBB\xBFhousehold_id", 0) == 0;
  if (csv) {
    CsvTable table;
    if (!parse_csv(text, name, &table, diag)) return false;
    const int col = table.column("household_id");
    for (std::size_t r = 0; r < table.rows.size(); ++r) {
      if (col >= static_cast<int>(table.rows[r].size())) continue;
      const std::string& id = table.rows[r][col];
      if (id.empty()) continue;
      add(id, table.row_line[r], col + 1);
    }
  } else {
    int line = 0;
    std::size_t pos = 0;
    while (pos <= text.size()) {
      std::size_t end = text.find('\n', pos);
      if (end == std::string::npos) end = text.size();
      std::string s = text.substr(pos, end - pos);
      ++line;
      pos = end + 1;
      if (!s.empty() && s.back() == '\r') s.pop_back();
      const std::size_t first = s.find_first_not_of(" \t");
      if (first == std::string::npos || s[first] == '#') continue;
      const std::size_t last = s.find_last_not_of(" \t");
      add(s.substr(first, last - first + 1), line, static_cast<int>(first) + 1);
    }
  }
  return !diag->has_errors();
}

struct Texts {
  bool en;
  std::string operator()(const char* zh, const char* en_text) const { return en ? en_text : zh; }
};

std::string readable_summary(const SimulationResult& r, const Registry& reg, const Design& design,
                             Lang lang) {
  const Texts T{lang == Lang::kEn};
  std::string s;
  s += fmt::format("{}: {}, {} {}, {} {}, {} {}\n", T("考评模拟", "kaoping simulate"),
                   reg.source == "default county" ? T("内置默认县", "default county") : reg.source,
                   r.runs, T("次重复", "replicates"), T("种子", "seed"), r.seed, r.threads,
                   T("个线程", "threads"));
  if (r.stopped_early)
    s += fmt::format("{} {}\n",
                     T("已达到目标精度，提前停止；计划重复次数",
                       "stopped early at the target half-width; replicates asked"),
                     r.runs_requested);
  s += fmt::format("{}: {:.4f}  (95% {}: {:.4f} – {:.4f})\n\n", T("通过概率", "pass probability"),
                   r.pass_probability, T("区间", "CI"), r.pass_ci95[0], r.pass_ci95[1]);
  s += fmt::format("{:<24} {:>10} {:>8} {:>8} {:>8} {:>8} {:>10}\n", T("指标", "criterion"),
                   T("标准", "standard"), T("均值", "mean"), "p05", "p50", "p95",
                   T("不达标概率", "fail prob."));
  for (std::size_t k = 0; k < r.criteria.size(); ++k) {
    const CriterionStats& c = r.criteria[k];
    const std::string name = rate_name(lang, c.criterion.rate);
    s += fmt::format("{:<24} {:>10} {:>8.4f} {:>8.4f} {:>8.4f} {:>8.4f} {:>10.4f}{}\n",
                     std::string(to_string(c.criterion.rate)) + " " + name,
                     fmt::format("{} {}", c.criterion.below ? "<" : ">", c.criterion.threshold),
                     c.mean, c.p05, c.p50, c.p95, c.fail_probability,
                     static_cast<int>(k) == r.binding ? T("  ← 最易失分", "  ← binding") : "");
  }

  // Where the risk sits: units with the lowest pass probability when sampled.
  auto worst = [&](const std::vector<UnitRisk>& units, std::size_t n) {
    std::vector<int> idx;
    for (std::size_t i = 0; i < units.size(); ++i)
      if (units[i].sampled > 0) idx.push_back(static_cast<int>(i));
    std::stable_sort(idx.begin(), idx.end(), [&](int a, int b) {
      return units[a].sampled_pass * units[b].sampled < units[b].sampled_pass * units[a].sampled;
    });
    if (idx.size() > n) idx.resize(n);
    return idx;
  };
  s += fmt::format("\n{}\n", T("风险所在（抽中时通过概率最低）:",
                               "where the risk sits (lowest pass probability when sampled):"));
  for (int t : worst(r.townships, 3)) {
    const UnitRisk& u = r.townships[t];
    s += fmt::format("  {} {} {}: {} {:.4f}, {} {:.4f}\n", T("乡镇", "township"),
                     reg.townships[t].id, reg.townships[t].name, T("抽中频率", "inclusion"),
                     static_cast<double>(u.sampled) / r.runs, T("抽中时通过", "pass if sampled"),
                     static_cast<double>(u.sampled_pass) / u.sampled);
  }
  for (int v : worst(r.villages, 5)) {
    const UnitRisk& u = r.villages[v];
    s += fmt::format("  {} {} {} ({}): {} {:.4f}, {} {:.4f}\n", T("村", "village"),
                     reg.villages[v].id, reg.villages[v].name,
                     tier_name(lang, design.village_tier[v]), T("抽中频率", "inclusion"),
                     static_cast<double>(u.sampled) / r.runs, T("抽中时通过", "pass if sampled"),
                     static_cast<double>(u.sampled_pass) / u.sampled);
  }
  const std::vector<int> top = top_priority_households(r, 10);
  const int64_t failing = r.runs - r.passes;
  if (!top.empty()) {
    s += fmt::format(
        "{}\n",
        T("  优先整改的农户（在未通过的重复中被查出问题的比例）:",
          "  households to fix first (share of failing replicates in which found at fault):"));
    for (int i : top) {
      const HouseholdRisk& x = r.households[i];
      s += fmt::format("    {} {} {}: {} {:.4f}, {} {:.4f}\n", reg.households.id[i],
                       reg.households.village_id[i], status_name(lang, reg.households.status[i]),
                       T("优先度", "priority"),
                       static_cast<double>(x.fault_fail) / std::max<int64_t>(1, failing),
                       T("查出频率", "finding freq."), static_cast<double>(x.fault) / r.runs);
    }
  }
  if (r.has_what_if) {
    const WhatIf& w = r.what_if;
    s += fmt::format("\n{} ({} {}):\n", T("假设整改", "what-if"), w.fixed.size(),
                     T("户整改到位", "households put right"));
    s += fmt::format("  {}: {:.4f}  (95% {}: {:.4f} – {:.4f})\n",
                     T("现状通过概率", "pass probability as is"), r.pass_probability,
                     T("区间", "CI"), r.pass_ci95[0], r.pass_ci95[1]);
    s += fmt::format("  {}: {:.4f}  (95% {}: {:.4f} – {:.4f})\n",
                     T("整改后通过概率", "pass probability when fixed"), w.pass_probability,
                     T("区间", "CI"), w.pass_ci95[0], w.pass_ci95[1]);
    s += fmt::format("  {}: {:+.4f}  (95% {}: {:+.4f} – {:+.4f}; {})\n", T("差", "difference"),
                     w.difference, T("区间", "CI"), w.difference_ci95[0], w.difference_ci95[1],
                     T("同一批随机数配对比较", "paired, common random numbers"));
  }
  s += fmt::format("\n{}: {:.3f} s, {:.0f} {}\n", T("用时", "time"), r.elapsed_seconds,
                   r.replicates_per_second, T("次重复/秒", "replicates/s"));
  return s;
}

}  // namespace

int run_simulate(int argc, char** argv, const std::vector<std::string>& full_argv) {
  CLI::App app(
      "Monte Carlo rehearsal: the probability that the county passes, each criterion's rate "
      "over replicates, and where the risk sits",
      "kaoping simulate");
  CommonOptions opts;
  opts.argv = full_argv;
  std::optional<int64_t> runs;
  std::optional<uint64_t> seed;
  std::optional<int> threads;
  bool json = false;
  std::optional<int> fix_top;
  std::string fix_file;
  add_common_options(app, &opts);
  app.add_option("--runs", runs, "replicates (default: simulation.runs)")->check(whole_at_least(1));
  app.add_option("--seed", seed, "random seed (default: simulation.seed)");
  app.add_option("--threads", threads,
                 "worker threads, 0 = all cores (default: simulation.threads)")
      ->check(whole_at_least(0));
  add_out_dir_option(app, &opts,
                     "directory for summary.json, risk_*.csv, report.html, report.xlsx, "
                     "report.txt and manifest.json");
  app.add_flag("--json", json, "print only the summary JSON (SPEC §4) on standard output");
  app.add_option("--fix-top", fix_top,
                 "what-if: put right the K households of highest priority and re-run the same "
                 "replicates")
      ->check(whole_at_least(1));
  app.add_option("--fix", fix_file,
                 "what-if: put right the households listed in FILE (CSV with household_id, or "
                 "one id per line)");
  int exit_code = kExitOk;
  if (!parse_command(app, argc, argv, &exit_code)) return exit_code;

  Config config;
  Registry reg;
  if (!load_inputs(opts, &config, &reg)) return kExitBadInput;
  Design design;
  {
    Diagnostics diag;
    const bool ok = build_design(reg, config.design, &design, &diag);
    print_diagnostics(diag, opts.quiet);
    if (!ok) return kExitBadInput;
  }
  std::vector<int> fixed;
  if (!fix_file.empty()) {
    Diagnostics diag;
    const bool ok = read_fix_list(fix_file, reg, &fixed, &diag);
    print_diagnostics(diag, opts.quiet);
    if (!ok) return kExitBadInput;
  }
  if (!open_out_dir(opts)) return kExitBadInput;

  SimulationOptions so;
  so.runs = runs.value_or(config.simulation.runs);
  so.seed = seed.value_or(config.simulation.seed);
  so.threads = threads.value_or(config.simulation.threads);
  so.target_halfwidth = config.simulation.target_halfwidth;
  const bool show_progress = !opts.quiet && ::isatty(STDERR_FILENO);
  if (show_progress) {
    so.progress = [](int64_t done, int64_t total) {
      std::fprintf(stderr, "\rkaoping: simulate %lld/%lld (%.0f%%)", static_cast<long long>(done),
                   static_cast<long long>(total), 100.0 * done / total);
      std::fflush(stderr);
    };
  }
  SimulationResult result;
  std::string err;
  // The per-household counts are needed for the risk tables (--out) and to rank the
  // households for --fix-top; the summary alone does without them.
  so.household_attribution = !opts.out.empty();
  if (fix_top) {
    // First the county as it is, to rank the households; then the same replicates again
    // with the top K put right (common random numbers).
    SimulationOptions ranking = so;
    ranking.household_attribution = true;
    if (!run_simulation(reg, config, design, ranking, &result, &err)) {
      if (show_progress) std::fprintf(stderr, "\n");
      std::fprintf(stderr, "kaoping: error: %s\n", err.c_str());
      return kExitBadInput;
    }
    for (int i : top_priority_households(result, *fix_top))
      if (std::find(fixed.begin(), fixed.end(), i) == fixed.end()) fixed.push_back(i);
  }
  so.fixed_households = fixed;
  const bool ok = run_simulation(reg, config, design, so, &result, &err);
  if (show_progress) std::fprintf(stderr, "\n");
  if (!ok) {
    std::fprintf(stderr, "kaoping: error: %s\n", err.c_str());
    return kExitBadInput;
  }
  if (fix_top && fixed.empty())
    note(opts, opts.lang == "en" ? "what-if: no household was found at fault in a failing "
                                   "replicate; nothing to fix"
                                 : "假设整改：没有农户在未通过的重复中被查出问题，无需整改");

  const std::string summary = simulation_summary_json(result, reg);
  const Lang lang = parse_lang(opts.lang);
  const std::string text =
      json && opts.out.empty() ? std::string() : readable_summary(result, reg, design, lang);
  if (!opts.out.empty()) {
    namespace fs = std::filesystem;
    Manifest m = run_manifest(opts, config, reg, "simulate", run_inputs(opts, reg, {fix_file}));
    m.has_seed = true;
    m.seed = so.seed;
    m.runs = result.runs;
    m.threads = result.threads;
    const std::vector<std::pair<std::string, std::string>> files = {
        {"summary.json", summary},
        {"risk_townships.csv", risk_townships_csv(result, reg, design.township_pi)},
        {"risk_villages.csv", risk_villages_csv(result, reg, design.village_tier)},
        {"risk_households.csv", risk_households_csv(result, reg)},
        {"report.txt", scrub_personal_data(text)},
        {"manifest.json", manifest_json(m)},
    };
    for (const auto& [name, content] : files) {
      if (!write_file_atomic((fs::path(opts.out) / name).string(), content, &err)) {
        std::fprintf(stderr, "kaoping: error: %s\n", err.c_str());
        return kExitBadInput;
      }
    }
    // report.html and report.xlsx, with the design's OC curves.
    std::vector<OcCurve> curves;
    if (!design_oc_curves(reg, config, so.seed, kOcCurveRuns, &curves, &err)) {
      std::fprintf(stderr, "kaoping: error: %s\n", err.c_str());
      return kExitBadInput;
    }
    if (!write_report(
            compose_simulate_report(reg, config, design, result, curves, report_context(opts)),
            opts.out, &err)) {
      std::fprintf(stderr, "kaoping: error: %s\n", err.c_str());
      return kExitBadInput;
    }
  }
  if (json) {
    std::fwrite(summary.data(), 1, summary.size(), stdout);
  } else {
    std::fwrite(text.data(), 1, text.size(), stdout);
    if (!opts.out.empty()) note(opts, (lang == Lang::kEn ? "wrote " : "已写入 ") + opts.out);
  }
  return kExitOk;
}

}  // namespace kaoping::cli
