#include "reports/batch_outputs.h"

#include <fmt/format.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <numeric>

#include "reports/batch_report.h"
#include "util/csv.h"
#include "util/files.h"
#include "util/privacy.h"
#include "util/text.h"

namespace kaoping {
namespace {

std::string joined_errors(const BatchCounty& c) {
  std::string s;
  for (const std::string& e : c.errors) s += (s.empty() ? "" : "\n") + e;
  return s;
}

}  // namespace

std::vector<std::size_t> counties_by_risk(const BatchResult& result) {
  std::vector<std::size_t> order(result.counties.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    const BatchCounty& x = result.counties[a];
    const BatchCounty& y = result.counties[b];
    if (x.ok != y.ok) return x.ok;
    return x.ok && x.result.pass_probability < y.result.pass_probability;
  });
  return order;
}

std::string counties_csv(const BatchResult& result) {
  CsvWriter w({"county", "registry", "households", "pass_probability", "pass_ci95_low",
               "pass_ci95_high", "binding_criterion", "riskiest_township", "persons",
               "fail_probability", "runs", "error"});
  for (const BatchCounty& c : result.counties) {
    if (!c.ok) {
      w.row({c.county, c.registry, "", "", "", "", "", "", "", "", "", joined_errors(c)});
      continue;
    }
    const SimulationResult& r = c.result;
    w.row({c.county, c.registry, std::to_string(c.households), format_double(r.pass_probability),
           format_double(r.pass_ci95[0]), format_double(r.pass_ci95[1]), c.binding_criterion,
           c.riskiest_township_id, std::to_string(c.persons), format_double(c.fail_probability()),
           std::to_string(r.runs), ""});
  }
  return w.str();
}

std::string batch_json(const BatchResult& result) {
  using Json = nlohmann::ordered_json;
  Json counties = Json::array();
  for (const BatchCounty& c : result.counties) {
    Json x;
    x["county"] = c.county;
    x["registry"] = c.registry;
    if (!c.ok) {
      for (const char* k : {"households", "pass_probability", "pass_ci95_low", "pass_ci95_high",
                            "binding_criterion", "riskiest_township"})
        x[k] = nullptr;
      x["error"] = joined_errors(c);
      counties.push_back(std::move(x));
      continue;
    }
    const SimulationResult& r = c.result;
    x["households"] = c.households;
    x["pass_probability"] = r.pass_probability;
    x["pass_ci95_low"] = r.pass_ci95[0];
    x["pass_ci95_high"] = r.pass_ci95[1];
    x["binding_criterion"] =
        c.binding_criterion.empty() ? Json(nullptr) : Json(c.binding_criterion);
    x["riskiest_township"] =
        c.riskiest_township_id.empty() ? Json(nullptr) : Json(c.riskiest_township_id);
    x["persons"] = c.persons;
    x["fail_probability"] = c.fail_probability();
    x["runs"] = r.runs;
    Json criteria = Json::object();
    for (const CriterionStats& s : r.criteria)
      criteria[std::string(to_string(s.criterion.rate))] = {
          {"mean", s.mean},
          {"mean_se", s.mean_se},
          {"fail_probability", s.fail_probability},
          {"fail_ci95", {s.fail_ci95[0], s.fail_ci95[1]}}};
    x["criteria"] = std::move(criteria);
    counties.push_back(std::move(x));
  }
  const BatchExpectation& e = result.expectation;
  Json j;
  j["counties"] = std::move(counties);
  j["expected_failures"] = e.expected;
  j["expected_failures_ci95"] = {e.expected_ci95[0], e.expected_ci95[1]};
  j["failures_ci95"] = {e.failures_ci95[0], e.failures_ci95[1]};
  j["interval_method"] =
      "normal, 1.96 sd; expected_failures_ci95: Monte Carlo error sqrt(sum p(1-p)/runs); "
      "failures_ci95: counties independent, sqrt(sum p(1-p) + sum p(1-p)/runs)";
  j["counties_simulated"] = e.counties;
  j["counties_not_loaded"] = result.not_loaded;
  j["runs"] = result.runs;
  j["seed"] = result.seed;
  j["threads"] = result.threads;
  return j.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

std::string batch_summary_text(const BatchResult& result, Lang lang) {
  std::string s = trf(lang, "term.batch_head", result.counties.size(),
                      format_number(static_cast<double>(result.runs)), result.seed) +
                  "\n";
  for (std::size_t i : counties_by_risk(result)) {
    const BatchCounty& c = result.counties[i];
    if (!c.ok) {
      s += fmt::format("  {}  {}\n", pad_to_width(scrub_personal_data(c.county), 24),
                       tr(lang, "term.batch_not_loaded"));
      continue;
    }
    const SimulationResult& r = c.result;
    s += fmt::format(
        "  {} {:>7}  [{} – {}]  {}\n", pad_to_width(scrub_personal_data(c.county), 24),
        format_percent(r.pass_probability), format_percent(r.pass_ci95[0]),
        format_percent(r.pass_ci95[1]),
        r.binding >= 0 ? rate_name(lang, r.criteria[r.binding].criterion.rate) : std::string());
  }
  const BatchExpectation& e = result.expectation;
  s += '\n';
  s += trf(lang, "term.batch_expected", fmt::format("{:.2f}", e.expected), e.counties,
           fmt::format("{:.2f}", e.failures_ci95[0]), fmt::format("{:.2f}", e.failures_ci95[1]),
           fmt::format("{:.3f}", e.mc_se)) +
       "\n";
  if (result.not_loaded > 0) s += trf(lang, "term.batch_failed_load", result.not_loaded) + "\n";
  return s;
}

bool write_batch_outputs(const BatchResult& result, const std::string& json, Manifest m,
                         const ReportContext& ctx, const std::string& dir, std::string* err) {
  m.registry.clear();
  for (const BatchCounty& c : result.counties) {
    m.registry += (m.registry.empty() ? "" : ";") + c.registry;
    m.inputs.insert(m.inputs.end(), c.inputs.begin(), c.inputs.end());
  }
  m.has_seed = true;
  m.seed = result.seed;
  m.runs = result.runs;
  m.threads = result.threads;
  std::vector<std::string> inputs;
  for (const InputFile& f : m.inputs) inputs.push_back(f.path);
  return write_files_into(dir, {{"counties.csv", counties_csv(result)}, {"batch.json", json}},
                          inputs, err) &&
         write_report_set(compose_batch_report(result, ctx), manifest_json(m), dir, err);
}

}  // namespace kaoping
