// The report of `simulate` (report.html and report.xlsx): the verdict first — the pass
// probability with its interval and the criterion most likely to fail — then each rate's
// distribution against its standard, where the risk sits (townships, villages), the
// households to fix first and what fixing them buys (the what-if), and the OC curve of the
// design.
#pragma once

#include <string>
#include <vector>

#include "audit/oc_curve.h"
#include "registry/registry.h"
#include "reports/common_report.h"
#include "reports/document.h"
#include "sampler/design.h"
#include "simulate/simulation.h"

namespace kaoping {

/// Monte Carlo replicates per point of the report's OC curves, used only on the person basis
/// when a design is too large for the exact computation (kOcExactCellLimit): a standard
/// error of at most 0.005 per point.
inline constexpr int64_t kOcCurveRuns = 10000;

/// The OC curves the simulate report shows: one per criterion of standards.criteria with a
/// "below" threshold (wrong_exit, omission, ...), over true rates from 0 to twice the
/// largest such threshold (0–4% for the 2% standards), 41 points, computed exactly, or,
/// beyond kOcExactCellLimit on the person basis, with `runs` Monte Carlo replicates per
/// point seeded with `seed` (compute_oc_curve).
bool design_oc_curves(const Registry& reg, const EvaluationConfig& config, uint64_t seed,
                      int64_t runs, std::vector<OcCurve>* out, std::string* err);

/// Rows of the household table: households found at fault in at least one replicate,
/// highest priority first (fault in failing replicates, then fault, then registry order).
std::vector<int> households_by_priority(const SimulationResult& result);

/// Builds the simulate report. `top_households` rows of the household table are shown in
/// the page (all of them in the workbook).
report::Report compose_simulate_report(const Registry& reg, const EvaluationConfig& config,
                                       const Design& design, const SimulationResult& result,
                                       const std::vector<OcCurve>& oc_curves,
                                       const ReportContext& ctx, std::size_t top_households = 20);

}  // namespace kaoping
