// `kaoping sample [--registry DIR] [--config FILE] [--seed N] [--out FILE]`: one draw of the
// evaluators' sample (SPEC §3 steps 1–3) as CSV (SPEC §4 columns), to stdout or a file.
#include <cstdio>
#include <filesystem>
#include <optional>
#include <string>

#include "cli/commands.h"
#include "sampler/design.h"
#include "sampler/draw_io.h"
#include "sampler/sampler.h"
#include "util/files.h"

namespace kaoping::cli {
namespace fs = std::filesystem;

int run_sample(int argc, char** argv, const std::vector<std::string>& full_argv) {
  CLI::App app(
      "draw one sample exactly as the evaluators will (CSV: township_id, village_id, "
      "tier, household_id, category, role, reserve_rank, inclusion_prob, weight)",
      "kaoping sample");
  CommonOptions opts;
  opts.argv = full_argv;
  std::optional<uint64_t> seed;
  std::string out;
  add_common_options(app, &opts);
  app.add_option("--seed", seed, "random seed (default: simulation.seed of the configuration)");
  app.add_option("--out", out, "CSV file to write (default: standard output)");
  int exit_code = kExitOk;
  if (!parse_command(app, argc, argv, &exit_code)) return exit_code;

  Config config;
  Registry reg;
  if (!load_inputs(opts, &config, &reg)) return kExitBadInput;
  Design design;
  Diagnostics diag;
  const bool ok = build_design(reg, config.design, &design, &diag);
  print_diagnostics(diag, opts.quiet);
  if (!ok) return kExitBadInput;

  const uint64_t s = seed.value_or(config.simulation.seed);
  Draw draw;
  draw_sample(reg, config.design, design, s, 0, &draw);
  for (const std::string& w : draw.warnings)
    if (!opts.quiet) std::fprintf(stderr, "kaoping: warning: %s\n", w.c_str());
  const std::string csv = draw_to_csv(reg, draw);

  if (out.empty() || out == "-") {
    std::fwrite(csv.data(), 1, csv.size(), stdout);
    return kExitOk;
  }
  if (is_input(out, opts, reg)) {
    std::fprintf(stderr, "kaoping: error: %s: is an input of this command; choose another --out\n",
                 out.c_str());
    return kExitBadInput;
  }
  std::error_code ec;
  const fs::path parent = fs::path(out).parent_path();
  if (!parent.empty() && !fs::exists(parent, ec) && !fs::create_directories(parent, ec)) {
    std::fprintf(stderr, "kaoping: error: %s: cannot create directory: %s\n",
                 parent.string().c_str(), ec.message().c_str());
    return kExitBadInput;
  }
  std::string err;
  if (!write_file_atomic(out, csv, &err)) {
    std::fprintf(stderr, "kaoping: error: %s\n", err.c_str());
    return kExitBadInput;
  }
  int sampled = 0, reserve = 0;
  for (const DrawRow& r : draw.rows) (r.role == Role::kSample ? sampled : reserve)++;
  note(opts, opts.lang == "en"
                 ? "wrote " + out + ": " + std::to_string(draw.townships.size()) + " townships, " +
                       std::to_string(draw.villages.size()) + " villages, " +
                       std::to_string(sampled) + " households in sample, " +
                       std::to_string(reserve) + " in reserve (seed " + std::to_string(s) + ")"
                 : "已写入 " + out + "：" + std::to_string(draw.townships.size()) + " 个乡镇、" +
                       std::to_string(draw.villages.size()) + " 个村，样本 " +
                       std::to_string(sampled) + " 户，备选 " + std::to_string(reserve) +
                       " 户（种子 " + std::to_string(s) + "）");
  return kExitOk;
}

}  // namespace kaoping::cli
