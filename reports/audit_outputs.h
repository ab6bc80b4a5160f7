// The CSV files of `audit` (SPEC §4): findings, rates, and for a draw the households and
// shortfalls, for the self-check the villages and townships (the to-do lists).
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "audit/audit.h"
#include "audit/selfcheck.h"
#include "audit/standards.h"
#include "registry/registry.h"
#include "reports/common_report.h"
#include "reports/i18n.h"
#include "reports/manifest.h"
#include "sampler/draw.h"

namespace kaoping {

/// findings.csv of a draw: one row per surveyed household and rule finding.
std::string sample_findings_csv(const Registry& reg, const StandardsConfig& s,
                                const AuditResult& result);
/// Number of rows of sample_findings_csv (the findings of a draw).
int sample_finding_count(const AuditResult& result);

/// findings.csv of the self-check: one row per household and finding, readiness included.
std::string selfcheck_findings_csv(const Registry& reg, const SelfCheckResult& result);

/// rates.csv: every rate of SPEC §3 with its parts and, when it is a criterion, the test.
std::string rates_csv(const Rates& r, const StandardsConfig& s);

/// households.csv of a draw: every row of the draw with what the visit found.
std::string audit_households_csv(const Registry& reg, const Draw& draw, const AuditResult& result);

/// shortfalls.csv of a draw: the villages and categories whose reserve ran out.
std::string shortfalls_csv(const Registry& reg, const AuditResult& result);

/// villages.csv of the self-check, worst first; `tiers` empty when they cannot be assigned.
std::string selfcheck_villages_csv(const Registry& reg, const SelfCheckResult& result,
                                   const std::vector<Tier>& tiers);

/// townships.csv of the self-check, worst first.
std::string selfcheck_townships_csv(const Registry& reg, const SelfCheckResult& result);

/// What `audit --sample --out` writes beside the report and the manifest: findings.csv,
/// rates.csv, households.csv, shortfalls.csv.
std::vector<std::pair<std::string, std::string>> sample_audit_files(const Registry& reg,
                                                                    const StandardsConfig& s,
                                                                    const Draw& draw,
                                                                    const AuditResult& result);

/// unverified.csv of the self-check: the households nobody verified, village by village, with
/// the probability that the evaluators find each at fault (its fault prior) — a visiting
/// list.
std::string unverified_csv(const Registry& reg, const EvaluatorConfig& e,
                           const SelfCheckResult& result);

/// What `audit --all --out` writes beside the report and the manifest: findings.csv,
/// rates.csv, villages.csv, townships.csv, unverified.csv.
std::vector<std::pair<std::string, std::string>> selfcheck_files(const Registry& reg,
                                                                 const EvaluationConfig& config,
                                                                 const SelfCheckResult& result,
                                                                 const std::vector<Tier>& tiers);

/// Writes what `audit --sample FILE --out DIR` writes into `dir` (which exists):
/// sample_audit_files, report.html, report.xlsx and manifest.json (`manifest` with `seed`);
/// no file replaces one of `inputs`. False and *err on failure.
bool write_sample_audit_outputs(const Registry& reg, const EvaluationConfig& config,
                                const Draw& draw, const AuditResult& result, uint64_t seed,
                                Manifest manifest, const ReportContext& ctx, const std::string& dir,
                                const std::vector<std::string>& inputs, std::string* err);

/// Writes what `audit --all --out DIR` writes into `dir` (which exists): selfcheck_files (the
/// villages' tiers when the registry's labels cover them, else none), report.html,
/// report.xlsx and manifest.json; no file replaces one of `inputs`. False and *err on failure.
bool write_selfcheck_outputs(const Registry& reg, const EvaluationConfig& config,
                             const SelfCheckResult& result, const Manifest& manifest,
                             const ReportContext& ctx, const std::string& dir,
                             const std::vector<std::string>& inputs, std::string* err);

/// What `audit --sample FILE` without --out prints after the audit: the number of findings,
/// then findings.csv when there are any.
std::string sample_findings_text(const Registry& reg, const StandardsConfig& s,
                                 const AuditResult& result, Lang lang);

}  // namespace kaoping
