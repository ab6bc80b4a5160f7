// `prioritize` (SPEC §4): with the visits and corrections the county can still make before
// the evaluators come, what to do first. One rehearsal records, for each failing replicate,
// its rate sums and the compact list of households found at fault with their findings; a
// greedy choice of actions then re-evaluates only the failing replicates (common random
// numbers: no draw is re-run), and simulate's priority ranking (--fix-top) is measured on
// the same replicates. The better of the two plans at the budget is kept.
//
// Memory: the failing replicates of at most kMaxRecordedRuns replicates are kept (every
// replicate up to that many runs; beyond, every stride-th replicate, stride =
// ceil(runs / kMaxRecordedRuns)), each with its rate sums (14 numbers) and 5 bytes per
// household found at fault. With a stride above 1 the gains are estimated on the kept
// replicates and scaled to all of them; rank 0 is always exact.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "audit/standards.h"
#include "registry/registry.h"
#include "sampler/design.h"
#include "simulate/simulation.h"

namespace kaoping {

/// Replicates whose failures are recorded in full; above it a systematic subsample.
inline constexpr int64_t kMaxRecordedRuns = int64_t{1} << 18;

/// What `prioritize` is asked.
struct PrioritizeOptions {
  /// The rehearsal (runs, seed, threads, and the conditions when they come): passed through
  /// to run_simulation as given, with household_attribution, record_findings and observer set.
  SimulationOptions simulation;
  int budget = 100;   ///< most actions, >= 1
  double target = 0;  ///< in (0, 1]: stop once the pass probability reaches it; 0 = none
  /// Replicates whose failures are all kept; above it every stride-th (>= 1).
  int64_t max_recorded_runs = kMaxRecordedRuns;
};

/// What one action does: `fix` puts a household's record right (its rule findings no longer
/// fire); `verify` visits an unverified household (its fault-prior term goes, and what the
/// visit finds is put right). A household is one action at most: `verify` when unverified,
/// `fix` otherwise. Either way the household's findings no longer count, as with --fix.
enum class ActionKind { kFix, kVerify };

/// One step of a plan: the action and the pass probability after it and all before it.
struct PriorityStep {
  int household = -1;  ///< index into Registry::households
  ActionKind action = ActionKind::kFix;
  int64_t flipped = 0;                ///< recorded failing replicates turned passing by it
  double pass_probability = 0;        ///< after this step, in [0, 1]
  std::array<double, 2> pass_ci95{};  ///< Wilson 95%
  double gain = 0;                    ///< increase of pass_probability over the step before
};

/// A plan: its steps in order. `reached` is the number of steps after which the pass
/// probability first reaches the target (0 when the county as it is reaches it; -1 when
/// the plan does not, or no target was given); the plan ends there.
struct PriorityPlan {
  std::vector<PriorityStep> steps;
  int reached = -1;
  /// The last step's pass probability (rank 0's when there is no step).
  double after = 0;
};

struct PrioritizeResult {
  SimulationResult simulation;  ///< the rehearsal of the county as it is (rank 0)
  int budget = 0;
  double target = 0;
  PriorityPlan greedy;   ///< the greedy plan
  PriorityPlan ranking;  ///< simulate's priority ranking (--fix-top budget)
  bool chose_greedy = true;
  const PriorityPlan& chosen() const { return chose_greedy ? greedy : ranking; }
  bool target_reached = false;  ///< a target was given and the chosen plan reaches it
  /// The greedy stopped before the budget: no household left was found at fault in any
  /// still-failing replicate (the rest fail for reasons no action removes).
  bool exhausted = false;
  // The recorded data.
  int64_t failing = 0;           ///< failing replicates of the rehearsal
  int64_t failing_recorded = 0;  ///< ... of them kept
  int64_t stride = 1;            ///< every stride-th replicate kept (1 = all)
  int64_t fault_entries = 0;     ///< households found at fault, summed over kept replicates
  std::size_t memory_bytes = 0;  ///< of the kept data
  // Speed.
  double simulate_seconds = 0;    ///< the rehearsal (replicate loop)
  double plan_seconds = 0;        ///< both plans on the kept replicates
  double actions_per_second = 0;  ///< greedy steps / seconds spent choosing them
};

/// Runs the rehearsal and both plans. False and *err on bad options, a design that cannot
/// be drawn, or a criterion on a fault rate that is not an upper bound (then removing a
/// fault could make a replicate fail, and the greedy's premise does not hold).
bool run_prioritize(const Registry& reg, const EvaluationConfig& config, const Design& design,
                    const PrioritizeOptions& options, PrioritizeResult* out, std::string* err);

/// The action of household i (verify when unverified, else fix).
ActionKind action_of(const Households& h, std::size_t i);

}  // namespace kaoping
