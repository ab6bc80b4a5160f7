// `kaoping batch --registries DIR...`: many counties with one configuration (SPEC §4).
#include <cstdio>

#include "cli/commands.h"
#include "reports/batch_outputs.h"

namespace kaoping::cli {
namespace {

class Batch : public Command {
 public:
  void add_options(CLI::App& app, CommonOptions* opts, const OptionHelp& help) override {
    app.add_option("--registries", dirs_, help("registries"))->required()->expected(1, -1);
    app.add_option("--config", opts->config, help("config"));
    app.add_option("--runs", runs_, help("runs"))->transform(help.at_least(1));
    app.add_option("--seed", seed_, help("seed"));
    add_out_dir_option(app, opts, help);
    app.add_flag("--json", json_, help("json"));
  }

  int run(Session& s) override {
    if (!s.open_out_dir()) return kExitBadInput;
    BatchResult r;
    run_batch(dirs_, s.config, simulation_options(s.config.simulation, runs_, seed_), &r,
              [&](const BatchCounty& c, std::size_t i, std::size_t n) {
                s.note(s.trf("term.batch_progress", i + 1, n, c.registry));
                for (const std::string& e : c.errors) std::fprintf(stderr, "%s\n", e.c_str());
              });
    std::string err, json = batch_json(r), text = json_ ? json : batch_summary_text(r, s.lang());
    if (!s.opts.out.empty() &&
        !write_batch_outputs(r, json, s.manifest("batch"), s.report_context(), s.out_dir(), &err))
      return s.error(err), kExitBadInput;
    std::fwrite(text.data(), 1, text.size(), stdout);
    if (r.not_loaded > 0) s.finish(kExitOk);  // the counties that ran are written all the same
    return r.not_loaded > 0 ? kExitBadInput : kExitOk;
  }

 private:
  std::vector<std::string> dirs_;
  std::optional<int64_t> runs_;
  std::optional<uint64_t> seed_;
  bool json_ = false;
};

}  // namespace

std::unique_ptr<Command> make_batch() {
  return std::make_unique<Batch>();
}

}  // namespace kaoping::cli
