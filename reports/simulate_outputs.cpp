#include "reports/simulate_outputs.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <numeric>

#include "reports/risk_findings.h"
#include "reports/simulate_report.h"
#include "simulate/priority.h"
#include "util/csv.h"
#include "util/privacy.h"
#include "util/text.h"

namespace kaoping {
namespace {

std::string share(int64_t part, int64_t whole) {
  return whole > 0 ? format_double(static_cast<double>(part) / static_cast<double>(whole))
                   : std::string();
}
std::string freq(int64_t part, int64_t whole) {
  return whole > 0 ? format_double(static_cast<double>(part) / static_cast<double>(whole))
                   : std::string("0");
}

/// An end of a unit's interval of pass probability when sampled; empty when never sampled.
std::string interval_end(const UnitRisk& u, int end) {
  return u.sampled > 0 ? format_double(u.pass_ci95[end]) : std::string();
}

}  // namespace

std::string simulation_summary_json(const SimulationResult& r, const Registry& reg) {
  using Json = nlohmann::ordered_json;
  Json j;
  j["runs"] = r.runs;
  j["seed"] = r.seed;
  j["threads"] = r.threads;
  j["pass_probability"] = r.pass_probability;
  j["pass_ci95"] = {r.pass_ci95[0], r.pass_ci95[1]};
  Json criteria = Json::object();
  for (const CriterionStats& c : r.criteria) {
    Json x;
    x["direction"] = c.criterion.below ? "below" : "above";
    x["threshold"] = c.criterion.threshold;
    x["mean"] = c.mean;
    x["mean_se"] = c.mean_se;
    x["p05"] = c.p05;
    x["p50"] = c.p50;
    x["p95"] = c.p95;
    x["fail_probability"] = c.fail_probability;
    x["fail_ci95"] = {c.fail_ci95[0], c.fail_ci95[1]};
    criteria[std::string(to_string(c.criterion.rate))] = std::move(x);
  }
  j["criteria"] = std::move(criteria);
  j["elapsed_seconds"] = r.elapsed_seconds;
  j["replicates_per_second"] = r.replicates_per_second;
  if (r.binding >= 0)
    j["binding_criterion"] = std::string(to_string(r.criteria[r.binding].criterion.rate));
  else
    j["binding_criterion"] = nullptr;
  j["runs_requested"] = r.runs_requested;
  j["stopped_early"] = r.stopped_early;
  if (r.has_what_if) {
    const WhatIf& w = r.what_if;
    Json x;
    Json ids = Json::array();
    for (int i : w.fixed) ids.push_back(reg.households.id[i]);
    x["fixed_households"] = std::move(ids);
    x["pass_probability"] = w.pass_probability;
    x["pass_ci95"] = {w.pass_ci95[0], w.pass_ci95[1]};
    x["difference"] = w.difference;
    x["difference_ci95"] = {w.difference_ci95[0], w.difference_ci95[1]};
    x["gained"] = w.gained;
    x["lost"] = w.lost;
    j["what_if"] = std::move(x);
  }
  const Condition& c = r.condition;
  if (c.kind == ConditionKind::kTownships) {
    Json ids = Json::array();
    for (int t : c.townships) ids.push_back(reg.townships[t].id);
    j["given"] = {{"townships", std::move(ids)}};
  } else if (c.kind == ConditionKind::kVillages) {
    Json ids = Json::array();
    for (int v : c.villages) ids.push_back(reg.villages[v].id);
    j["given"] = {{"villages", std::move(ids)}};
  } else if (c.kind == ConditionKind::kSample) {
    j["given"] = {{"sample", {{"file", c.file}, {"sha256", c.sha256}}}};
  }
  if (!r.sensitivity.empty()) {
    Json list = Json::array();
    for (const SensitivityEntry& e : r.sensitivity) {
      Json x;
      x["key"] = e.key;
      x["low"] = e.low;
      x["high"] = e.high;
      x["pass_low"] = e.pass_low;
      x["pass_high"] = e.pass_high;
      x["pass_low_ci95"] = {e.pass_low_ci95[0], e.pass_low_ci95[1]};
      x["pass_high_ci95"] = {e.pass_high_ci95[0], e.pass_high_ci95[1]};
      list.push_back(std::move(x));
    }
    j["sensitivity"] = std::move(list);
  }
  return j.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

std::string risk_townships_csv(const SimulationResult& r, const Registry& reg,
                               const std::vector<double>& township_pi) {
  std::vector<int64_t> households(reg.townships.size(), 0);
  for (std::size_t i = 0; i < reg.households.count(); ++i) {
    const int v = reg.households.village[i];
    if (v >= 0 && reg.villages[v].township >= 0) ++households[reg.villages[v].township];
  }
  CsvWriter w({"township_id", "name", "inclusion_freq", "pass_prob_if_sampled",
               "pass_prob_ci95_low", "pass_prob_ci95_high", "sampled_runs", "design_pi",
               "households"});
  for (std::size_t t = 0; t < reg.townships.size(); ++t) {
    const UnitRisk& u = r.townships[t];
    w.row({reg.townships[t].id, reg.townships[t].name, freq(u.sampled, r.runs),
           share(u.sampled_pass, u.sampled), interval_end(u, 0), interval_end(u, 1),
           std::to_string(u.sampled), format_double(t < township_pi.size() ? township_pi[t] : 0.0),
           std::to_string(households[t])});
  }
  return w.str();
}

std::string risk_villages_csv(const SimulationResult& r, const Registry& reg,
                              const std::vector<Tier>& village_tier) {
  CsvWriter w({"village_id", "township_id", "name", "tier", "inclusion_freq",
               "pass_prob_if_sampled", "pass_prob_ci95_low", "pass_prob_ci95_high",
               "sampled_runs"});
  for (std::size_t v = 0; v < reg.villages.size(); ++v) {
    const UnitRisk& u = r.villages[v];
    w.row({reg.villages[v].id, reg.villages[v].township_id, reg.villages[v].name,
           v < village_tier.size() ? std::string(to_string(village_tier[v])) : std::string(),
           freq(u.sampled, r.runs), share(u.sampled_pass, u.sampled), interval_end(u, 0),
           interval_end(u, 1), std::to_string(u.sampled)});
  }
  return w.str();
}

std::string risk_households_csv(const SimulationResult& r, const Registry& reg,
                                const EvaluationConfig& config) {
  const Households& h = reg.households;
  const int64_t failing = r.runs - r.passes;
  const std::vector<int> order = households_by_priority(r);
  std::vector<uint8_t> fixed(h.count(), 0);
  if (r.has_what_if)
    for (int i : r.what_if.fixed) fixed[i] = 1;
  CsvWriter w({"rank", "household_id", "village_id", "status", "head_name", "id_number", "size",
               "inclusion_freq", "pass_prob_if_sampled", "finding_freq", "priority", "fixed",
               "finding", "detail", "township_id", "group_id"});
  int rank = 0;
  for (int i : order) {
    const HouseholdRisk& x = r.households[i];
    const RiskFindings found = risk_findings(h, i, config, x.fault > 0);
    const int v = h.village[i];
    w.row({std::to_string(++rank), h.id[i], h.village_id[i], std::string(to_string(h.status[i])),
           h.head_name[i], mask_id_number(h.id_number[i]), std::to_string(h.size[i]),
           freq(x.sampled, r.runs), share(x.sampled_pass, x.sampled), freq(x.fault, r.runs),
           freq(x.fault_fail, failing), fixed[i] ? "1" : "0", risk_finding_codes(found),
           risk_detail_text(Lang::kEn, h, i, config, found),
           v >= 0 ? reg.villages[v].township_id : std::string(), h.group_id[i]});
  }
  return w.str();
}

OutputFiles simulate_files(const SimulationResult& result, const Registry& reg,
                           const EvaluationConfig& config, const Design& design,
                           const std::string& summary, const std::string& text) {
  return {{"summary.json", summary},
          {"risk_townships.csv", risk_townships_csv(result, reg, design.township_pi)},
          {"risk_villages.csv", risk_villages_csv(result, reg, design.village_tier)},
          {"risk_households.csv", risk_households_csv(result, reg, config)},
          {"report.txt", text}};
}

bool write_simulate_outputs(const SimulationResult& result, const Registry& reg,
                            const EvaluationConfig& config, const Design& design,
                            const std::string& summary, const std::string& text, Manifest manifest,
                            const ReportContext& ctx, const std::string& dir,
                            const std::vector<std::string>& inputs, std::string* err) {
  manifest.has_seed = true;
  manifest.seed = result.seed;
  manifest.runs = result.runs;
  manifest.threads = result.threads;
  std::vector<OcCurve> curves;  // first: a failure here comes before any file is written
  if (!design_oc_curves(reg, config, result.seed, kOcCurveRuns, &curves, err)) return false;
  OutputFiles files = simulate_files(result, reg, config, design, summary, text);
  files.push_back({"manifest.json", manifest_json(manifest)});
  // report.html and report.xlsx, with the OC curves.
  return write_run_outputs(files, compose_simulate_report(reg, config, design, result, curves, ctx),
                           "", dir, inputs, err);
}

}  // namespace kaoping
