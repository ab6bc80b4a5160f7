// `kaoping import --export FILE... [--roster FILE...] [--verification FILE...] [--villages FILE]
//  [--staff FILE] [--mapping FILE] --out DIR [--force]` (SPEC §6): the work is import/'s; this
// maps the options and the configuration onto it and prints what it says.
#include <cstdio>

#include "cli/commands.h"
#include "import/import.h"
#include "reports/terminal.h"

namespace kaoping::cli {
namespace {

class Import : public Command {
 public:
  void add_options(CLI::App& app, CommonOptions* opts, const OptionHelp& help) override {
    app.add_option("--export", in_.exports, help("export"))->required()->expected(1, -1);
    app.add_option("--roster", in_.rosters, help("roster"))->expected(1, -1);
    app.add_option("--verification", in_.verifications, help("verification"))->expected(1, -1);
    app.add_option("--villages", in_.villages, help("villages"));
    app.add_option("--staff", in_.staff, help("staff"));
    app.add_option("--mapping", in_.mapping, help("mapping"));
    app.add_option("--config", opts->config, help("config"));
    add_out_dir_option(app, opts, help);
    app.get_option("--out")->required();
  }

  int run(Session& s) override {
    std::vector<std::string> inputs = input_paths(in_);
    inputs.push_back(s.opts.config);
    std::string err;
    ImportOptions options;
    options.assess_year = s.config.standards.assess_year;
    options.registered_verified = s.config.import.registered_verified;
    ImportResult r;
    Diagnostics diag(s.lang());
    if (!check_import_dir(s.opts.out, s.opts.force, inputs, &err, s.lang()))
      return s.error(err), kExitBadInput;
    const bool ok = import_registry(in_, options, &r, &diag);
    s.print(diag);
    if (!ok) {
      s.note(diag.error_count() == 1 ? s.tr("cli.import_error")
                                     : s.trf("cli.import_errors", diag.error_count()));
      return kExitBadInput;
    }
    if (!write_import(r, s.opts.out, s.opts.force, inputs, &err, s.lang()))
      return s.error(err), kExitBadInput;
    if (!s.opts.quiet) std::printf("%s\n", import_summary_line(s.opts.out, r, s.lang()).c_str());
    return kExitOk;
  }

 private:
  ImportInputs in_;
};

}  // namespace

std::unique_ptr<Command> make_import() {
  return std::make_unique<Import>();
}

}  // namespace kaoping::cli
