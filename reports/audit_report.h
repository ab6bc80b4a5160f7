// The reports of `audit`: for `--all` (the county's self-check) the county profile
// (DOMAIN.md "六个清": households and persons by cause, attribute, housing, labour, age band
// and township), the rates over every household, the to-do list by village and the
// households with findings; for `--sample` the verdict on the draw, its rates and findings.
#pragma once

#include <string>

#include "audit/audit.h"
#include "audit/findings.h"
#include "audit/selfcheck.h"
#include "registry/registry.h"
#include "reports/common_report.h"
#include "reports/document.h"
#include "reports/i18n.h"
#include "sampler/draw.h"

namespace kaoping {

/// Age bands of the profile (years): 0–5, 6–15 (compulsory schooling), 16–59, 60 and over.
inline constexpr int kAgeBandCount = 4;
/// Band of an age in years (>= 0); -1 when unknown (age < 0).
int age_band(int age);

/// What a finding rests on, in one line of `lang` made from its figures and codes: its
/// phrases joined by "; " (en) or "；" (zh), e.g. "income 3100 < line 3335; housing C" and
/// "收入 3100 低于标准线 3335；住房C级（危房）". The English line is findings.csv's `detail`
/// (SPEC §4), word for word as the office's scripts read it; "" when nothing is shown.
std::string finding_detail_text(Lang lang, const FindingDetail& detail);

/// The `audit --all` report. The page lists the first `page_rows` villages of the to-do
/// list and households with findings; the workbook has them all.
report::Report compose_selfcheck_report(const Registry& reg, const EvaluationConfig& config,
                                        const SelfCheckResult& result, const ReportContext& ctx,
                                        std::size_t page_rows = 30);

/// The `audit --sample` report: the verdict on this draw, the rates with their parts, the
/// villages' shortfalls and every finding.
report::Report compose_audit_report(const Registry& reg, const EvaluationConfig& config,
                                    const Draw& draw, const AuditResult& result,
                                    const ReportContext& ctx);

}  // namespace kaoping
