// `kaoping validate [--registry DIR] [--config FILE] [--set K=V]...`: loads the configuration
// and the registry (the embedded default county without --registry), checks every rule of
// SPEC §1 and §2 and that the sampling design can be built from them, prints every problem
// and, when there is none, a short summary of the county. Exit 0 valid, 1 invalid, 2 usage.
#include <cstdio>
#include <string>

#include "cli/commands.h"
#include "registry/generate.h"
#include "registry/load.h"
#include "sampler/design.h"

namespace kaoping::cli {
namespace {

struct Summary {
  std::size_t households_by_status[kStatusCount] = {};
  long persons = 0;
  long poor_persons = 0;  ///< persons of poor + planned_exit households
  std::size_t guides = 0, interpreters = 0;
  std::size_t mismatched = 0;  ///< households whose members.csv disagrees
};

Summary summarise(const Registry& reg) {
  Summary s;
  const Households& h = reg.households;
  for (std::size_t i = 0; i < h.count(); ++i) {
    ++s.households_by_status[static_cast<int>(h.status[i])];
    s.persons += h.size[i];
    if (category_of(h.status[i]) == Category::kPoor) s.poor_persons += h.size[i];
    s.mismatched += h.members_mismatch[i] != 0;
  }
  for (const Staff& st : reg.staff) (st.role == StaffRole::kGuide ? s.guides : s.interpreters)++;
  return s;
}

void print_summary(const CommonOptions& opts, const Registry& reg, const Design& design,
                   const Diagnostics& diag) {
  const Summary s = summarise(reg);
  const std::size_t* n = s.households_by_status;
  const double incidence = s.persons > 0 ? 100.0 * s.poor_persons / s.persons : 0;
  const std::string source = opts.registry.empty()
                                 ? (opts.lang == "en" ? "embedded default county (generate "
                                                        "--profile default --seed 1)"
                                                      : "内置默认县（generate --profile default "
                                                        "--seed 1）")
                                 : opts.registry;
  if (opts.lang == "en") {
    std::printf("registry: %s\n", source.c_str());
    std::printf("townships: %zu (%zu eligible for sampling), villages: %zu, groups: %zu\n",
                reg.townships.size(), design.eligible_townships.size(), reg.villages.size(),
                reg.groups.size());
    std::printf("households: %zu (poor %zu, planned_exit %zu, exited %zu, non_registered %zu)\n",
                reg.households.count(), n[0], n[1], n[2], n[3]);
    std::printf("persons: %ld (registered poor %ld, poverty incidence %.2f%%)\n", s.persons,
                s.poor_persons, incidence);
    if (reg.has_members)
      std::printf("members.csv: %zu rows; %zu households disagree with it\n", reg.members.size(),
                  s.mismatched);
    if (reg.has_staff)
      std::printf("staff: %zu guides, %zu interpreters\n", s.guides, s.interpreters);
    std::printf("valid: 0 errors, %zu warnings\n", diag.warning_count());
  } else {
    std::printf("登记数据：%s\n", source.c_str());
    std::printf("乡镇 %zu 个（可抽 %zu 个），行政村 %zu 个，村民小组 %zu 个\n",
                reg.townships.size(), design.eligible_townships.size(), reg.villages.size(),
                reg.groups.size());
    std::printf("农户 %zu 户（未脱贫 %zu，预脱贫 %zu，已脱贫 %zu，非建档立卡 %zu）\n",
                reg.households.count(), n[0], n[1], n[2], n[3]);
    std::printf("人口 %ld 人（建档立卡贫困人口 %ld 人，贫困发生率 %.2f%%）\n", s.persons,
                s.poor_persons, incidence);
    if (reg.has_members)
      std::printf("家庭成员表 %zu 行；%zu 户与农户表不一致\n", reg.members.size(), s.mismatched);
    if (reg.has_staff)
      std::printf("工作人员：向导 %zu 人，翻译 %zu 人\n", s.guides, s.interpreters);
    std::printf("校验通过：0 个错误，%zu 个警告\n", diag.warning_count());
  }
}

}  // namespace

int run_validate(int argc, char** argv, const std::vector<std::string>& full_argv) {
  CLI::App app("check a registry and a configuration, report every problem", "kaoping validate");
  CommonOptions opts;
  opts.argv = full_argv;
  add_common_options(app, &opts);
  int exit_code = kExitOk;
  if (!parse_command(app, argc, argv, &exit_code)) return exit_code;

  // Config and registry are checked independently so one run reports the problems of both.
  Diagnostics diag;
  Config config;
  const bool config_ok = load_config(opts.config, opts.sets, &config, &diag);
  Registry reg;
  bool registry_ok = false;
  if (opts.registry.empty()) {
    // The built-in county is only worth building (about a second) when the config is good.
    if (config_ok) {
      reg = generate_county(Profile::kDefault, 1);
      registry_ok = validate_registry(&reg, &diag);
    }
  } else {
    registry_ok = load_registry(opts.registry, &reg, &diag);
  }
  // The design (eligible townships, tiers, quotas) needs both; its errors say what the
  // sampler would refuse on the day.
  Design design;
  bool design_ok = false;
  if (config_ok && registry_ok && !diag.has_errors())
    design_ok = build_design(reg, config.design, &design, &diag);
  print_diagnostics(diag, opts.quiet);
  if (!design_ok || diag.has_errors()) {
    if (!opts.quiet)
      std::fprintf(stderr, "kaoping: validate: %zu error%s\n", diag.error_count(),
                   diag.error_count() == 1 ? "" : "s");
    return kExitBadInput;
  }
  if (!opts.quiet) print_summary(opts, reg, design, diag);
  return kExitOk;
}

}  // namespace kaoping::cli
