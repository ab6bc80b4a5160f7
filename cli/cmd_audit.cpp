// `kaoping audit [--registry DIR] [--config FILE] (--sample FILE [--seed N] | --all)
// [--out DIR]`: audits a draw as the evaluators would (field visit, evaluator's income error,
// rules, rates, verdict), or every household with its recorded income (the self-check).
#include <cstdio>
#include <optional>
#include <string>

#include "audit/audit.h"
#include "audit/selfcheck.h"
#include "cli/commands.h"
#include "reports/audit_outputs.h"
#include "reports/audit_report.h"
#include "reports/terminal.h"
#include "sampler/draw_io.h"
#include "sampler/tiers.h"

namespace kaoping::cli {
namespace {

class Audit : public Command {
 public:
  void add_options(CLI::App& app, CommonOptions* opts, const OptionHelp& help) override {
    app.add_option("--sample", sample_, help("sample"));
    app.add_flag("--all", all_, help("all"));
    app.add_option("--seed", seed_, help("seed"))->check(help.seed());
    add_out_dir_option(app, opts, help);
  }

  int check_usage(const CommonOptions& opts) override {
    const char* problem = sample_.empty() == !all_ ? "one_of" : all_ && seed_ ? "seed" : nullptr;
    if (!problem) return -1;
    std::fprintf(stderr, "kaoping audit: error: %s\n",
                 tr(parse_lang(opts.lang), std::string("cli.audit.") + problem).c_str());
    return kExitUsage;
  }

  int run(Session& s) override { return all_ ? self_check_all(s) : audit_sample(s); }

 private:
  int audit_sample(Session& s) const {
    const uint64_t seed = seed_.value_or(s.config.simulation.seed);
    // The design gives tiers to an evaluators' list without a tier column; a list can still
    // be audited on a county whose design cannot be drawn.
    Design design;
    Diagnostics design_diag(s.lang());
    const bool have_design = build_design(s.registry, s.config.design, &design, &design_diag);
    Draw draw;
    Diagnostics diag(s.lang());
    const bool ok =
        read_draw_csv(sample_, s.registry, have_design ? &design : nullptr, &draw, &diag);
    s.print(diag);
    if (!ok || !s.open_out_dir({sample_})) return kExitBadInput;

    AuditResult result;
    audit_draw(s.registry, s.config, draw, seed, 0, &result);
    const StandardsConfig& st = s.config.standards;
    int sampled = 0;
    for (const DrawRow& r : draw.rows) sampled += r.role == Role::kSample;
    std::fputs(audit_sample_text(s.registry, st, sample_, seed, sampled, result, s.lang()).c_str(),
               stdout);
    if (s.opts.out.empty()) {
      const int rows = sample_finding_count(result);
      std::printf("%s\n", s.trf("term.audit_findings", rows).c_str());
      if (rows > 0) std::fputs(sample_findings_csv(s.registry, st, result).c_str(), stdout);
      return kExitOk;
    }
    if (!s.write_files(sample_audit_files(s.registry, st, draw, result), {sample_}))
      return kExitBadInput;
    Manifest manifest = s.manifest("audit", {sample_});
    manifest.has_seed = true;
    manifest.seed = seed;
    if (!s.write_reports(
            compose_audit_report(s.registry, s.config, draw, result, s.report_context()), manifest))
      return kExitBadInput;
    s.note(s.trf("term.audit_wrote", s.opts.out));
    return kExitOk;
  }

  int self_check_all(Session& s) const {
    if (!s.open_out_dir()) return kExitBadInput;
    SelfCheckResult result;
    self_check(s.registry, s.config, &result);
    std::fputs(selfcheck_text(s.registry, s.config.standards, result, s.lang()).c_str(), stdout);
    if (s.opts.out.empty()) return kExitOk;
    // Tiers for the village table; a registry whose labels do not cover every village under
    // tier_method: label simply shows no tier here (the self-check does not draw).
    std::vector<Tier> tiers;
    std::vector<double> index;
    Diagnostics tier_diag(s.lang());
    if (!assign_tiers(s.registry, s.config.design, &tiers, &index, &tier_diag)) tiers.clear();
    if (!s.write_files(selfcheck_files(s.registry, s.config, result, tiers))) return kExitBadInput;
    if (!s.write_reports(compose_selfcheck_report(s.registry, s.config, result, s.report_context()),
                         s.manifest("audit")))
      return kExitBadInput;
    s.note(s.trf("term.selfcheck_wrote", s.opts.out));
    return kExitOk;
  }

  std::string sample_;
  bool all_ = false;
  std::optional<uint64_t> seed_;
};

}  // namespace

std::unique_ptr<Command> make_audit() {
  return std::make_unique<Audit>();
}

}  // namespace kaoping::cli
