#include "reports/common_report.h"

#include <fmt/format.h>

#include <filesystem>

#include "reports/html.h"
#include "reports/xlsx.h"
#include "util/date.h"
#include "util/files.h"
#include "util/privacy.h"

namespace kaoping {

std::vector<std::pair<std::string, std::string>> base_colophon(const ReportContext& ctx) {
  std::string command;
  for (const std::string& a : ctx.argv) {
    if (!command.empty()) command += ' ';
    command += a.find_first_of(" \t\"'") == std::string::npos ? a : fmt::format("'{}'", a);
  }
  return {
      {tr(ctx.lang, "colophon.version"), ctx.version},
      {tr(ctx.lang, "colophon.command"), command},
      {tr(ctx.lang, "colophon.registry"),
       ctx.registry.empty() ? tr(ctx.lang, "colophon.default_registry") : ctx.registry},
      {tr(ctx.lang, "colophon.privacy"), tr(ctx.lang, "colophon.privacy_text")},
  };
}

std::string county_label(const ReportContext& ctx) {
  return ctx.county.empty() ? tr(ctx.lang, "common.default_county") : ctx.county;
}

void stamp_report(const ReportContext& ctx, report::Report* report) {
  report->stamp = trf(ctx.lang, "common.stamp", county_label(ctx), ctx.date);
  report->colophon = base_colophon(ctx);
  report->colophon.insert(report->colophon.begin(),
                          {{tr(ctx.lang, "colophon.county"), county_label(ctx)},
                           {tr(ctx.lang, "colophon.date"), ctx.date}});
}

std::string cut_note(Lang lang, std::size_t shown, std::size_t total) {
  return fmt::format(fmt::runtime(tr(lang, "common.cut")), shown, total);
}

bool write_report(const report::Report& report, const std::string& dir, std::string* err) {
  const std::filesystem::path d(dir);
  return write_html(report, (d / "report.html").string(), err) &&
         write_xlsx(report, (d / "report.xlsx").string(), err);
}

std::string standard_text(Lang lang, bool below, double threshold) {
  // Thresholds such as 0.02 and 0.9 read best with as few decimals as they need.
  std::string pct = fmt::format("{:.2f}", threshold * 100);
  while (pct.back() == '0') pct.pop_back();
  if (pct.back() == '.') pct.pop_back();
  return tr(lang, below ? "dir.below" : "dir.above") + (lang == Lang::kEn ? " " : "") + pct + "%";
}

bool write_report_set(const report::Report& report, const std::string& manifest_json,
                      const std::string& dir, std::string* err) {
  return write_report(report, dir, err) &&
         write_file_atomic((std::filesystem::path(dir) / "manifest.json").string(), manifest_json,
                           err);
}

ReportContext make_report_context(Lang lang, const std::vector<std::string>& argv,
                                  const std::string& registry_dir, std::string county_name) {
  if (county_name.empty() && !registry_dir.empty()) {
    // The folder's own name: "county/", "./county" and "." (inside it) all name it.
    std::filesystem::path dir = std::filesystem::absolute(registry_dir).lexically_normal();
    if (dir.filename().empty()) dir = dir.parent_path();
    county_name = dir.filename().string();
  }
  return {lang, argv, registry_dir, KAOPING_VERSION, county_name, today_in_china().str()};
}

bool write_run_outputs(const std::vector<std::pair<std::string, std::string>>& files,
                       const report::Report& report, const std::string& manifest_json,
                       const std::string& dir, const std::vector<std::string>& inputs,
                       std::string* err) {
  std::vector<std::pair<std::string, std::string>> scrubbed = files;  // no full ID, no phone
  for (auto& [name, content] : scrubbed) {
    // report.txt is the terminal summary, scrubbed as it is composed (all but its seed).
    if (name == "report.txt") continue;
    const bool json = name.size() > 5 && name.compare(name.size() - 5, 5, ".json") == 0;
    content = json ? scrub_json_strings(content) : scrub_personal_data(content);
  }
  if (!write_files_into(dir, scrubbed, inputs, err)) return false;
  return manifest_json.empty() ? write_report(report, dir, err)
                               : write_report_set(report, manifest_json, dir, err);
}

}  // namespace kaoping
