// `kaoping generate --out DIR [--profile default|small] [--seed N]`: writes a synthetic
// county registry (every file of SPEC §1) and prints a one-line summary.
#include <cstdio>
#include <string>

#include "cli/commands.h"
#include "registry/generate.h"
#include "registry/write.h"

namespace kaoping::cli {
namespace {

/// Figures of the summary line, over the households of a registry.
struct CountyFigures {
  std::size_t households = 0;
  long persons = 0;
  std::size_t poor_households = 0;  ///< poor + planned_exit
  long poor_persons = 0;
};

CountyFigures figures_of(const Registry& reg) {
  CountyFigures f;
  const Households& h = reg.households;
  f.households = h.count();
  for (std::size_t i = 0; i < h.count(); ++i) {
    f.persons += h.size[i];
    if (category_of(h.status[i]) == Category::kPoor) {
      ++f.poor_households;
      f.poor_persons += h.size[i];
    }
  }
  return f;
}

}  // namespace

int run_generate(int argc, char** argv, const std::vector<std::string>& full_argv) {
  CLI::App app("write a synthetic county registry (every file of SPEC §1, staff.csv included)",
               "kaoping generate");
  CommonOptions opts;
  opts.argv = full_argv;
  std::string profile_name = "default";
  uint64_t seed = 1;
  add_out_dir_option(app, &opts, "directory to write the registry into (created if missing)");
  app.get_option("--out")->required();
  app.add_option("--profile", profile_name,
                 "default: the county of the speech (367,030 persons); small: for unit tests")
      ->check(CLI::IsMember({"default", "small"}));
  app.add_option("--seed", seed, "random seed; the same seed always gives the same files");
  add_common_options(app, &opts, /*inputs=*/false);
  int exit_code = kExitOk;
  if (!parse_command(app, argc, argv, &exit_code)) return exit_code;

  // --set is accepted as by every command; check it so a typo is not silently ignored.
  if (!opts.sets.empty()) {
    Config config;
    Diagnostics diag;
    const bool ok = load_config("", opts.sets, &config, &diag);
    print_diagnostics(diag, opts.quiet);
    if (!ok || diag.has_errors()) return kExitBadInput;
  }

  std::string err;
  if (!prepare_out_dir(opts, &err)) {
    std::fprintf(stderr, "kaoping: error: %s\n", err.c_str());
    return kExitBadInput;
  }
  const Profile profile = profile_name == "small" ? Profile::kSmall : Profile::kDefault;
  const Registry reg = generate_county(profile, seed);
  if (!write_registry(reg, opts.out, &err)) {
    std::fprintf(stderr, "kaoping: error: %s\n", err.c_str());
    return kExitBadInput;
  }
  if (!opts.quiet) {
    const CountyFigures f = figures_of(reg);
    const double incidence = f.persons ? 100.0 * f.poor_persons / f.persons : 0.0;
    const int files = 4 + (reg.has_members ? 1 : 0) + (reg.has_staff ? 1 : 0);
    if (opts.lang == "en")
      std::printf(
          "wrote %d files to %s: %zu households, %ld persons, %zu registered poor households "
          "(%ld persons), poverty incidence %.2f%%\n",
          files, opts.out.c_str(), f.households, f.persons, f.poor_households, f.poor_persons,
          incidence);
    else
      std::printf(
          "已写入 %s（%d 个文件）：%zu 户 %ld 人，建档立卡贫困户 %zu 户 %ld 人，"
          "贫困发生率 %.2f%%\n",
          opts.out.c_str(), files, f.households, f.persons, f.poor_households, f.poor_persons,
          incidence);
  }
  return kExitOk;
}

}  // namespace kaoping::cli
