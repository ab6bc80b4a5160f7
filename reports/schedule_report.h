// The report of `schedule`: the day-by-day plan of the visits (which team, which village,
// which household, who leads and who interprets), an overview by day and team, and what the
// roster cannot cover; the words of the gaps (gaps.csv's detail too) and of the checker's
// problems; the files of `schedule`. Phone numbers stay out of the report: they are only in
// notifications.csv.
#pragma once

#include <string>
#include <vector>

#include "registry/registry.h"
#include "reports/common_report.h"
#include "reports/document.h"
#include "reports/i18n.h"
#include "reports/manifest.h"
#include "schedule/check.h"
#include "schedule/plan.h"
#include "schedule/schedule_config.h"

namespace kaoping {

/// Builds the schedule report from a plan made by plan_schedule.
report::Report compose_schedule_report(const Registry& reg, const ScheduleConfig& config,
                                       const Plan& plan, const ReportContext& ctx);

/// What a roster gap is, in one sentence of `lang`, made from the gap's figures. The
/// English sentence is gaps.csv's `detail` (SPEC §4), word for word as the office reads it.
std::string gap_detail(Lang lang, const Registry& reg, const Gap& gap);

/// A gap on one line for the terminal: "KIND: VILLAGE_ID HOUSEHOLD_ID: DETAIL", the kind as
/// in gaps.csv, the household only for a visit-level gap
/// ("no_guide: V2 H203: all 1 guides of the village lead other visits at 2017-09-05 09:50").
std::string gap_line(Lang lang, const Registry& reg, const Gap& gap);

/// One sentence for a rule that `plan` breaks (a problem found by check_plan), in `lang`.
/// Indices out of range show as "?": a broken plan is what it describes.
std::string plan_problem_text(Lang lang, const Registry& reg, const Plan& plan,
                              const PlanProblem& problem);

/// gaps.csv: kind, village_id, household_id, language, date, start, detail (the English
/// gap_detail). Only the header when nothing is missing.
std::string gaps_csv(const Registry& reg, const Plan& plan);

/// Writes the five files of `schedule` into `dir` (which must exist), each atomically:
/// schedule.csv, notifications.csv, itineraries.csv and schedule.ics (schedule/write.h) and
/// gaps.csv. `lang` ("zh" or "en") is the calendar's; `dtstamp` its creation time.
bool write_schedule(const std::string& dir, const Registry& reg, const Plan& plan,
                    const ScheduleConfig& config, const std::string& dtstamp,
                    const std::string& lang, std::string* err);

/// A household language code in words ("yi" → "彝语" / "Yi"); unknown codes as given.
std::string language_name(Lang lang, const std::string& code);

/// Reads the draw `sample`, plans it and proves the plan before anything is written: a
/// planner fault must never reach the field as a schedule that double-books someone. The
/// problems of the file go to *diag, the others (in `lang`) to *errors; false on any.
bool plan_draw(const Registry& reg, const ScheduleConfig& config, const std::string& sample,
               Lang lang, Plan* plan, Diagnostics* diag, std::vector<std::string>* errors);

/// Every file `schedule` writes into its directory.
inline constexpr const char* kScheduleOutputs[] = {
    "schedule.csv", "notifications.csv", "itineraries.csv",    "gaps.csv",     "schedule.ics",
    "report.html",  "report.xlsx",       "notifications.xlsx", "manifest.json"};

/// Writes what `schedule` writes: write_schedule's files, report.html, report.xlsx and
/// manifest.json, then notifications.xlsx, into `dir` (which exists). False and *err on failure.
bool write_schedule_outputs(const Registry& reg, const ScheduleConfig& config, const Plan& plan,
                            const std::string& dtstamp, const std::string& lang,
                            const Manifest& manifest, const ReportContext& ctx,
                            const std::string& dir, std::string* err);

}  // namespace kaoping
