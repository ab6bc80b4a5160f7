// What every command shares: the common options, the inputs loaded once before it runs (as
// its row of the command table says), and how outputs are written. Only cli/ prints.
#pragma once

#include <CLI/CLI.hpp>
#include <cstdint>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "config/config.h"
#include "config/inputs.h"
#include "config/option_values.h"
#include "config/usage_error.h"
#include "registry/registry.h"
#include "reports/common_report.h"
#include "reports/i18n.h"
#include "reports/manifest.h"
#include "sampler/design.h"
#include "simulate/condition.h"
#include "util/files.h"

namespace kaoping::cli {

/// Exit codes (SPEC §4).
inline constexpr int kExitOk = 0;
inline constexpr int kExitBadInput = 1;
inline constexpr int kExitUsage = 2;

/// Options every command takes (SPEC §4 "Common"), and --out/--force where they apply.
struct CommonOptions {
  std::string registry;           ///< directory; empty = embedded default county
  std::string config;             ///< YAML file; empty = compiled-in default only
  std::vector<std::string> sets;  ///< --set KEY=VALUE, in order
  std::string lang = "zh";        ///< zh | en
  bool quiet = false;
  std::string staff;              ///< --staff FILE of commands that need a roster
  std::vector<std::string> argv;  ///< the whole command line, for manifest.json
  std::string out;                ///< --out DIR of commands that write a directory
  bool force = false;             ///< --force: write into a non-empty --out DIR
};

/// The help of a command's options in the language of --lang: the i18n text of
/// "opt.<command>.<option>", else of "opt.<option>" (the common ones); option without dashes.
class OptionHelp {
 public:
  OptionHelp(Lang lang, std::string command) : lang_(lang), command_(std::move(command)) {}
  std::string operator()(std::string_view option) const;
  Lang lang() const { return lang_; }
  /// CLI11 checks that answer in the help's language (config/option_values.h).
  CLI::Validator at_least(long long min,
                          long long max = std::numeric_limits<long long>::max()) const;
  CLI::Validator seed() const;
  CLI::Validator one_of(std::vector<std::string> names) const;

 private:
  Lang lang_;
  std::string command_;
};

/// Readies a command's parser: its help flag, labels and option group in the help's
/// language, then the common options: --set, --lang, --quiet, --version, and
/// --registry/--config when it needs a registry, --staff when it needs a roster.
void add_common_options(CLI::App& app, CommonOptions* opts, unsigned needs, const OptionHelp& help);

/// Adds --out DIR and --force to a command that writes a directory.
void add_out_dir_option(CLI::App& app, CommonOptions* opts, const OptionHelp& help);

/// One run of a command: its options, what was loaded for it, and how it reports.
class Session : public RunInputs {
 public:
  CommonOptions opts;
  std::size_t load_warnings = 0;  ///< warnings found while loading (validate reports them)

  Lang lang() const { return parse_lang(opts.lang); }
  std::string tr(std::string_view key) const { return kaoping::tr(lang(), key); }
  template <typename... Args>
  std::string trf(std::string_view key, Args&&... args) const {
    return kaoping::trf(lang(), key, std::forward<Args>(args)...);
  }

  /// Loads what `needs` says, in order (config, registry, staff, design), printing every
  /// diagnostic; false when any is an error.
  bool load(unsigned needs);

  /// Prints diagnostics to stderr (warnings hidden by --quiet).
  void print(const Diagnostics& diag) const;
  /// "kaoping: <message>" on stderr unless --quiet.
  void note(const std::string& message) const;
  /// A progress printer for a long run ("\rkaoping: simulate 12/100 (12%)") when stderr is a
  /// terminal and the run is not --quiet; empty otherwise.
  std::function<void(int64_t, int64_t)> progress(const std::string& what) const;
  /// "kaoping: error: <message>" on stderr.
  void error(const std::string& message) const;

  /// True when `target` exists and is the same file as an input of this run: a registry file,
  /// the --config or --staff file, or one of `extra` (a draw, a fix list).
  bool is_input(const std::string& target, const std::vector<std::string>& extra = {}) const;

  /// Readies --out (util/files.h OutputDir: refuses inputs, needs --force when not empty):
  /// the run writes into out_dir(), finish() moves it into place. Prints any error.
  bool open_out_dir(const std::vector<std::string>& extra = {});
  const std::string& out_dir() const { return out_.is_open() ? out_.path() : opts.out; }
  /// Moves the outputs into --out when `code` is 0, else drops them; the final exit code.
  int finish(int code);

  /// What a composed report states about its run: language, command line, registry, version.
  ReportContext report_context() const {
    return make_report_context(lang(), opts.argv, opts.registry, config.county_name);
  }
  /// A manifest for `command` with the version, command line, resolved configuration,
  /// registry and inputs; the caller adds seed, runs and threads where they apply.
  Manifest manifest(const std::string& command, const std::vector<std::string>& extra = {}) const {
    return make_manifest(command, opts.argv, config.resolved_yaml, opts.registry, registry,
                         opts.config, extra);
  }
  /// The files this run reads: the registry's, --config, --staff and `extra`.
  std::vector<std::string> input_paths(const std::vector<std::string>& extra = {}) const;

 private:
  OutputDir out_;
};

/// --townships, --villages, --sample (the announced condition), of simulate and prioritize.
struct ConditionOptions {
  std::optional<std::string> townships, villages, sample;
  void add(CLI::App& app, const OptionHelp& help);
  /// Into *out; kExitOk, or kExitBadInput / kExitUsage after printing the problem.
  int read(const Session& s, Condition* out) const;
};

}  // namespace kaoping::cli
