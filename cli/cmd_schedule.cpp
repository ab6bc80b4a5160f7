// `kaoping schedule [--registry DIR] [--config FILE] --sample FILE [--staff FILE] [--out DIR]`:
// the field plan of a draw (SPEC §4): visits, guides, interpreters, notifications, gaps.
#include <cstdio>
#include <filesystem>
#include <string>

#include "cli/commands.h"
#include "reports/schedule_report.h"
#include "util/date.h"

namespace kaoping::cli {
namespace {

namespace fs = std::filesystem;

constexpr const char* kDefaultOut = "schedule-out";
constexpr std::size_t kGapsShown = 20;

class Schedule : public Command {
 public:
  void add_options(CLI::App& app, CommonOptions* opts, const OptionHelp& help) override {
    opts->out = kDefaultOut;
    app.add_option("--sample", sample_, help("sample"))->required();
    add_out_dir_option(app, opts, help);
  }

  int run(Session& s) override {
    Plan plan;
    Diagnostics diag(s.lang());
    std::vector<std::string> errors;
    const bool planned =
        plan_draw(s.registry, s.config.schedule, sample_, s.lang(), &plan, &diag, &errors);
    s.print(diag);
    for (const std::string& e : errors) s.error(e);
    if (!planned) return kExitBadInput;
    // Never write over an input of this command.
    for (const char* name : kScheduleOutputs)
      if (const std::string t = (fs::path(s.opts.out) / name).string(); s.is_input(t, {sample_}))
        return s.error(s.trf("cli.is_input", t)), kExitBadInput;
    std::string err;
    if (!s.open_out_dir({sample_})) return kExitBadInput;
    if (!write_schedule_outputs(s.registry, s.config.schedule, plan, utc_stamp_now(), s.opts.lang,
                                s.manifest("schedule", {sample_, s.opts.staff}), s.report_context(),
                                s.out_dir(), &err))
      return s.error(err), kExitBadInput;
    report_gaps(s, plan);
    s.note(s.trf("term.schedule_wrote", s.opts.out, plan.visits.size(), plan.villages,
                 plan.first_day.str(), plan.last_day.str()));
    return kExitOk;
  }

 private:
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
