// `kaoping schedule [--registry DIR] [--config FILE] --sample FILE [--staff FILE] [--out DIR]`:
// the field plan of a draw (SPEC §4): visits, guides, interpreters, notifications, gaps.
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <string>

#include "cli/commands.h"
#include "registry/load.h"
#include "reports/schedule_report.h"
#include "sampler/draw_io.h"
#include "schedule/check.h"
#include "schedule/plan.h"
#include "schedule/write.h"

namespace kaoping::cli {
namespace {

namespace fs = std::filesystem;

constexpr const char* kDefaultOut = "schedule-out";
constexpr const char* kOutputs[] = {"schedule.csv", "notifications.csv", "itineraries.csv",
                                    "gaps.csv",     "schedule.ics",      "report.html",
                                    "report.xlsx",  "manifest.json"};
constexpr std::size_t kGapsShown = 20;

/// The calendar's DTSTAMP: SOURCE_DATE_EPOCH when set (reproducible output), else now.
std::string dtstamp_now() {
  std::time_t t = std::time(nullptr);
  if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH")) {
    char* end = nullptr;
    const long long v = std::strtoll(epoch, &end, 10);
    if (end != epoch && *end == '\0' && v >= 0) t = static_cast<std::time_t>(v);
  }
  std::tm tm{};
  gmtime_r(&t, &tm);
  char text[32];
  std::strftime(text, sizeof text, "%Y%m%dT%H%M%SZ", &tm);
  return text;
}

}  // namespace

int run_schedule(int argc, char** argv, const std::vector<std::string>& full_argv) {
  CLI::App app(
      "plan the visits of a draw: teams and days, the guide who leads each visit, "
      "interpreters for households that do not speak zh, who notifies each household the "
      "evening before, and what the roster cannot cover. Writes schedule.csv, "
      "notifications.csv, itineraries.csv, gaps.csv and schedule.ics into --out. Without "
      "--registry the embedded default county and its own roster are used; --staff may then "
      "be left out, and so may it when the registry directory has a staff.csv.",
      "kaoping schedule");
  CommonOptions opts;
  opts.argv = full_argv;
  opts.out = kDefaultOut;
  std::string sample, staff;
  add_common_options(app, &opts);
  app.add_option("--sample", sample,
                 "the draw: CSV of 'kaoping sample', or the evaluators' list with at least "
                 "household_id")
      ->required();
  app.add_option("--staff", staff,
                 "staff roster (staff.csv: guides and interpreters; default: the registry's "
                 "own staff.csv, or the default county's roster)");
  add_out_dir_option(app, &opts,
                     std::string("directory for the five files (default: ") + kDefaultOut + ")");
  int exit_code = kExitOk;
  if (!parse_command(app, argc, argv, &exit_code)) return exit_code;
  const bool en = opts.lang == "en";

  Config config;
  Registry reg;
  if (!load_inputs(opts, &config, &reg)) return kExitBadInput;
  Diagnostics diag;
  if (!staff.empty() && !load_staff(staff, &reg, &diag)) {
    print_diagnostics(diag, opts.quiet);
    return kExitBadInput;
  }
  if (staff.empty() && !reg.has_staff) {
    std::fprintf(stderr, "kaoping: error: %s has no staff.csv: give the roster with --staff FILE\n",
                 opts.registry.c_str());
    return kExitBadInput;
  }
  Draw draw;
  const bool read_ok = read_draw_csv(sample, reg, &draw, &diag);
  print_diagnostics(diag, opts.quiet);
  if (!read_ok || diag.has_errors()) return kExitBadInput;
  const std::vector<int> households = sampled_households(draw);
  if (households.empty()) {
    std::fprintf(stderr, "kaoping: error: %s: no household in sample\n", sample.c_str());
    return kExitBadInput;
  }

  Plan plan;
  std::string err;
  if (!plan_schedule(reg, households, config.schedule, &plan, &err)) {
    std::fprintf(stderr, "kaoping: error: impossible plan: %s\n", err.c_str());
    return kExitBadInput;
  }
  // The plan is proved before anything is written: a planner fault must never reach the
  // field as a schedule that double-books someone.
  std::vector<PlanProblem> problems;
  if (!check_plan(reg, households, config.schedule, plan, &problems)) {
    for (const PlanProblem& p : problems)
      std::fprintf(stderr, "kaoping: error: internal: plan breaks a rule: %s\n",
                   plan_problem_text(Lang::kEn, reg, plan, p).c_str());
    return kExitBadInput;
  }

  // Never write over an input of this command.
  for (const char* name : kOutputs) {
    const std::string target = (fs::path(opts.out) / name).string();
    if (is_input(target, opts, reg, {sample, staff})) {
      std::fprintf(stderr,
                   "kaoping: error: %s: is an input of this command; choose another --out "
                   "directory\n",
                   target.c_str());
      return kExitBadInput;
    }
  }
  if (!prepare_out_dir(opts, &err) ||
      !write_schedule(opts.out, reg, plan, config.schedule, dtstamp_now(), opts.lang, &err)) {
    std::fprintf(stderr, "kaoping: error: %s\n", err.c_str());
    return kExitBadInput;
  }
  if (!write_reports(
          opts, compose_schedule_report(reg, config.schedule, plan, report_context(opts)),
          run_manifest(opts, config, reg, "schedule", run_inputs(opts, reg, {sample, staff}))))
    return kExitBadInput;

  // Gaps are never silent: details unless --quiet, the count always.
  if (!opts.quiet) {
    for (std::size_t i = 0; i < plan.gaps.size() && i < kGapsShown; ++i) {
      const Gap& g = plan.gaps[i];
      std::string where = g.village >= 0 ? reg.villages[g.village].id : "";
      if (g.household >= 0) where += " " + reg.households.id[g.household];
      std::fprintf(stderr, "kaoping: warning: gap %s: %s: %s\n",
                   std::string(to_string(g.kind)).c_str(), where.c_str(),
                   gap_detail(Lang::kEn, reg, g).c_str());
    }
  }
  if (!plan.gaps.empty()) {
    const std::string gaps_path = (fs::path(opts.out) / "gaps.csv").string();
    std::fprintf(stderr,
                 en ? "kaoping: warning: %zu gaps the roster cannot cover, listed in %s\n"
                    : "kaoping: warning: 人员无法覆盖 %zu 项，见 %s\n",
                 plan.gaps.size(), gaps_path.c_str());
  }
  const std::string days = plan.first_day.str() + (en ? " to " : " 至 ") + plan.last_day.str();
  note(opts, en ? "wrote " + opts.out + "/: " + std::to_string(plan.visits.size()) + " visits in " +
                      std::to_string(plan.villages) + " villages, " + days
                : "已写入 " + opts.out + "/：" + std::to_string(plan.visits.size()) + " 次入户，" +
                      std::to_string(plan.villages) + " 个村，" + days);
  return kExitOk;
}

}  // namespace kaoping::cli
