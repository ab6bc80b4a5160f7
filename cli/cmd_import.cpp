// `kaoping import --export FILE... [--roster FILE...] [--verification FILE...]
//  [--villages FILE] [--staff FILE] [--mapping FILE] --out DIR [--force]` (SPEC §6): the
// county's own workbooks into a registry directory. The work is import/'s; this file maps the
// options and the configuration onto it and prints what it says.
#include <cstdio>

#include "cli/commands.h"
#include "import/import.h"

namespace kaoping::cli {
namespace {

class Import : public Command {
 public:
  void add_options(CLI::App& app, CommonOptions* opts) override {
    app.add_option("--export", in_.exports,
                   "the national system's export of the registered households (.xlsx, .xls or "
                   ".csv; FILE#SHEET or FILE#* for every sheet); several are read as one")
        ->required()
        ->expected(1, -1);
    app.add_option("--roster", in_.rosters,
                   "village rosters (花名册) of the households outside the registry")
        ->expected(1, -1);
    app.add_option("--verification", in_.verifications,
                   "the office's verification sheets (入户核实), one row per household")
        ->expected(1, -1);
    app.add_option("--villages", in_.villages, "one row per village: conditions, tier, minutes");
    app.add_option("--staff", in_.staff, "the guides (领走人员) and interpreters (翻译)");
    app.add_option("--mapping", in_.mapping, "YAML: more header names and values");
    app.add_option("--config", opts->config, "YAML configuration over the built-in default");
    add_out_dir_option(app, opts, "directory to write the registry into (created if missing)");
    app.get_option("--out")->required();
  }

  int run(Session& s) override {
    std::vector<std::string> inputs = {s.opts.config, in_.mapping};
    for (const auto* list : {&in_.exports, &in_.rosters, &in_.verifications})
      for (const std::string& arg : *list) inputs.push_back(parse_input_spec(arg).path);
    for (const std::string& arg : {in_.villages, in_.staff})
      if (!arg.empty()) inputs.push_back(parse_input_spec(arg).path);
    std::string err;
    if (!check_import_dir(s.opts.out, s.opts.force, inputs, &err)) {
      s.error(err);
      return kExitBadInput;
    }
    ImportOptions options;
    options.assess_year = s.config.standards.assess_year;
    options.registered_verified = s.config.import.registered_verified;
    ImportResult result;
    Diagnostics diag;
    const bool ok = import_registry(in_, options, &result, &diag);
    s.print(diag);
    if (!ok) {
      if (!s.opts.quiet)
        std::fprintf(stderr, "kaoping: import: %zu error%s; nothing was written\n",
                     diag.error_count(), diag.error_count() == 1 ? "" : "s");
      return kExitBadInput;
    }
    if (!write_import(result, s.opts.out, s.opts.force, inputs, &err)) {
      s.error(err);
      return kExitBadInput;
    }
    if (!s.opts.quiet)
      std::printf("%s\n", s.trf("term.import_wrote", s.opts.out, result.households, result.persons,
                                result.by_status[0], result.by_status[1], result.by_status[2],
                                result.by_status[3], result.unverified, result.roster_merged)
                              .c_str());
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
