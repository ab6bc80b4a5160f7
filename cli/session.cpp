#include "cli/session.h"

#include <unistd.h>

#include <charconv>
#include <cstdio>

#include "registry/generate.h"
#include "registry/load.h"
#include "util/files.h"

namespace kaoping::cli {

void add_common_options(CLI::App& app, CommonOptions* opts, unsigned needs) {
  if (needs & kNeedsRegistry) {
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
  if (needs & kNeedsStaff)
    app.add_option("--staff", opts->staff,
                   "staff roster (staff.csv: guides and interpreters; default: the registry's "
                   "own staff.csv, or the default county's roster)");
}

void add_out_dir_option(CLI::App& app, CommonOptions* opts, const std::string& help) {
  app.add_option("--out", opts->out, help);
  app.add_flag("--force", opts->force, "write into --out even when it already holds files");
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

bool Session::load(unsigned needs) {
  if (needs == 0) return true;
  Diagnostics diag;
  bool ok = load_config(opts.config, opts.sets, &config, &diag);
  if (needs & kNeedsRegistry) {
    // A user's registry is checked even when the configuration is bad, so one run reports
    // the problems of both; the built-in county is only worth building when the run goes on.
    if (!opts.registry.empty()) {
      ok = load_registry(opts.registry, &registry, &diag) && ok;
    } else if (ok) {
      registry = generate_county(Profile::kDefault, 1);
      if (needs & kChecksAll) ok = validate_registry(&registry, &diag);
    }
  }
  ok = ok && !diag.has_errors();
  if (ok && (needs & kChecksAll)) warn_schedule_gaps(registry, &diag);  // validate: warnings
  if (ok && (needs & kNeedsStaff)) {
    if (!opts.staff.empty()) {
      ok = load_staff(opts.staff, &registry, &diag);
    } else if (!registry.has_staff) {
      print(diag);
      error(opts.registry + " has no staff.csv: give the roster with --staff FILE");
      return false;
    }
  }
  if (ok && (needs & kNeedsDesign)) {
    // The design (eligible townships, tiers, quotas) needs both; its errors say what the
    // sampler would refuse on the day.
    if (!(needs & kChecksAll)) {
      print(diag);
      load_warnings += diag.warning_count();
      diag = Diagnostics();
    }
    ok = build_design(registry, config.design, &design, &diag) && !diag.has_errors();
  }
  print(diag);
  load_warnings += diag.warning_count();
  if (!ok && (needs & kChecksAll) && !opts.quiet)
    std::fprintf(stderr, "kaoping: validate: %zu error%s\n", diag.error_count(),
                 diag.error_count() == 1 ? "" : "s");
  return ok;
}

void Session::print(const Diagnostics& diag) const {
  for (const Diagnostic& d : diag.items()) {
    if (opts.quiet && d.severity == Severity::kWarning) continue;
    std::fprintf(stderr, "%s\n", d.format().c_str());
  }
  if (diag.suppressed_errors() > 0)
    std::fprintf(stderr, "kaoping: error: %zu more errors not shown\n", diag.suppressed_errors());
}

void Session::note(const std::string& message) const {
  if (!opts.quiet) std::fprintf(stderr, "kaoping: %s\n", message.c_str());
}

std::function<void(int64_t, int64_t)> Session::progress(const std::string& what) const {
  if (opts.quiet || !::isatty(STDERR_FILENO)) return {};
  return [what](int64_t done, int64_t total) {
    std::fprintf(stderr, "\rkaoping: %s %lld/%lld (%.0f%%)", what.c_str(),
                 static_cast<long long>(done), static_cast<long long>(total), 100.0 * done / total);
    std::fflush(stderr);
  };
}

void Session::error(const std::string& message) const {
  std::fprintf(stderr, "kaoping: error: %s\n", message.c_str());
}

std::vector<std::string> Session::input_paths(const std::vector<std::string>& extra) const {
  std::vector<std::string> paths;
  for (const InputFile& f : registry.inputs) paths.push_back(f.path);
  paths.push_back(opts.config);
  paths.insert(paths.end(), extra.begin(), extra.end());
  if (!opts.staff.empty()) paths.push_back(opts.staff);
  return paths;
}

bool Session::is_input(const std::string& target, const std::vector<std::string>& extra) const {
  return is_one_of(target, input_paths(extra));
}

bool Session::open_out_dir() const {
  std::string err;
  if (opts.out.empty() ||
      prepare_output_dir(opts.out, opts.force, {opts.registry, opts.config}, &err))
    return true;
  error(err);
  return false;
}

bool Session::write_files(const std::vector<std::pair<std::string, std::string>>& files,
                          const std::vector<std::string>& extra_inputs) const {
  std::string err;
  if (write_files_into(opts.out, files, input_paths(extra_inputs), &err)) return true;
  error(err);
  return false;
}

ReportContext Session::report_context() const {
  return {lang(), opts.argv, opts.registry, KAOPING_VERSION};
}

Manifest Session::manifest(const std::string& command,
                           const std::vector<std::string>& extra) const {
  Manifest m;
  m.command = command;
  m.version = KAOPING_VERSION;
  m.argv = opts.argv;
  m.config_yaml = config.resolved_yaml;
  m.registry = opts.registry.empty() ? registry.source : opts.registry;
  m.inputs = registry.inputs;
  std::vector<std::string> more = {opts.config};
  more.insert(more.end(), extra.begin(), extra.end());
  add_manifest_inputs(more, &m);
  return m;
}

bool Session::write_reports(const report::Report& report, const Manifest& manifest) const {
  std::string err;
  if (write_report_set(report, manifest_json(manifest), opts.out, &err)) return true;
  error(err);
  return false;
}

}  // namespace kaoping::cli
