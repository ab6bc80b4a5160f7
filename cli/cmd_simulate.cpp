// `kaoping simulate`: the Monte Carlo rehearsal (SPEC §4), its options as --help lists them.
#include <algorithm>
#include <cstdio>
#include <optional>
#include <string>
#include <thread>

#include "cli/commands.h"
#include "reports/simulate_outputs.h"
#include "reports/terminal.h"
#include "sampler/draw_io.h"
#include "simulate/batch.h"
#include "simulate/condition.h"
#include "simulate/sensitivity.h"
#include "simulate/simulation.h"
#include "util/limits.h"

namespace kaoping::cli {
namespace {

class Simulate : public Command {
 public:
  void add_options(CLI::App& app, CommonOptions* opts, const OptionHelp& help) override {
    app.add_option("--runs", runs_, help("runs"))->transform(help.at_least(1, limits::kMaxRuns));
    app.add_option("--seed", seed_, help("seed"))->check(help.seed());
    app.add_option("--threads", threads_, help("threads"))->transform(help.at_least(0));
    add_out_dir_option(app, opts, help);
    app.add_flag("--json", json_, help("json"));
    app.add_option("--fix-top", fix_top_, help("fix-top"))->transform(help.at_least(1));
    app.add_option("--fix", fix_file_, help("fix"));
    given_.add(app, help);
    app.add_flag("--sensitivity", sensitivity_, help("sensitivity"));
  }

  int run(Session& s) override {
    std::vector<int> fixed;
    if (!fix_file_.empty()) {
      Diagnostics diag(s.lang());
      const bool ok = read_household_list(fix_file_, s.registry, &fixed, &diag);
      s.print(diag);
      if (!ok) return kExitBadInput;
    }
    if (const int code = given_.read(s, &condition_); code != kExitOk) return code;
    if (!s.open_out_dir({fix_file_, given_.sample.value_or("")})) return kExitBadInput;
    SimulationResult result;
    if (!simulate(s, &fixed, &result)) return kExitBadInput;

    const std::string summary = simulation_summary_json(result, s.registry);
    const std::string text =
        json_ && s.opts.out.empty()
            ? std::string()
            : simulate_summary_text(result, s.registry, s.design.village_tier, s.lang());
    const std::vector<std::string> extra = {fix_file_, given_.sample.value_or("")};
    std::string err;
    if (!s.opts.out.empty() &&
        !write_simulate_outputs(result, s.registry, s.config, s.design, summary, text,
                                s.manifest("simulate", extra), s.report_context(), s.out_dir(),
                                s.input_paths(extra), &err))
      return s.error(err), kExitBadInput;
    if (json_) {
      std::fwrite(summary.data(), 1, summary.size(), stdout);
    } else {
      std::fwrite(text.data(), 1, text.size(), stdout);
      if (!s.opts.out.empty()) s.note(s.trf("term.wrote", s.opts.out));
    }
    return kExitOk;
  }

 private:
  /// The rehearsal, with the what-if of --fix and --fix-top and the sensitivity runs.
  bool simulate(const Session& s, std::vector<int>* fixed, SimulationResult* result) {
    SimulationOptions so = simulation_options(s.config.simulation, runs_, seed_, threads_);
    const int cores = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    if (so.threads > cores)  // more threads than cores only queue; the answer is the same
      s.note(s.trf("cli.threads_capped", so.threads, cores, cores)), so.threads = cores;
    so.progress = s.progress("simulate");
    so.household_attribution = !s.opts.out.empty();  // the risk tables and --fix-top need them
    so.condition = condition_;
    std::string err;
    const bool ok =
        run_rehearsal(s.registry, s.config, s.design, so, fix_top_.value_or(0),
                      sensitivity_ ? &s.config.sensitivity : nullptr, fixed, result, &err);
    if (so.progress) std::fprintf(stderr, "\n");
    if (!ok) return s.error(err), false;
    if (fix_top_ && fixed->empty()) s.note(s.tr("term.nothing_to_fix"));
    return true;
  }

  std::optional<int64_t> runs_;
  std::optional<uint64_t> seed_;
  std::optional<int> threads_;
  bool json_ = false;
  std::optional<int> fix_top_;
  std::string fix_file_;
  ConditionOptions given_;
  bool sensitivity_ = false;
  Condition condition_;
};

}  // namespace

std::unique_ptr<Command> make_simulate() {
  return std::make_unique<Simulate>();
}

}  // namespace kaoping::cli
