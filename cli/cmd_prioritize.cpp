// `kaoping prioritize [--budget N] [--target P] [--runs N] [--seed N] [--threads N] [--out DIR]
// [--json]`: what to verify or put right first (SPEC §4); the work is in simulate/prioritize.h.
#include <charconv>
#include <cstdio>
#include <optional>

#include "cli/commands.h"
#include "reports/prioritize_outputs.h"
#include "reports/prioritize_report.h"

namespace kaoping::cli {
namespace {

/// A CLI11 check: a probability in (0, 1] ("--target: must be a probability in (0, 1], ...").
CLI::Validator probability_above_zero() {
  return CLI::Validator(
      [](std::string& text) -> std::string {
        double value = 0;
        const char* end = text.data() + text.size();
        const auto [ptr, ec] = std::from_chars(text.data(), end, value);
        if (ec == std::errc() && ptr == end && value > 0 && value <= 1) return {};
        return "must be a probability in (0, 1], got \"" + text + "\"";
      },
      "0<P<=1");
}

class Prioritize : public Command {
 public:
  void add_options(CLI::App& app, CommonOptions* opts, const OptionHelp& help) override {
    app.add_option("--budget", budget_, help("budget"))->transform(help.at_least(1));
    app.add_option("--target", target_, help("target"))->check(probability_above_zero());
    app.add_option("--runs", runs_, help("runs"))->transform(help.at_least(1));
    app.add_option("--seed", seed_, help("seed"));
    app.add_option("--threads", threads_, help("threads"))->transform(help.at_least(0));
    add_out_dir_option(app, opts, help);
    app.add_flag("--json", json_, help("json"));
  }

  int run(Session& s) override {
    if (!s.open_out_dir()) return kExitBadInput;
    PrioritizeOptions po{{}, budget_, target_.value_or(0.0)};
    po.simulation.runs = runs_.value_or(s.config.simulation.runs);
    po.simulation.seed = seed_.value_or(s.config.simulation.seed);
    po.simulation.threads = threads_.value_or(s.config.simulation.threads);
    po.simulation.target_halfwidth = s.config.simulation.target_halfwidth;
    po.simulation.progress = s.progress("prioritize");
    PrioritizeResult r;
    std::string err;
    const bool ok = run_prioritize(s.registry, s.config, s.design, po, &r, &err);
    if (po.simulation.progress) std::fprintf(stderr, "\n");
    if (!ok) return s.error(err), kExitBadInput;
    const std::string summary = prioritize_json(r, s.registry, s.config);
    const std::string text = prioritize_summary_text(r, s.registry, s.lang());
    if (!s.opts.out.empty()) {
      Manifest m = s.manifest("prioritize");
      m.has_seed = true, m.seed = r.simulation.seed, m.runs = r.simulation.runs;
      m.threads = r.simulation.threads;
      if (!s.write_files(prioritize_files(r, s.registry, s.config, summary, text)) ||
          !s.write_reports(compose_prioritize_report(s.registry, s.config, r, s.report_context()),
                           m))
        return kExitBadInput;
    }
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
};

}  // namespace

std::unique_ptr<Command> make_prioritize() {
  return std::make_unique<Prioritize>();
}

}  // namespace kaoping::cli
