// `kaoping prioritize [--registry DIR] [--config FILE] [--budget N] [--target P] [--runs N]
// [--seed N] [--threads N] [--out DIR] [--json]`: what to verify or put right first (SPEC §4).
#include <charconv>
#include <cstdio>
#include <optional>
#include <string>

#include "cli/commands.h"
#include "reports/prioritize_outputs.h"
#include "reports/prioritize_report.h"
#include "reports/privacy.h"
#include "simulate/prioritize.h"

namespace kaoping::cli {
namespace {

/// A CLI11 check: a probability in (0, 1].
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
    app.add_option("--budget", budget_, help("budget"))->check(whole_at_least(1));
    app.add_option("--target", target_, help("target"))->check(probability_above_zero());
    app.add_option("--runs", runs_, help("runs"))->check(whole_at_least(1));
    app.add_option("--seed", seed_, help("seed"));
    app.add_option("--threads", threads_, help("threads"))->check(whole_at_least(0));
    add_out_dir_option(app, opts, help);
    app.add_flag("--json", json_, help("json"));
  }

  int run(Session& s) override {
    if (!s.open_out_dir()) return kExitBadInput;
    PrioritizeResult result;
    std::string err;
    const PrioritizeOptions po = options(s);
    const bool ok = run_prioritize(s.registry, s.config, s.design, po, &result, &err);
    if (po.simulation.progress) std::fprintf(stderr, "\n");
    if (!ok) return s.error(err), kExitBadInput;

    const std::string summary = prioritize_json(result, s.registry, s.config);
    const std::string text = json_ && s.opts.out.empty()
                                 ? std::string()
                                 : prioritize_summary_text(result, s.registry, s.lang());
    if (!s.opts.out.empty() && !write_outputs(s, result, summary, text)) return kExitBadInput;
    if (json_) {
      std::fwrite(summary.data(), 1, summary.size(), stdout);
    } else {
      std::fwrite(text.data(), 1, text.size(), stdout);
      if (!s.opts.out.empty()) s.note(s.trf("term.wrote", s.opts.out));
    }
    return kExitOk;
  }

 private:
  /// The rehearsal's options as simulate takes them (conditions included, when given), and
  /// the plan's.
  PrioritizeOptions options(const Session& s) const {
    PrioritizeOptions po;
    SimulationOptions& so = po.simulation;
    so.runs = runs_.value_or(s.config.simulation.runs);
    so.seed = seed_.value_or(s.config.simulation.seed);
    so.threads = threads_.value_or(s.config.simulation.threads);
    so.target_halfwidth = s.config.simulation.target_halfwidth;
    so.progress = s.progress("prioritize");
    po.budget = budget_;
    po.target = target_.value_or(0.0);
    return po;
  }

  bool write_outputs(const Session& s, const PrioritizeResult& result, const std::string& summary,
                     const std::string& text) const {
    Manifest m = s.manifest("prioritize");
    m.has_seed = true;
    m.seed = result.simulation.seed;
    m.runs = result.simulation.runs;
    m.threads = result.simulation.threads;
    if (!s.write_files({{"priorities.csv", priorities_csv(result, s.registry, s.config)},
                        {"summary.json", summary},
                        {"report.txt", scrub_personal_data(text)}}))
      return false;
    return s.write_reports(
        compose_prioritize_report(s.registry, s.config, result, s.report_context()), m);
  }

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
