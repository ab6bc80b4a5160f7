// kaoping: rehearse the provincial third-party evaluation of a county's poverty registry.
// main only dispatches: the command table says what each command needs, the session loads it
// once, the command runs.
#include <algorithm>
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
    {"prioritize", kNeedsRegistry | kNeedsDesign, make_prioritize},
    {"schedule", kNeedsRegistry | kNeedsStaff, make_schedule},
    {"import", kNeedsConfig, make_import},
    {"batch", kNeedsConfig, make_batch},
};

std::string text(const CommandRow& c, const char* which, Lang lang) {
  return tr(lang, std::string("cmd.") + c.name + "." + which);
}

void print_usage(FILE* out, Lang lang) {
  std::fputs(trf(lang, "cli.usage", KAOPING_VERSION).c_str(), out);
  for (const CommandRow& c : kCommands)
    std::fprintf(out, "  %-10s %s\n", c.name, text(c, "summary", lang).c_str());
  std::fputs(tr(lang, "cli.usage_end").c_str(), out);
}

/// Parses a command's arguments with CLI11 (argv[0] is the command name). --help and
/// --version print and give 0, a usage error is said in `lang` and gives 2; -1 to go on.
int parse(CLI::App& app, int argc, char** argv, const char* name, Lang lang) {
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {  // CallForHelp and CallForVersion too, exit code 0
    if (e.get_exit_code() == 0) return app.exit(e), kExitOk;
    std::fprintf(stderr, "kaoping %s: error: %s\n%s\n", name, usage_error(app, e, lang).c_str(),
                 trf(lang, "cli.see_help", name).c_str());
    return kExitUsage;
  }
  return -1;
}

int run(const CommandRow& row, int argc, char** argv, const std::vector<std::string>& full_argv) {
  std::unique_ptr<Command> command = row.make();
  const OptionHelp help(help_language(argc, argv), row.name);
  CLI::App app(text(row, "help", help.lang()), std::string("kaoping ") + row.name);
  Session session;
  session.opts.argv = full_argv;
  add_common_options(app, &session.opts, row.needs, help);
  command->add_options(app, &session.opts, help);
  if (const int parsed = parse(app, argc, argv, row.name, help.lang()); parsed >= 0) return parsed;
  if (const int usage = command->check_usage(session.opts); usage >= 0) return usage;
  if (!session.load(row.needs)) return kExitBadInput;
  return session.finish(command->run(session));
}

}  // namespace
}  // namespace kaoping::cli

int main(int argc, char** argv) {
  using namespace kaoping::cli;
  std::vector<std::string> full_argv(argv, argv + argc);
  const kaoping::Lang lang = kaoping::help_language(argc, argv);
  // `kaoping --lang en COMMAND ...`: a leading --lang goes to the command, after its name.
  std::vector<char*> args(argv, argv + argc);
  const std::size_t lead = static_cast<std::size_t>(kaoping::skip_leading_lang(argc, argv));
  if (lead == args.size()) {
    print_usage(stderr, lang);
    return kExitUsage;
  }
  std::rotate(args.begin() + 1, args.begin() + static_cast<std::ptrdiff_t>(lead),
              args.begin() + static_cast<std::ptrdiff_t>(lead) + 1);
  const std::string first = args[1];
  if (first == "--help" || first == "-h" || first == "help") {
    print_usage(stdout, lang);
    return kExitOk;
  }
  if (first == "--version" || first == "-V") {
    std::printf("kaoping %s\n", KAOPING_VERSION);
    return kExitOk;
  }
  std::vector<std::string_view> names;
  for (const CommandRow& c : kCommands) {
    if (first == c.name) return run(c, argc - 1, args.data() + 1, full_argv);
    names.push_back(c.name);
  }
  const std::string hint = kaoping::did_you_mean(first, names);
  std::fprintf(stderr, "kaoping: error: %s\n",
               (hint.empty() ? kaoping::trf(lang, "cli.unknown_command", first)
                             : kaoping::trf(lang, "cli.unknown_command_hint", first, hint))
                   .c_str());
  return kExitUsage;
}
