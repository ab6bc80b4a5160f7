// kaoping: rehearse the provincial third-party evaluation of a county's poverty registry.
// main only dispatches: the command table says what each command needs, the session loads it
// once, the command runs.
#include <cstdio>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "util/text.h"

namespace kaoping::cli {
namespace {

// Texts: i18n keys cmd.<name>.summary and cmd.<name>.help.
const CommandRow kCommands[] = {
    {"generate", kNeedsConfig, make_generate},
    {"validate", kNeedsRegistry | kNeedsDesign | kChecksAll, make_validate},
    {"sample", kNeedsRegistry | kNeedsDesign, make_sample},
    {"audit", kNeedsRegistry, make_audit},
    {"simulate", kNeedsRegistry | kNeedsDesign, make_simulate},
    {"schedule", kNeedsRegistry | kNeedsStaff, make_schedule},
    {"import", kNeedsConfig, make_import},
};

/// Help is English until the help texts of every option are in the i18n table too.
constexpr Lang kHelpLang = Lang::kEn;

std::string text(const CommandRow& c, const char* which) {
  return tr(kHelpLang, std::string("cmd.") + c.name + "." + which);
}

void print_usage(FILE* out) {
  std::fprintf(out,
               "kaoping %s — rehearse the third-party evaluation (第三方评估) of a county's "
               "poverty registry\n\n"
               "usage: kaoping COMMAND [options]\n\ncommands:\n",
               KAOPING_VERSION);
  for (const CommandRow& c : kCommands)
    std::fprintf(out, "  %-10s %s\n", c.name, text(c, "summary").c_str());
  std::fprintf(out,
               "\ncommon options: --registry DIR, --config FILE, --set KEY=VALUE, --lang zh|en,\n"
               "  --quiet, --help, --version. Without --registry the embedded default county\n"
               "  is used. Run 'kaoping COMMAND --help' for a command's options.\n"
               "exit codes: 0 done, 1 bad input or impossible plan, 2 usage error\n");
}

/// Parses a command's arguments with CLI11 (argv[0] is the command name). --help and
/// --version print and give 0, a usage error prints and gives 2; -1 to go on.
int parse(CLI::App& app, int argc, char** argv) {
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {  // CallForHelp and CallForVersion too, exit code 0
    return app.exit(e) == 0 ? kExitOk : kExitUsage;
  }
  return -1;
}

int run(const CommandRow& row, int argc, char** argv, const std::vector<std::string>& full_argv) {
  std::unique_ptr<Command> command = row.make();
  CLI::App app(text(row, "help"), std::string("kaoping ") + row.name);
  Session session;
  session.opts.argv = full_argv;
  add_common_options(app, &session.opts, row.needs);
  command->add_options(app, &session.opts);
  if (const int parsed = parse(app, argc, argv); parsed >= 0) return parsed;
  if (const int usage = command->check_usage(session.opts); usage >= 0) return usage;
  if (!session.load(row.needs)) return kExitBadInput;
  return command->run(session);
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
  std::vector<std::string_view> names;
  for (const CommandRow& c : kCommands) {
    if (first == c.name) return run(c, argc - 1, argv + 1, full_argv);
    names.push_back(c.name);
  }
  const std::string hint = kaoping::did_you_mean(first, names);
  if (!hint.empty())
    std::fprintf(stderr, "kaoping: unknown command '%s', did you mean '%s'?\n", first.c_str(),
                 hint.c_str());
  else
    std::fprintf(stderr, "kaoping: unknown command '%s' (see 'kaoping --help')\n", first.c_str());
  return kExitUsage;
}
