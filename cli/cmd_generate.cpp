// `kaoping generate --out DIR [--profile default|small] [--seed N]`: writes a synthetic
// county registry (every file of SPEC §1) and prints a one-line summary.
#include <cstdio>
#include <string>

#include "cli/commands.h"
#include "registry/generate.h"
#include "registry/write.h"
#include "reports/terminal.h"

namespace kaoping::cli {
namespace {

class Generate : public Command {
 public:
  void add_options(CLI::App& app, CommonOptions* opts, const OptionHelp& help) override {
    add_out_dir_option(app, opts, help);
    app.get_option("--out")->required();
    app.add_option("--profile", profile_, help("profile"))
        ->check(help.one_of({"default", "small"}));
    app.add_option("--seed", seed_, help("seed"))->check(help.seed());
  }

  int run(Session& s) override {
    if (!s.open_out_dir()) return kExitBadInput;
    const Registry reg =
        generate_county(profile_ == "small" ? Profile::kSmall : Profile::kDefault, seed_);
    std::string err;
    if (!write_registry(reg, s.out_dir(), &err)) {
      s.error(err);
      return kExitBadInput;
    }
    if (s.opts.quiet) return kExitOk;
    std::printf("%s\n", generate_summary_line(s.opts.out, reg, s.lang()).c_str());
    return kExitOk;
  }

 private:
  std::string profile_ = "default";
  uint64_t seed_ = 1;
};

}  // namespace

std::unique_ptr<Command> make_generate() {
  return std::make_unique<Generate>();
}

}  // namespace kaoping::cli
