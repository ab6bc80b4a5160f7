// The report of `prioritize` (report.html and report.xlsx): the pass probability as it is and
// after the plan, the curve of both plans (what each further action buys given the earlier
// ones), the actions by township and village, and a printable list per village of whom to
// visit or whose record to put right, and why.
#pragma once

#include "audit/standards.h"
#include "registry/registry.h"
#include "reports/common_report.h"
#include "reports/document.h"
#include "simulate/prioritize.h"

namespace kaoping {

report::Report compose_prioritize_report(const Registry& reg, const EvaluationConfig& config,
                                         const PrioritizeResult& result, const ReportContext& ctx);

}  // namespace kaoping
