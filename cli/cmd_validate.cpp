// `kaoping validate [--registry DIR] [--config FILE] [--set K=V]...`: loads the configuration
// and the registry (the embedded default county without --registry), checks every rule of
// SPEC §1 and §2 and that the sampling design can be built from them — the session does all
// of that and prints every problem — and, when there is none, prints a short summary of the
// county. Exit 0 valid, 1 invalid, 2 usage.
#include <cstdio>

#include "cli/commands.h"
#include "reports/terminal.h"

namespace kaoping::cli {
namespace {

class Validate : public Command {
 public:
  void add_options(CLI::App&, CommonOptions*, const OptionHelp&) override {}

  int run(Session& s) override {
    if (!s.opts.quiet)
      std::fputs(
          validate_summary_text(s.opts.registry, s.registry, s.design.eligible_townships.size(),
                                s.load_warnings, s.lang())
              .c_str(),
          stdout);
    return kExitOk;
  }
};

}  // namespace

std::unique_ptr<Command> make_validate() {
  return std::make_unique<Validate>();
}

}  // namespace kaoping::cli
