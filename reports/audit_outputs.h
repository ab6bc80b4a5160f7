// The CSV files of `audit` (SPEC §4): findings, rates, and for a draw the households and
// shortfalls, for the self-check the villages and townships (the to-do lists).
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "audit/audit.h"
#include "audit/selfcheck.h"
#include "audit/standards.h"
#include "registry/registry.h"
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

}  // namespace kaoping
