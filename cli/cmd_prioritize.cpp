// `kaoping prioritize [--budget N] [--target P] [--runs N] [--seed N] [--threads N] [--out DIR]
// [--json]`: what to verify or put right first (SPEC §4); the work is in simulate/prioritize.h.
#include <cstdio>
#include <optional>

#include "cli/commands.h"
#include "reports/prioritize_outputs.h"
#include "simulate/batch.h"

namespace kaoping::cli {
namespace {

class Prioritize : public Command {
 public:
  void add_options(CLI::App& app, CommonOptions* opts, const OptionHelp& help) override {
    app.add_option("--budget", budget_, help("budget"))->transform(help.at_least(1));
    app.add_option("--target", target_, help("target"))
        ->check(CLI::Validator(check_probability_option, "0<P<=1"));
    app.add_option("--runs", runs_, help("runs"))->transform(help.at_least(1));
    app.add_option("--seed", seed_, help("seed"));
    app.add_option("--threads", threads_, help("threads"))->transform(help.at_least(0));
    add_out_dir_option(app, opts, help);
    app.add_flag("--json", json_, help("json"));
    given_.add(app, help);
  }

  int run(Session& s) override {
    if (!s.open_out_dir({given_.sample.value_or("")})) return kExitBadInput;
    PrioritizeOptions po{{}, budget_, target_.value_or(0.0)};
    po.simulation = simulation_options(s.config.simulation, runs_, seed_, threads_);
    po.simulation.progress = s.progress("prioritize");
    if (const int code = given_.read(s, &po.simulation.condition); code != kExitOk) return code;
    PrioritizeResult r;
    std::string err;
    const bool ok = run_prioritize(s.registry, s.config, s.design, po, &r, &err);
    if (po.simulation.progress) std::fprintf(stderr, "\n");
    if (!ok) return s.error(err), kExitBadInput;
    const std::string summary = prioritize_json(r, s.registry, s.config);
    const std::string text = prioritize_summary_text(r, s.registry, s.lang());
    if (!s.opts.out.empty() &&
        !write_prioritize_outputs(r, s.registry, s.config, summary, text, s.manifest("prioritize"),
                                  s.report_context(), s.out_dir(), s.input_paths(), &err))
      return s.error(err), kExitBadInput;
    const std::string& shown = json_ ? summary : text;
    std::fwrite(shown.data(), 1, shown.size(), stdout);
    if (!json_ && !s.opts.out.empty()) s.note(s.trf("term.wrote", s.opts.out));
    return kExitOk;
  }

 private:
  int budget_ = 100;
  std::optional<double> target_;
  std::optional<int64_t> runs_;
  std::optional<uint64_t> seed_;
  std::optional<int> threads_;
  bool json_ = false;
  ConditionOptions given_;
};

}  // namespace

std::unique_ptr<Command> make_prioritize() {
  return std::make_unique<Prioritize>();
}

}  // namespace kaoping::cli
