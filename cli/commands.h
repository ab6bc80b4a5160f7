// The subcommand table (ninja style): one row per command. Only cli/ prints and exits.
#pragma once

#include <CLI/CLI.hpp>
#include <string>
#include <vector>

#include "config/config.h"
#include "registry/registry.h"
#include "reports/common_report.h"
#include "reports/document.h"
#include "reports/manifest.h"
#include "util/diagnostics.h"

namespace kaoping::cli {

/// Exit codes (SPEC §4).
inline constexpr int kExitOk = 0;
inline constexpr int kExitBadInput = 1;
inline constexpr int kExitUsage = 2;

/// Options every command takes (SPEC §4 "Common").
struct CommonOptions {
  std::string registry;           ///< directory; empty = embedded default county
  std::string config;             ///< YAML file; empty = compiled-in default only
  std::vector<std::string> sets;  ///< --set KEY=VALUE, in order
  std::string lang = "zh";        ///< zh | en
  bool quiet = false;
  std::vector<std::string> argv;  ///< the whole command line, for manifest.json
  std::string out;                ///< --out DIR of commands that write a directory
  bool force = false;             ///< --force: write into a non-empty --out DIR
};

/// Adds --set, --lang, --quiet (and --registry/--config when `inputs`) to a subcommand.
void add_common_options(CLI::App& app, CommonOptions* opts, bool inputs = true);

/// Adds --out DIR (with `help`) and --force to a command that writes a directory.
void add_out_dir_option(CLI::App& app, CommonOptions* opts, const std::string& help);

/// Creates opts.out when missing. An existing non-empty directory is refused unless --force
/// (a report is never clobbered by accident), and so is a path that is an input (the
/// registry directory or the config file). False and *err on failure.
bool prepare_out_dir(const CommonOptions& opts, std::string* err);

/// prepare_out_dir for a command whose --out is optional: nothing to do without --out;
/// otherwise prints "kaoping: error: ..." and returns false when the directory cannot be used.
bool open_out_dir(const CommonOptions& opts);

/// True when `target` exists and is the same file as an input of this run: a registry file,
/// the --config file, or one of `extra` (a draw, a roster).
bool is_input(const std::string& target, const CommonOptions& opts, const Registry& reg,
              const std::vector<std::string>& extra = {});

/// Loads the configuration and the registry (default county when --registry is absent)
/// and validates them. Prints every diagnostic; false when any is an error.
bool load_inputs(const CommonOptions& opts, Config* config, Registry* registry);

/// Prints diagnostics to stderr (errors and warnings; warnings hidden by --quiet).
void print_diagnostics(const Diagnostics& diag, bool quiet);

/// Human message on stderr unless quiet ("kaoping: ...").
void note(const CommonOptions& opts, const std::string& message);

/// Every input file of a run with the SHA-256 of its raw bytes (for manifest.json): the
/// registry's files, the --config file and `extra` files (a draw, a roster, a fix list).
std::vector<InputFile> run_inputs(const CommonOptions& opts, const Registry& reg,
                                  const std::vector<std::string>& extra = {});

/// What a composed report states about its run: language, command line, registry, version.
ReportContext report_context(const CommonOptions& opts);

/// A manifest for `command` with the version, command line, resolved configuration,
/// registry and `inputs` filled in; the caller adds seed, runs and threads where they apply.
Manifest run_manifest(const CommonOptions& opts, const Config& config, const Registry& reg,
                      const std::string& command, std::vector<InputFile> inputs);

/// Writes report.html, report.xlsx and manifest.json into opts.out (which exists). Prints
/// the error and returns false on failure.
bool write_reports(const CommonOptions& opts, const report::Report& report,
                   const Manifest& manifest);

struct Command {
  const char* name;
  const char* summary;
  /// argv[0] is the command name. Returns the exit code.
  int (*run)(int argc, char** argv, const std::vector<std::string>& full_argv);
};

int run_generate(int argc, char** argv, const std::vector<std::string>& full_argv);
int run_validate(int argc, char** argv, const std::vector<std::string>& full_argv);
int run_sample(int argc, char** argv, const std::vector<std::string>& full_argv);
int run_audit(int argc, char** argv, const std::vector<std::string>& full_argv);
int run_simulate(int argc, char** argv, const std::vector<std::string>& full_argv);
int run_schedule(int argc, char** argv, const std::vector<std::string>& full_argv);

/// Parses a subcommand's arguments with CLI11; on --help prints and returns kExitOk via
/// *exit_code, on a usage error prints and returns kExitUsage. Returns true to go on.
bool parse_command(CLI::App& app, int argc, char** argv, int* exit_code);

/// A CLI11 check: a whole number >= `min` ("--runs: must be a whole number >= 1, got \"0\"").
CLI::Validator whole_at_least(long long min);

/// Levenshtein distance, for "did you mean".
std::size_t edit_distance(const std::string& a, const std::string& b);

}  // namespace kaoping::cli
