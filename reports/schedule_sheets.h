// The schedule's pages and sheets for the people in the field: the roster gaps summed per
// village and need ("茶湾村需傈僳语翻译 1 人，9月8日17:20–9月10日10:30"), one printable sheet
// per team and per village, the itineraries and notification lists as workbook sheets with
// real date and time cells, and notifications.xlsx (one sheet per village, to print).
#pragma once

#include <string>
#include <vector>

#include "registry/registry.h"
#include "reports/common_report.h"
#include "reports/document.h"
#include "reports/i18n.h"
#include "schedule/plan.h"
#include "schedule/schedule_config.h"

namespace kaoping {

/// "乡镇·村" / "Township · Village": a village named with its township.
std::string village_label(Lang lang, const Registry& reg, int village);

/// "9月8日17:20" / "8 Sep 17:20".
std::string day_time_text(Lang lang, const Date& date, int minutes);

/// The gaps summed per village and need: interpreters per language and guides, each with
/// the people missing at once (the most visits uncovered at the same time), the time from
/// the first such visit's start to the last one's end and the visits concerned; households
/// without a group contact per village; villages short of guides.
report::Table gap_summary_table(Lang lang, const Registry& reg, const Plan& plan);

/// Every notification (sample households, then reserves told to stand by) as a workbook
/// sheet, phones as text; `village` >= 0 keeps that village's only.
report::Table notifications_table(Lang lang, const Registry& reg, const Plan& plan,
                                  int village = -1);

/// itineraries.csv as a workbook sheet.
report::Table itineraries_table(Lang lang, const Registry& reg, const Plan& plan,
                                const ScheduleConfig& config);

/// One printable section per team (its visits day by day), each from a new page.
std::vector<report::Section> team_sheets(Lang lang, const Registry& reg,
                                         const ScheduleConfig& config, const Plan& plan);

/// One printable section per village visited (households, times, guide, interpreter,
/// who notifies, reserves on standby), each from a new page.
std::vector<report::Section> village_sheets(Lang lang, const Registry& reg, const Plan& plan);

/// notifications.xlsx: one sheet per village visited, for its contacts to print.
report::Report compose_notifications_workbook(const Registry& reg, const Plan& plan,
                                              const ReportContext& ctx);

}  // namespace kaoping
