// The outputs of `prioritize` (SPEC §4): priorities.csv, the --json summary and the terminal
// summary. Plain structs in (PrioritizeResult, the registry, the configuration), text out.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "audit/standards.h"
#include "registry/registry.h"
#include "reports/common_report.h"
#include "reports/i18n.h"
#include "reports/manifest.h"
#include "simulate/prioritize.h"

namespace kaoping {

/// What an action is about: the findings of priorities.csv's `finding` (`;`-separated §3
/// names; a verify action's start with `unverified`) and its English `detail`.
struct ActionWhy {
  uint8_t rules = 0;  ///< rule findings (bits 1 << Finding) the record can break
  bool unverified = false;
  std::string finding;
  std::string detail;
};
/// For a fix: every rule finding the record can break (whatever the income draw, or with
/// the evaluator's income error); for a verify: `unverified`, then the rules the record
/// already breaks whatever the draw. The detail says why, as findings.csv does, and for a
/// verify the probability that the evaluators find the household at fault.
ActionWhy action_why(const Registry& reg, const EvaluationConfig& config, int household);

/// "fix" or "verify".
std::string_view to_string(ActionKind a);

/// priorities.csv: rank, action, household_id, township_id, village_id, group_id, status,
/// finding, detail, pass_probability, ci95_low, ci95_high, gain — rank 0 the county as it
/// is (action and household empty), then the kept plan's actions in order.
std::string priorities_csv(const PrioritizeResult& r, const Registry& reg,
                           const EvaluationConfig& config);

/// The --json summary: before, after, actions, target_reached, steps[{rank, action,
/// household_id, township_id, village_id, status, finding, pass_probability, ci95, gain}],
/// then plan ("greedy" | "priority_ranking"), target (null when none), greedy_after,
/// ranking_after, exhausted, runs, seed, threads, failing_replicates,
/// failing_replicates_kept, subsample_stride, fault_entries, memory_bytes,
/// simulate_seconds, plan_seconds, actions_per_second.
std::string prioritize_json(const PrioritizeResult& r, const Registry& reg,
                            const EvaluationConfig& config);

/// What `prioritize --out` writes beside the report and the manifest: priorities.csv,
/// summary.json (the given --json `summary`) and report.txt (the terminal summary `text`,
/// personal data scrubbed).
std::vector<std::pair<std::string, std::string>> prioritize_files(const PrioritizeResult& r,
                                                                  const Registry& reg,
                                                                  const EvaluationConfig& config,
                                                                  const std::string& summary,
                                                                  const std::string& text);

/// The terminal summary: before and after, the plan kept and why, the target, the first
/// actions, the recorded data and the speed.
std::string prioritize_summary_text(const PrioritizeResult& r, const Registry& reg, Lang lang,
                                    std::size_t shown = 20);

/// Writes what `prioritize --out` writes into `dir` (which exists): prioritize_files,
/// report.html, report.xlsx and manifest.json (`manifest` with the run's seed, runs and
/// threads); no file replaces one of `inputs`. False and *err on failure.
bool write_prioritize_outputs(const PrioritizeResult& r, const Registry& reg,
                              const EvaluationConfig& config, const std::string& summary,
                              const std::string& text, Manifest manifest, const ReportContext& ctx,
                              const std::string& dir, const std::vector<std::string>& inputs,
                              std::string* err);

}  // namespace kaoping
