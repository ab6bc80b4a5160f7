// `kaoping sample [--registry DIR] [--config FILE] [--seed N] [--out FILE]`: one draw of the
// evaluators' sample (SPEC §3 steps 1–3) as CSV (SPEC §4 columns), to stdout or a file.
#include <cstdio>
#include <optional>
#include <string>

#include "cli/commands.h"
#include "reports/terminal.h"
#include "sampler/draw_io.h"
#include "sampler/sampler.h"
#include "util/files.h"

namespace kaoping::cli {
namespace {

class Sample : public Command {
 public:
  void add_options(CLI::App& app, CommonOptions* opts, const OptionHelp& help) override {
    app.add_option("--seed", seed_, help("seed"))->check(help.seed());
    app.add_option("--out", out_, help("out"));
    app.add_flag("--force", opts->force, help("force"));
  }

  int run(Session& s) override {
    const uint64_t seed = seed_.value_or(s.config.simulation.seed);
    Draw draw;
    draw_sample(s.registry, s.config.design, s.design, seed, 0, &draw, s.lang());
    for (const std::string& w : draw.warnings)
      if (!s.opts.quiet) std::fprintf(stderr, "kaoping: warning: %s\n", w.c_str());
    const std::string csv = draw_to_csv(s.registry, draw);
    if (out_.empty() || out_ == "-") {
      std::fwrite(csv.data(), 1, csv.size(), stdout);
      return kExitOk;
    }
    std::string err;
    if (!write_output_file(out_, csv, s.input_paths(), s.opts.force, &err, s.lang()))
      return s.error(err), kExitBadInput;
    s.note(sample_wrote_line(out_, draw, seed, s.lang()));
    return kExitOk;
  }

 private:
  std::optional<uint64_t> seed_;
  std::string out_;
};

}  // namespace

std::unique_ptr<Command> make_sample() {
  return std::make_unique<Sample>();
}

}  // namespace kaoping::cli
