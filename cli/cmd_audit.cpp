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
  void add_options(CLI::App& app, CommonOptions* opts) override {
    app.add_option("--sample", sample_,
                   "draw to audit: the CSV of 'kaoping sample' or a list with household_id");
    app.add_flag("--all", all_, "self-check: every household, recorded income, readiness findings");
    app.add_option("--seed", seed_,
                   "seed of the field visit, income error and satisfaction (default: "
                   "simulation.seed); --sample only");
    add_out_dir_option(app, opts,
                       "directory for findings.csv, rates.csv and the summaries (created if "
                       "missing); without it the summary goes to standard output");
  }

  int check_usage(const CommonOptions&) override {
    if (sample_.empty() == !all_) {
      std::fprintf(stderr, "kaoping audit: error: give exactly one of --sample FILE or --all\n");
      return kExitUsage;
    }
    if (all_ && seed_) {
      std::fprintf(stderr,
                   "kaoping audit: error: --seed goes with --sample; the self-check (--all) has "
                   "no evaluator error to draw\n");
      return kExitUsage;
    }
    return -1;
  }

  int run(Session& s) override { return all_ ? self_check_all(s) : audit_sample(s); }

 private:
  int audit_sample(Session& s) const {
    const uint64_t seed = seed_.value_or(s.config.simulation.seed);
    // The design gives tiers to an evaluators' list without a tier column; a list can still
    // be audited on a county whose design cannot be drawn.
    Design design;
    Diagnostics design_diag;
    const bool have_design = build_design(s.registry, s.config.design, &design, &design_diag);
    Draw draw;
    Diagnostics diag;
    const bool ok =
        read_draw_csv(sample_, s.registry, have_design ? &design : nullptr, &draw, &diag);
    s.print(diag);
    if (!ok || !s.open_out_dir()) return kExitBadInput;

    AuditResult result;
    audit_draw(s.registry, s.config, draw, seed, 0, &result);
    const StandardsConfig& st = s.config.standards;
    int sampled = 0;
    for (const DrawRow& r : draw.rows) sampled += r.role == Role::kSample;
    std::fputs(audit_sample_text(s.registry, st, sample_, seed, sampled, result, s.lang()).c_str(),
               stdout);
    const std::string findings = sample_findings_csv(s.registry, st, result);
    if (s.opts.out.empty()) {
      const int rows = sample_finding_count(result);
      std::printf("%s\n", s.trf("term.audit_findings", rows).c_str());
      if (rows > 0) std::fputs(findings.c_str(), stdout);
      return kExitOk;
    }
    if (!s.write_files({{"findings.csv", findings},
                        {"rates.csv", rates_csv(result.rates, st)},
                        {"households.csv", audit_households_csv(s.registry, draw, result)},
                        {"shortfalls.csv", shortfalls_csv(s.registry, result)}},
                       {sample_}))
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
    Diagnostics tier_diag;
    if (!assign_tiers(s.registry, s.config.design, &tiers, &index, &tier_diag)) tiers.clear();
    if (!s.write_files({{"findings.csv", selfcheck_findings_csv(s.registry, result)},
                        {"rates.csv", rates_csv(result.county.rates, s.config.standards)},
                        {"villages.csv", selfcheck_villages_csv(s.registry, result, tiers)},
                        {"townships.csv", selfcheck_townships_csv(s.registry, result)}}))
      return kExitBadInput;
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
