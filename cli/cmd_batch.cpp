// `kaoping batch --registries DIR... [--config FILE] [--runs N] [--seed N] [--threads N]
// [--out DIR] [--json]`: many counties rehearsed with one configuration (SPEC §4).
#include <cstdio>
#include <optional>
#include <string>

#include "cli/commands.h"
#include "reports/batch_outputs.h"
#include "reports/batch_report.h"
#include "simulate/batch.h"
#include "util/files.h"

namespace kaoping::cli {
namespace {

class Batch : public Command {
 public:
  void add_options(CLI::App& app, CommonOptions* opts, const OptionHelp& help) override {
    app.add_option("--registries", registries_, help("registries"))->required()->expected(1, -1);
    app.add_option("--config", opts->config, help("config"));
    app.add_option("--runs", runs_, help("runs"))->check(whole_at_least(1));
    app.add_option("--seed", seed_, help("seed"));
    app.add_option("--threads", threads_, help("threads"))->check(whole_at_least(0));
    add_out_dir_option(app, opts, help);
    app.add_flag("--json", json_, help("json"));
  }

  int run(Session& s) override {
    if (!open_out_dir(s)) return kExitBadInput;
    SimulationOptions so;
    so.runs = runs_.value_or(s.config.simulation.runs);
    so.seed = seed_.value_or(s.config.simulation.seed);
    so.threads = threads_.value_or(s.config.simulation.threads);
    so.target_halfwidth = s.config.simulation.target_halfwidth;
    BatchResult result;
    const bool quiet = s.opts.quiet;
    run_batch(registries_, s.config, so, &result, [&](std::size_t i, std::size_t n) {
      if (!quiet)
        std::fprintf(stderr, "kaoping: batch %zu/%zu %s\n", i + 1, n, registries_[i].c_str());
    });
    for (const BatchCounty& c : result.counties)
      for (const std::string& e : c.errors) std::fprintf(stderr, "%s\n", e.c_str());

    const std::string json = batch_json(result);
    if (!s.opts.out.empty() && !write_outputs(s, result, json)) return kExitBadInput;
    if (json_) {
      std::fwrite(json.data(), 1, json.size(), stdout);
    } else {
      const std::string text = batch_summary_text(result, s.lang());
      std::fwrite(text.data(), 1, text.size(), stdout);
      if (!s.opts.out.empty()) s.note(s.trf("term.wrote", s.opts.out));
    }
    return result.not_loaded > 0 ? kExitBadInput : kExitOk;
  }

 private:
  /// --out, refused when it is one of the registries or the config (as simulate's).
  bool open_out_dir(const Session& s) const {
    if (s.opts.out.empty()) return true;
    std::vector<std::string> inputs = registries_;
    inputs.push_back(s.opts.config);
    std::string err;
    if (prepare_output_dir(s.opts.out, s.opts.force, inputs, &err)) return true;
    s.error(err);
    return false;
  }

  bool write_outputs(const Session& s, const BatchResult& result, const std::string& json) const {
    Manifest m = s.manifest("batch");
    m.registry = "";
    for (const BatchCounty& c : result.counties) {
      m.registry += (m.registry.empty() ? "" : ";") + c.registry;
      m.inputs.insert(m.inputs.end(), c.inputs.begin(), c.inputs.end());
    }
    m.has_seed = true;
    m.seed = result.seed;
    m.runs = result.runs;
    m.threads = result.threads;
    std::vector<std::string> inputs;
    for (const InputFile& f : m.inputs) inputs.push_back(f.path);
    std::string err;
    if (!write_files_into(s.opts.out,
                          {{"counties.csv", counties_csv(result)},
                           {"batch.json", json},
                           {"manifest.json", manifest_json(m)}},
                          inputs, &err) ||
        !write_report(compose_batch_report(result, s.report_context()), s.opts.out, &err)) {
      s.error(err);
      return false;
    }
    return true;
  }

  std::vector<std::string> registries_;
  std::optional<int64_t> runs_;
  std::optional<uint64_t> seed_;
  std::optional<int> threads_;
  bool json_ = false;
};

}  // namespace

std::unique_ptr<Command> make_batch() {
  return std::make_unique<Batch>();
}

}  // namespace kaoping::cli
