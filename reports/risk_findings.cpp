#include "reports/risk_findings.h"

#include <fmt/format.h>

#include "audit/findings.h"
#include "reports/audit_report.h"
#include "util/text.h"

namespace kaoping {
namespace {

uint8_t bit(Finding f) {
  return static_cast<uint8_t>(1u << static_cast<int>(f));
}

// A probability in a sentence: a decimal with three significant digits (0.0123).
std::string probability(double p) {
  return fmt::format("{:.3g}", p);
}

}  // namespace

RiskFindings risk_findings(const Households& h, std::size_t i, const EvaluationConfig& config,
                           bool found_at_fault) {
  RiskFindings r;
  r.rule_class = classify(h, i, config.standards, config.evaluator.income_noise);
  const RuleClass& c = r.rule_class;
  const double p_rich = 1 - c.p_not_rich;
  r.rules = c.always;
  if (c.p_below >= kListedRuleProbability) r.rules |= c.below;
  if (p_rich >= kListedRuleProbability) r.rules |= c.rich;
  const FaultPrior prior = fault_prior(h, i, config.evaluator);
  r.fault_p = prior.p;
  r.unverified = prior.p > 0;
  // Found at fault with nothing above to explain it: a rare income assessment did it.
  if (found_at_fault && r.rules == 0 && !r.unverified) {
    if (c.p_below > 0) r.rules |= c.below;
    if (p_rich > 0) r.rules |= c.rich;
  }
  return r;
}

std::string risk_finding_codes(const RiskFindings& r) {
  std::string out;
  for (int f = 0; f < kRuleFindingCount; ++f) {
    if (!(r.rules & bit(static_cast<Finding>(f)))) continue;
    if (!out.empty()) out += ';';
    out += to_string(static_cast<Finding>(f));
  }
  if (r.unverified) out += out.empty() ? "unverified" : ";unverified";
  return out;
}

std::string risk_finding_names(Lang lang, const RiskFindings& r) {
  std::string out;
  const std::string sep = lang == Lang::kEn ? "; " : "、";
  for (int f = 0; f < kRuleFindingCount; ++f) {
    if (!(r.rules & bit(static_cast<Finding>(f)))) continue;
    if (!out.empty()) out += sep;
    out += finding_name(lang, static_cast<Finding>(f));
  }
  if (r.unverified) out += (out.empty() ? "" : sep) + tr(lang, "risk.unverified");
  return out;
}

std::string risk_detail_text(Lang lang, const Households& h, std::size_t i,
                             const EvaluationConfig& config, const RiskFindings& r) {
  std::string out;
  auto add = [&](const std::string& phrase) {
    if (phrase.empty()) return;
    if (!out.empty()) out += tr(lang, "audit.detail.sep");
    out += phrase;
  };
  const RuleClass& c = r.rule_class;
  const double line = config.standards.line();
  for (int k = 0; k < kRuleFindingCount; ++k) {
    const Finding f = static_cast<Finding>(k);
    if (!(r.rules & bit(f))) continue;
    if (rule_fires(h, i, f, config.standards, h.income[i])) {
      add(finding_detail_text(lang, finding_detail(h, i, f, config.standards, h.income[i])));
    } else if (c.below & bit(f)) {
      add(trf(lang, "risk.may_be_below", format_double(h.income[i]), format_double(line),
              probability(c.p_below)));
    } else if (c.rich & bit(f)) {
      add(trf(lang, "risk.may_be_rich", format_double(h.income[i]),
              format_double(config.standards.mis_inclusion_income_multiple * line),
              probability(1 - c.p_not_rich)));
    }
  }
  if (r.unverified) add(trf(lang, "risk.unverified_detail", probability(r.fault_p)));
  return out;
}

}  // namespace kaoping
