#include <unistd.h>

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <filesystem>

#include "cli/commands.h"
#include "registry/generate.h"
#include "registry/load.h"
#include "util/files.h"

namespace kaoping::cli {

void add_common_options(CLI::App& app, CommonOptions* opts, bool inputs) {
  if (inputs) {
    app.add_option("--registry", opts->registry,
                   "registry directory (default: the embedded default county)");
    app.add_option("--config", opts->config, "YAML configuration over the built-in default");
  }
  app.add_option("--set", opts->sets, "override one configuration key, e.g. design.townships=4")
      ->take_all()
      ->allow_extra_args(false);
  app.add_option("--lang", opts->lang, "language of reports and messages")
      ->check(CLI::IsMember({"zh", "en"}));
  app.add_flag("--quiet,-q", opts->quiet, "print only errors");
  app.set_version_flag("--version", std::string("kaoping ") + KAOPING_VERSION,
                       "print the version and exit");
}

void add_out_dir_option(CLI::App& app, CommonOptions* opts, const std::string& help) {
  app.add_option("--out", opts->out, help);
  app.add_flag("--force", opts->force, "write into --out even when it already holds files");
}

bool prepare_out_dir(const CommonOptions& opts, std::string* err) {
  namespace fs = std::filesystem;
  std::error_code ec;
  const fs::path out(opts.out);
  auto same = [&](const std::string& input) {
    return !input.empty() && fs::exists(input, ec) && fs::equivalent(out, input, ec);
  };
  if (fs::exists(out, ec)) {
    if (!fs::is_directory(out, ec)) {
      *err = opts.out + ": exists and is not a directory";
      return false;
    }
    if (same(opts.registry) || same(opts.config)) {
      *err = opts.out + ": is an input of this command; choose another --out directory";
      return false;
    }
    if (!opts.force && !fs::is_empty(out, ec)) {
      *err = opts.out + ": directory exists and is not empty; use --force to write into it";
      return false;
    }
    return true;
  }
  if (!fs::create_directories(out, ec)) {
    *err = opts.out + ": cannot create directory: " + ec.message();
    return false;
  }
  return true;
}

bool is_input(const std::string& target, const CommonOptions& opts, const Registry& reg,
              const std::vector<std::string>& extra) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::exists(target, ec)) return false;
  auto same = [&](const std::string& input) {
    return !input.empty() && fs::exists(input, ec) && fs::equivalent(target, input, ec);
  };
  if (same(opts.config)) return true;
  for (const InputFile& f : reg.inputs)
    if (same(f.path)) return true;
  return std::any_of(extra.begin(), extra.end(), same);
}

bool open_out_dir(const CommonOptions& opts) {
  std::string err;
  if (opts.out.empty() || prepare_out_dir(opts, &err)) return true;
  std::fprintf(stderr, "kaoping: error: %s\n", err.c_str());
  return false;
}

void print_diagnostics(const Diagnostics& diag, bool quiet) {
  for (const Diagnostic& d : diag.items()) {
    if (quiet && d.severity == Severity::kWarning) continue;
    std::fprintf(stderr, "%s\n", d.format().c_str());
  }
  if (diag.suppressed_errors() > 0)
    std::fprintf(stderr, "kaoping: error: %zu more errors not shown\n", diag.suppressed_errors());
}

void note(const CommonOptions& opts, const std::string& message) {
  if (!opts.quiet) std::fprintf(stderr, "kaoping: %s\n", message.c_str());
}

bool load_inputs(const CommonOptions& opts, Config* config, Registry* registry) {
  Diagnostics diag;
  bool ok = load_config(opts.config, opts.sets, config, &diag);
  // A user's registry is checked even when the configuration is bad, so one run reports
  // the problems of both; the built-in county is only worth building when the run goes on.
  if (!opts.registry.empty()) {
    ok = load_registry(opts.registry, registry, &diag) && ok;
  } else if (ok) {
    *registry = generate_county(Profile::kDefault, 1);
  }
  print_diagnostics(diag, opts.quiet);
  return ok && !diag.has_errors();
}

std::vector<InputFile> run_inputs(const CommonOptions& opts, const Registry& reg,
                                  const std::vector<std::string>& extra) {
  std::vector<InputFile> inputs = reg.inputs;
  std::vector<std::string> more = {opts.config};
  more.insert(more.end(), extra.begin(), extra.end());
  for (const std::string& path : more) {
    if (path.empty()) continue;
    const bool listed = std::any_of(inputs.begin(), inputs.end(),
                                    [&](const InputFile& f) { return f.path == path; });
    std::string bytes, err;
    if (!listed && read_file(path, &bytes, &err)) inputs.push_back({path, sha256_hex(bytes)});
  }
  return inputs;
}

ReportContext report_context(const CommonOptions& opts) {
  ReportContext ctx;
  ctx.lang = parse_lang(opts.lang);
  ctx.argv = opts.argv;
  ctx.registry = opts.registry;
  ctx.version = KAOPING_VERSION;
  return ctx;
}

Manifest run_manifest(const CommonOptions& opts, const Config& config, const Registry& reg,
                      const std::string& command, std::vector<InputFile> inputs) {
  Manifest m;
  m.command = command;
  m.version = KAOPING_VERSION;
  m.argv = opts.argv;
  m.config_yaml = config.resolved_yaml;
  m.registry = opts.registry.empty() ? reg.source : opts.registry;
  m.inputs = std::move(inputs);
  return m;
}

bool write_reports(const CommonOptions& opts, const report::Report& report,
                   const Manifest& manifest) {
  std::string err;
  if (!write_report(report, opts.out, &err) ||
      !write_file_atomic((std::filesystem::path(opts.out) / "manifest.json").string(),
                         manifest_json(manifest), &err)) {
    std::fprintf(stderr, "kaoping: error: %s\n", err.c_str());
    return false;
  }
  return true;
}

bool parse_command(CLI::App& app, int argc, char** argv, int* exit_code) {
  try {
    // CLI11 wants argv[0] to be the program name; ours is the command name.
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    *exit_code = app.exit(e);
    return false;
  } catch (const CLI::CallForAllHelp& e) {
    *exit_code = app.exit(e);
    return false;
  } catch (const CLI::CallForVersion& e) {
    *exit_code = app.exit(e);
    return false;
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    *exit_code = kExitUsage;
    return false;
  }
  return true;
}

CLI::Validator whole_at_least(long long min) {
  return CLI::Validator(
      [min](std::string& text) -> std::string {
        long long value = 0;
        const char* end = text.data() + text.size();
        const auto [ptr, ec] = std::from_chars(text.data(), end, value);
        if (ec == std::errc() && ptr == end && value >= min) return {};
        return "must be a whole number >= " + std::to_string(min) + ", got \"" + text + "\"";
      },
      "INT>=" + std::to_string(min));
}

std::size_t edit_distance(const std::string& a, const std::string& b) {
  std::vector<std::size_t> prev(b.size() + 1), cur(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) prev[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j)
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] != b[j - 1])});
    std::swap(prev, cur);
  }
  return prev[b.size()];
}

}  // namespace kaoping::cli
