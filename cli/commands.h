// The command table (ninja style): one row per command, with what it needs loaded before it
// runs. Each command is a small class in its own cmd_*.cpp file.
#pragma once

#include <CLI/CLI.hpp>
#include <memory>

#include "cli/session.h"

namespace kaoping::cli {

/// One command: the options it adds to the common ones, and what it does once its inputs
/// are loaded.
class Command {
 public:
  virtual ~Command() = default;
  /// Adds the command's own options, bound to members of the command.
  virtual void add_options(CLI::App& app, CommonOptions* opts, const OptionHelp& help) = 0;
  /// Checks what the options say together, before anything is loaded: a usage error is
  /// printed and gives kExitUsage; -1 to go on.
  virtual int check_usage(const CommonOptions&) { return -1; }
  /// Runs with the session's inputs loaded. Returns the exit code.
  virtual int run(Session& session) = 0;
};

struct CommandRow {
  const char* name;
  unsigned needs;  ///< Needs bits
  std::unique_ptr<Command> (*make)();
};

std::unique_ptr<Command> make_generate();
std::unique_ptr<Command> make_validate();
std::unique_ptr<Command> make_sample();
std::unique_ptr<Command> make_audit();
std::unique_ptr<Command> make_simulate();
std::unique_ptr<Command> make_prioritize();
std::unique_ptr<Command> make_schedule();
std::unique_ptr<Command> make_import();
std::unique_ptr<Command> make_batch();

}  // namespace kaoping::cli
