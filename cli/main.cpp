// kaoping: rehearse the provincial third-party evaluation of a county's poverty registry.
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "cli/commands.h"

namespace kaoping::cli {
namespace {

const Command kCommands[] = {
    {"generate", "write a synthetic county registry (default or small profile)", run_generate},
    {"validate", "check a registry and a configuration, report every problem", run_validate},
    {"sample", "draw one sample exactly as the evaluators will", run_sample},
    {"audit", "audit a sample (or every household with --all) against the standards", run_audit},
    {"simulate", "Monte Carlo rehearsal: pass probability and where the risk sits", run_simulate},
    {"schedule", "plan the visits, guides, interpreters and notifications", run_schedule},
};

void print_usage(FILE* out) {
  std::fprintf(out,
               "kaoping %s — rehearse the third-party evaluation (第三方评估) of a county's "
               "poverty registry\n\n"
               "usage: kaoping COMMAND [options]\n\ncommands:\n",
               KAOPING_VERSION);
  for (const Command& c : kCommands) std::fprintf(out, "  %-10s %s\n", c.name, c.summary);
  std::fprintf(out,
               "\ncommon options: --registry DIR, --config FILE, --set KEY=VALUE, --lang zh|en,\n"
               "  --quiet, --help, --version. Without --registry the embedded default county\n"
               "  is used. Run 'kaoping COMMAND --help' for a command's options.\n"
               "exit codes: 0 done, 1 bad input or impossible plan, 2 usage error\n");
}

}  // namespace
}  // namespace kaoping::cli

int main(int argc, char** argv) {
  using namespace kaoping::cli;
  std::vector<std::string> full_argv(argv, argv + argc);
  if (argc < 2) {
    print_usage(stderr);
    return kExitUsage;
  }
  const std::string first = argv[1];
  if (first == "--help" || first == "-h" || first == "help") {
    print_usage(stdout);
    return kExitOk;
  }
  if (first == "--version" || first == "-V") {
    std::printf("kaoping %s\n", KAOPING_VERSION);
    return kExitOk;
  }
  for (const Command& c : kCommands)
    if (first == c.name) return c.run(argc - 1, argv + 1, full_argv);

  const Command* best = nullptr;
  std::size_t best_distance = 3;  // suggest only close spellings
  for (const Command& c : kCommands) {
    std::size_t d = edit_distance(first, c.name);
    if (d < best_distance) best_distance = d, best = &c;
  }
  if (best)
    std::fprintf(stderr, "kaoping: unknown command '%s', did you mean '%s'?\n", first.c_str(),
                 best->name);
  else
    std::fprintf(stderr, "kaoping: unknown command '%s' (see 'kaoping --help')\n", first.c_str());
  return kExitUsage;
}
