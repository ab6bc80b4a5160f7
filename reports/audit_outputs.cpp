#include "reports/audit_outputs.h"

#include "reports/audit_report.h"
#include "sampler/tiers.h"
#include "util/csv.h"
#include "util/privacy.h"
#include "util/text.h"

namespace kaoping {
namespace {

std::string findings_names(uint16_t bits) {
  std::string out;
  for (int f = 0; f < kFindingCount; ++f) {
    if (!(bits & (1u << f))) continue;
    if (!out.empty()) out += ';';
    out += to_string(static_cast<Finding>(f));
  }
  return out;
}

std::vector<std::string> unit_header(bool village) {
  std::vector<std::string> head;
  if (village)
    head = {"village_id", "township_id", "name", "tier"};
  else
    head = {"township_id", "name"};
  for (const char* c : {"households", "flagged", "rule_flagged", "unverified"}) head.push_back(c);
  for (int f = 0; f < kFindingCount; ++f) head.emplace_back(to_string(static_cast<Finding>(f)));
  for (int k = 0; k < kRateCount; ++k)
    head.push_back(std::string(to_string(static_cast<Rate>(k))) + "_rate");
  head.push_back("passes");
  head.push_back("failed");
  return head;
}

void unit_cells(const UnitSummary& u, std::vector<std::string>* row) {
  row->push_back(std::to_string(u.households));
  row->push_back(std::to_string(u.flagged));
  row->push_back(std::to_string(u.rule_flagged));
  row->push_back(std::to_string(u.unverified));
  for (int f = 0; f < kFindingCount; ++f) row->push_back(std::to_string(u.count[f]));
  for (int k = 0; k < kRateCount; ++k) row->push_back(format_double(u.rates.value[k]));
  row->push_back(u.verdict.pass ? "1" : "0");
  std::string failed;
  for (const Criterion& c : u.verdict.failed) {
    if (!failed.empty()) failed += ';';
    failed += to_string(c.rate);
  }
  row->push_back(failed);
}

// findings.csv (SPEC §4): one row per finding; the detail is its English line.
std::string findings_csv(const Registry& reg, const std::vector<HouseholdFinding>& found) {
  const Households& h = reg.households;
  CsvWriter findings({"household_id", "village_id", "finding", "detail"});
  for (const HouseholdFinding& f : found)
    findings.row({h.id[f.household], h.village_id[f.household],
                  std::string(to_string(f.detail.finding)),
                  finding_detail_text(Lang::kEn, f.detail)});
  return findings.str();
}

}  // namespace

std::string sample_findings_csv(const Registry& reg, const StandardsConfig& s,
                                const AuditResult& result) {
  return findings_csv(reg, draw_findings(reg.households, s, result));
}

int sample_finding_count(const AuditResult& result) {
  int n = 0;
  for (const HouseholdAudit& a : result.households)
    for (int f = 0; f < kRuleFindingCount; ++f) n += a.has(static_cast<Finding>(f));
  return n;
}

std::string selfcheck_findings_csv(const Registry& reg, const SelfCheckResult& result) {
  return findings_csv(reg, result.findings);
}

std::string rates_csv(const Rates& r, const StandardsConfig& s) {
  CsvWriter w(
      {"rate", "value", "numerator", "denominator", "basis", "direction", "threshold", "holds"});
  for (int k = 0; k < kRateCount; ++k) {
    const Rate rate = static_cast<Rate>(k);
    const bool per_household = rate == Rate::kInconsistency || rate == Rate::kSatisfaction ||
                               s.rate_basis == RateBasis::kHousehold;
    std::string direction, threshold, holds;
    for (const Criterion& c : s.criteria) {
      if (c.rate != rate) continue;
      direction = c.below ? "below" : "above";
      threshold = format_double(c.threshold);
      holds.assign(1, c.holds(r.value[k]) ? '1' : '0');
    }
    w.row({std::string(to_string(rate)), format_double(r.value[k]), format_double(r.numerator[k]),
           format_double(r.denominator[k]), per_household ? "household" : "person", direction,
           threshold, holds});
  }
  return w.str();
}

std::string audit_households_csv(const Registry& reg, const Draw& draw, const AuditResult& result) {
  const Households& h = reg.households;
  CsvWriter households({"household_id", "village_id", "township_id", "tier", "category", "status",
                        "size", "role", "reserve_rank", "visit", "assessed_income", "approves",
                        "findings", "inclusion_prob", "weight"});
  std::vector<const HouseholdAudit*> by_row(draw.rows.size(), nullptr);
  for (const HouseholdAudit& a : result.households) by_row[a.row] = &a;
  for (std::size_t r = 0; r < draw.rows.size(); ++r) {
    const DrawRow& row = draw.rows[r];
    const std::size_t i = static_cast<std::size_t>(row.household);
    const HouseholdAudit* a = by_row[r];
    const Visit visit = result.field.visit[r];
    households.row({h.id[i], h.village_id[i], reg.townships[row.township].id,
                    std::string(to_string(row.tier)), std::string(to_string(row.category)),
                    std::string(to_string(h.status[i])), std::to_string(h.size[i]),
                    row.role == Role::kSample ? "sample" : "reserve",
                    row.role == Role::kReserve ? std::to_string(row.reserve_rank) : "",
                    visit == Visit::kSurveyed ? "surveyed"
                    : visit == Visit::kAbsent ? "absent"
                                              : "not_visited",
                    a ? format_double(a->assessed_income) : "",
                    a ? (a->approval > 0 ? "1" : "0") : "", a ? findings_names(a->findings) : "",
                    row.inclusion_prob > 0 ? format_double(row.inclusion_prob) : "",
                    row.inclusion_prob > 0 ? format_double(row.weight()) : ""});
  }
  return households.str();
}

std::string shortfalls_csv(const Registry& reg, const AuditResult& result) {
  CsvWriter shortfalls({"village_id", "category", "missing"});
  for (const Fieldwork::Shortfall& sf : result.field.shortfalls)
    shortfalls.row({reg.villages[sf.village].id, std::string(to_string(sf.category)),
                    std::to_string(sf.missing)});
  return shortfalls.str();
}

std::string selfcheck_villages_csv(const Registry& reg, const SelfCheckResult& result,
                                   const std::vector<Tier>& tiers) {
  CsvWriter villages(unit_header(true));
  for (const UnitSummary& u : result.villages) {
    const Village& v = reg.villages[u.unit];
    std::vector<std::string> row = {v.id, v.township_id, v.name,
                                    tiers.empty() ? "" : std::string(to_string(tiers[u.unit]))};
    unit_cells(u, &row);
    villages.row(row);
  }
  return villages.str();
}

std::string selfcheck_townships_csv(const Registry& reg, const SelfCheckResult& result) {
  CsvWriter townships(unit_header(false));
  for (const UnitSummary& u : result.townships) {
    const Township& t = reg.townships[u.unit];
    std::vector<std::string> row = {t.id, t.name};
    unit_cells(u, &row);
    townships.row(row);
  }
  return townships.str();
}

std::vector<std::pair<std::string, std::string>> sample_audit_files(const Registry& reg,
                                                                    const StandardsConfig& s,
                                                                    const Draw& draw,
                                                                    const AuditResult& result) {
  return {{"findings.csv", sample_findings_csv(reg, s, result)},
          {"rates.csv", rates_csv(result.rates, s)},
          {"households.csv", audit_households_csv(reg, draw, result)},
          {"shortfalls.csv", shortfalls_csv(reg, result)}};
}

std::string unverified_csv(const Registry& reg, const EvaluatorConfig& e,
                           const SelfCheckResult& result) {
  const Households& h = reg.households;
  CsvWriter w(
      {"household_id", "village_id", "township_id", "group_id", "status", "size", "fault_prior"});
  for (int i : result.unverified) {
    const int v = h.village[i];
    w.row({h.id[i], h.village_id[i], v >= 0 ? reg.villages[v].township_id : std::string(),
           h.group_id[i], std::string(to_string(h.status[i])), std::to_string(h.size[i]),
           format_double(fault_prior(h, static_cast<std::size_t>(i), e).p)});
  }
  return w.str();
}

std::vector<std::pair<std::string, std::string>> selfcheck_files(const Registry& reg,
                                                                 const EvaluationConfig& config,
                                                                 const SelfCheckResult& result,
                                                                 const std::vector<Tier>& tiers) {
  return {{"findings.csv", selfcheck_findings_csv(reg, result)},
          {"rates.csv", rates_csv(result.county.rates, config.standards)},
          {"villages.csv", selfcheck_villages_csv(reg, result, tiers)},
          {"townships.csv", selfcheck_townships_csv(reg, result)},
          {"unverified.csv", unverified_csv(reg, config.evaluator, result)}};
}

bool write_sample_audit_outputs(const Registry& reg, const EvaluationConfig& config,
                                const Draw& draw, const AuditResult& result, uint64_t seed,
                                Manifest manifest, const ReportContext& ctx, const std::string& dir,
                                const std::vector<std::string>& inputs, std::string* err) {
  manifest.has_seed = true;
  manifest.seed = seed;
  return write_run_outputs(sample_audit_files(reg, config.standards, draw, result),
                           compose_audit_report(reg, config, draw, result, ctx),
                           manifest_json(manifest), dir, inputs, err);
}

bool write_selfcheck_outputs(const Registry& reg, const EvaluationConfig& config,
                             const SelfCheckResult& result, const Manifest& manifest,
                             const ReportContext& ctx, const std::string& dir,
                             const std::vector<std::string>& inputs, std::string* err) {
  // Tiers for the village table; a registry whose labels do not cover every village under
  // tier_method: label simply shows no tier here (the self-check does not draw).
  std::vector<Tier> tiers;
  std::vector<double> index;
  Diagnostics tier_diag;
  if (!assign_tiers(reg, config.design, &tiers, &index, &tier_diag)) tiers.clear();
  return write_run_outputs(selfcheck_files(reg, config, result, tiers),
                           compose_selfcheck_report(reg, config, result, ctx),
                           manifest_json(manifest), dir, inputs, err);
}

std::string sample_findings_text(const Registry& reg, const StandardsConfig& s,
                                 const AuditResult& result, Lang lang) {
  const int rows = sample_finding_count(result);
  std::string text = trf(lang, "term.audit_findings", rows) + "\n";
  return scrub_personal_data(rows > 0 ? text + sample_findings_csv(reg, s, result) : text);
}

}  // namespace kaoping
