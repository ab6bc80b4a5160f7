// The report of `schedule`: the day-by-day plan of the visits (which team, which village,
// which household, who leads and who interprets), an overview by day and team, and what the
// roster cannot cover. Phone numbers stay out: they are only in notifications.csv.
#pragma once

#include "registry/registry.h"
#include "reports/common_report.h"
#include "reports/document.h"
#include "schedule/plan.h"
#include "schedule/schedule_config.h"

namespace kaoping {

/// Builds the schedule report from a plan made by plan_schedule.
report::Report compose_schedule_report(const Registry& reg, const ScheduleConfig& config,
                                       const Plan& plan, const ReportContext& ctx);

/// A roster gap's detail (Gap::detail of schedule/plan.h, one English sentence) in the
/// report's language; unknown sentences are kept as they are.
std::string localize_gap_detail(Lang lang, const std::string& detail);

/// A household language code in words ("yi" → "彝语" / "Yi"); unknown codes as given.
std::string language_name(Lang lang, const std::string& code);

}  // namespace kaoping
