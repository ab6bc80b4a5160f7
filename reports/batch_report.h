// The report of `batch` (report.html and report.xlsx): the counties ranked by their pass
// probability, the expected number that fail with its interval, and the counties that did
// not load. Plain model out (reports/document.h), translated (reports/i18n).
#pragma once

#include "reports/common_report.h"
#include "reports/document.h"
#include "simulate/batch.h"

namespace kaoping {

/// Composes the batch report for `ctx.lang`.
report::Report compose_batch_report(const BatchResult& result, const ReportContext& ctx);

}  // namespace kaoping
