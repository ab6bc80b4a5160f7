#include "cli/session.h"

#include <unistd.h>

#include <cstdio>
#include <filesystem>

#include "reports/terminal.h"
#include "util/files.h"
#include "util/privacy.h"

namespace kaoping::cli {

std::string OptionHelp::operator()(std::string_view option) const {
  const std::string own = "opt." + command_ + "." + std::string(option);
  return i18n_text(own, lang_).empty() ? tr(lang_, "opt." + std::string(option)) : tr(lang_, own);
}

void add_common_options(CLI::App& app, CommonOptions* opts, unsigned needs,
                        const OptionHelp& help) {
  const Lang lang = help.lang();
  app.option_defaults()->group(tr(lang, "cli.group.options"));
  app.set_help_flag("-h,--help", help("help"));
  for (const char* label : {"usage", "options", "required"})
    app.get_formatter()->label(tr(Lang::kEn, std::string("cli.label.") + label),
                               tr(lang, std::string("cli.label.") + label));
  if (needs & kNeedsRegistry) {
    app.add_option("--registry", opts->registry, help("registry"));
    app.add_option("--config", opts->config, help("config"));
  }
  app.add_option("--set", opts->sets, help("set"))->take_all()->allow_extra_args(false);
  app.add_option("--lang", opts->lang, help("lang"))->check(help.one_of({"zh", "en"}));
  app.add_flag("--quiet,-q", opts->quiet, help("quiet"));
  app.set_version_flag("--version", std::string("kaoping ") + KAOPING_VERSION, help("version"));
  if (needs & kNeedsStaff) app.add_option("--staff", opts->staff, help("staff"));
}

void add_out_dir_option(CLI::App& app, CommonOptions* opts, const OptionHelp& help) {
  app.add_option("--out", opts->out, help("out"));
  app.add_flag("--force", opts->force, help("force"));
}

void ConditionOptions::add(CLI::App& app, const OptionHelp& help) {
  CLI::Option* v = app.add_option("--villages", villages, help("villages"));
  CLI::Option* l = app.add_option("--sample", sample, help("sample"))->excludes(v);
  app.add_option("--townships", townships, help("townships"))->excludes(v)->excludes(l);
}
int ConditionOptions::read(const Session& s, Condition* out) const {
  Diagnostics diag(s.lang());
  const ConditionError e = condition_from_options(townships, villages, sample, s.registry,
                                                  s.config.design, s.design, out, &diag);
  s.print(diag);
  return static_cast<int>(e);  // kExitOk, kExitBadInput or kExitUsage
}

CLI::Validator OptionHelp::at_least(long long min, long long max) const {
  const Lang lang = lang_;
  return {[=](std::string& t) { return check_whole_option(&t, min, lang, max); },
          "INT>=" + std::to_string(min)};
}
CLI::Validator OptionHelp::seed() const {
  const Lang lang = lang_;
  return {[=](std::string& t) { return check_seed_option(t, lang); }, "UINT64"};
}
CLI::Validator OptionHelp::one_of(std::vector<std::string> names) const {
  const Lang lang = lang_;
  return {[=](std::string& t) { return check_choice_option(t, names, lang); }, "TEXT"};
}

bool Session::load(unsigned needs) {
  Diagnostics diag(lang());
  const bool ok =
      load_inputs(needs, {opts.registry, opts.config, opts.sets, opts.staff}, this, &diag);
  print(diag);
  load_warnings = diag.warning_count();
  if (!ok && (needs & kChecksAll) && !opts.quiet)
    std::fprintf(stderr, "kaoping: %s\n",
                 (diag.error_count() == 1 ? tr("cli.validate_error")
                                          : trf("cli.validate_errors", diag.error_count()))
                     .c_str());
  return ok;
}

void Session::print(const Diagnostics& diag) const {
  std::fputs(diagnostics_text(diag, opts.quiet, lang()).c_str(), stderr);
}

void Session::note(const std::string& message) const {
  if (!opts.quiet) std::fprintf(stderr, "kaoping: %s\n", scrub_personal_data(message).c_str());
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
  std::fprintf(stderr, "kaoping: error: %s\n", scrub_personal_data(message).c_str());
}

std::vector<std::string> Session::input_paths(const std::vector<std::string>& extra) const {
  std::vector<std::string> paths;
  for (const InputFile& f : registry.inputs) paths.push_back(f.path);
  paths.push_back(opts.config);
  paths.push_back(opts.registry);  // the directory itself: never an --out
  paths.insert(paths.end(), extra.begin(), extra.end());
  if (!opts.staff.empty()) paths.push_back(opts.staff);
  return paths;
}

bool Session::is_input(const std::string& target, const std::vector<std::string>& extra) const {
  return is_one_of(target, input_paths(extra));
}

bool Session::open_out_dir(const std::vector<std::string>& extra) {
  std::string err;
  if (opts.out.empty() || out_.open(opts.out, opts.force, input_paths(extra), &err)) return true;
  error(err);
  return false;
}

int Session::finish(int code) {
  std::string err;
  if (code != kExitOk || !out_.is_open()) return out_.discard(), code;
  if (!out_.commit(&err)) return error(err), kExitBadInput;
  return code;
}

}  // namespace kaoping::cli
