// `kaoping schedule [--registry DIR] [--config FILE] --sample FILE [--staff FILE] [--out DIR]`:
// the field plan of a draw (SPEC §4): visits, guides, interpreters, notifications, gaps.
#include <cstdio>
#include <filesystem>
#include <string>

#include "cli/commands.h"
#include "reports/schedule_report.h"
#include "reports/schedule_sheets.h"
#include "reports/xlsx.h"
#include "sampler/draw_io.h"
#include "schedule/check.h"
#include "schedule/plan.h"
#include "schedule/write.h"
#include "util/date.h"

namespace kaoping::cli {
namespace {

namespace fs = std::filesystem;

constexpr const char* kDefaultOut = "schedule-out";
constexpr const char* kOutputs[] = {"schedule.csv", "notifications.csv",  "itineraries.csv",
                                    "gaps.csv",     "schedule.ics",       "report.html",
                                    "report.xlsx",  "notifications.xlsx", "manifest.json"};
constexpr std::size_t kGapsShown = 20;

class Schedule : public Command {
 public:
  void add_options(CLI::App& app, CommonOptions* opts, const OptionHelp& help) override {
    opts->out = kDefaultOut;
    app.add_option("--sample", sample_, help("sample"))->required();
    add_out_dir_option(app, opts, help);
  }

  int run(Session& s) override {
    std::vector<int> households;
    Plan plan;
    if (!plan_and_check(s, &households, &plan)) return kExitBadInput;
    // Never write over an input of this command.
    for (const char* name : kOutputs) {
      const std::string target = (fs::path(s.opts.out) / name).string();
      if (s.is_input(target, {sample_})) {
        s.error(s.trf("cli.is_input", target));
        return kExitBadInput;
      }
    }
    std::string err;
    if (!s.open_out_dir({sample_})) return kExitBadInput;
    if (!write_schedule(s.out_dir(), s.registry, plan, s.config.schedule, utc_stamp_now(),
                        s.opts.lang, &err)) {
      s.error(err);
      return kExitBadInput;
    }
    if (!s.write_reports(
            compose_schedule_report(s.registry, s.config.schedule, plan, s.report_context()),
            s.manifest("schedule", {sample_, s.opts.staff})))
      return kExitBadInput;
    if (!write_xlsx(compose_notifications_workbook(s.registry, plan, s.report_context()),
                    (fs::path(s.out_dir()) / "notifications.xlsx").string(), &err)) {
      s.error(err);
      return kExitBadInput;
    }
    report_gaps(s, plan);
    s.note(s.trf("term.schedule_wrote", s.opts.out, plan.visits.size(), plan.villages,
                 plan.first_day.str(), plan.last_day.str()));
    return kExitOk;
  }

 private:
  /// Reads the draw, plans it and proves the plan before anything is written: a planner
  /// fault must never reach the field as a schedule that double-books someone.
  bool plan_and_check(const Session& s, std::vector<int>* households, Plan* plan) const {
    Draw draw;
    Diagnostics diag(s.lang());
    const bool read_ok = read_draw_csv(sample_, s.registry, &draw, &diag);
    s.print(diag);
    if (!read_ok || diag.has_errors()) return false;
    *households = sampled_households(draw);
    if (households->empty()) {
      s.error(s.trf("cli.no_household", sample_));
      return false;
    }
    std::string err;
    if (!plan_schedule(s.registry, *households, s.config.schedule, plan, &err)) {
      s.error(s.trf("cli.impossible_plan", err));
      return false;
    }
    std::vector<PlanProblem> problems;
    if (!check_plan(s.registry, *households, s.config.schedule, *plan, &problems)) {
      for (const PlanProblem& p : problems)
        s.error(s.trf("cli.plan_breaks_rule", plan_problem_text(s.lang(), s.registry, *plan, p)));
      return false;
    }
    add_standby(s.registry, standby_households(draw), plan);
    return true;
  }

  /// Gaps are warnings: the first few and their count, unless --quiet (gaps.csv has them all).
  static void report_gaps(const Session& s, const Plan& plan) {
    if (s.opts.quiet) return;
    for (std::size_t i = 0; i < plan.gaps.size() && i < kGapsShown; ++i)
      std::fprintf(stderr, "kaoping: warning: %s\n",
                   s.trf("cli.gap", gap_line(s.lang(), s.registry, plan.gaps[i])).c_str());
    if (!plan.gaps.empty())
      std::fprintf(
          stderr, "kaoping: warning: %s\n",
          s.trf("term.gaps", plan.gaps.size(), (fs::path(s.opts.out) / "gaps.csv").string())
              .c_str());
  }

  std::string sample_;
};

}  // namespace

std::unique_ptr<Command> make_schedule() {
  return std::make_unique<Schedule>();
}

}  // namespace kaoping::cli
