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
#include "reports/terminal.h"
#include "sampler/draw_io.h"

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
    // The design gives tiers to an evaluators' list without a tier column.
    Draw draw;
    Diagnostics diag(s.lang());
    const bool ok = read_draw_csv_with_design(sample_, s.registry, s.config.design, &draw, &diag);
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
      std::fputs(sample_findings_text(s.registry, st, result, s.lang()).c_str(), stdout);
      return kExitOk;
    }
    std::string err;
    if (!write_sample_audit_outputs(s.registry, s.config, draw, result, seed,
                                    s.manifest("audit", {sample_}), s.report_context(), s.out_dir(),
                                    s.input_paths({sample_}), &err))
      return s.error(err), kExitBadInput;
    s.note(s.trf("term.audit_wrote", s.opts.out));
    return kExitOk;
  }

  int self_check_all(Session& s) const {
    if (!s.open_out_dir()) return kExitBadInput;
    SelfCheckResult result;
    self_check(s.registry, s.config, &result);
    std::fputs(selfcheck_text(s.registry, s.config.standards, result, s.lang()).c_str(), stdout);
    if (s.opts.out.empty()) return kExitOk;
    std::string err;
    if (!write_selfcheck_outputs(s.registry, s.config, result, s.manifest("audit"),
                                 s.report_context(), s.out_dir(), s.input_paths(), &err))
      return s.error(err), kExitBadInput;
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
