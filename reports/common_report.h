// What every composed report states about its own run: the language, the command line,
// where the data came from and the program version (the colophon of report.html).
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "reports/document.h"
#include "reports/i18n.h"

namespace kaoping {

struct ReportContext {
  Lang lang = Lang::kZh;
  std::vector<std::string> argv;  ///< the whole command line
  std::string registry;           ///< registry directory; "" = the embedded default county
  std::string version;            ///< kaoping version
  /// The county the report is about: county.name, else the registry folder's name, else
  /// (embedded default county) "" and the report names the default county.
  std::string county;
  std::string date;  ///< the day the report was made, YYYY-MM-DD
};

/// The county as the report names it: ctx.county, or the default county's name.
std::string county_label(const ReportContext& ctx);

/// Names the county and the date on `report` (Report::stamp) and sets its colophon.
void stamp_report(const ReportContext& ctx, report::Report* report);

/// The colophon rows shared by every report: version, command line, registry, privacy note.
std::vector<std::pair<std::string, std::string>> base_colophon(const ReportContext& ctx);

/// "Only the first N of M rows are shown here; the full list is in report.xlsx."
std::string cut_note(Lang lang, std::size_t shown, std::size_t total);

/// Writes report.html and report.xlsx into `dir` (which must exist), each atomically.
/// False and *err on failure (a file already written is left in place).
bool write_report(const report::Report& report, const std::string& dir, std::string* err);

/// Writes report.html, report.xlsx and manifest.json into `dir` (which must exist).
bool write_report_set(const report::Report& report, const std::string& manifest_json,
                      const std::string& dir, std::string* err);

/// The context of a run's report: `county_name` (county.name), else the registry folder's
/// own name ("county/", "./county" and "." inside it all name it); today's date in China.
ReportContext make_report_context(Lang lang, const std::vector<std::string>& argv,
                                  const std::string& registry_dir, std::string county_name);

/// Writes `files` (name, content; personal data scrubbed), then report.html and report.xlsx,
/// then manifest.json when `manifest_json` is not empty, into `dir` (which exists); no file
/// replaces one of `inputs`. False and *err on failure.
bool write_run_outputs(const std::vector<std::pair<std::string, std::string>>& files,
                       const report::Report& report, const std::string& manifest_json,
                       const std::string& dir, const std::vector<std::string>& inputs,
                       std::string* err);

/// The standard as text: "低于 2%" / "below 2%", "高于 90%" / "above 90%".
std::string standard_text(Lang lang, bool below, double threshold);

}  // namespace kaoping
