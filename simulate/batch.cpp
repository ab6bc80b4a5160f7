#include "simulate/batch.h"

#include <algorithm>
#include <cmath>
#include <filesystem>

#include "registry/load.h"
#include "sampler/design.h"
#include "simulate/priority.h"

namespace kaoping {
namespace {

constexpr double kZ95 = 1.959963984540054;  // the 97.5% standard normal quantile

/// Loads, draws and simulates one county into *c.
void run_county(const EvaluationConfig& config, const SimulationOptions& options, BatchCounty* c) {
  Registry reg;
  Diagnostics diag;
  const bool loaded = load_registry(c->registry, &reg, &diag);
  Design design;
  if (loaded) build_design(reg, config.design, &design, &diag);
  for (const Diagnostic& d : diag.items())
    if (d.severity == Severity::kError) c->errors.push_back(d.format());
  if (!loaded || diag.has_errors()) {
    if (c->errors.empty()) c->errors.push_back(c->registry + ": error: cannot be loaded");
    return;
  }
  c->inputs = reg.inputs;
  const Households& h = reg.households;
  c->households = static_cast<int64_t>(h.count());
  for (std::size_t i = 0; i < h.count(); ++i) c->persons += h.size[i];
  std::string err;
  if (!run_simulation(reg, config, design, options, &c->result, &err)) {
    c->errors.push_back(c->registry + ": error: " + err);
    return;
  }
  c->ok = true;
  SimulationResult& r = c->result;
  if (r.binding >= 0) c->binding_criterion = to_string(r.criteria[r.binding].criterion.rate);
  const std::vector<int> risky = units_by_risk(r.townships, 1);
  if (!risky.empty()) {
    c->riskiest_township = risky[0];
    c->riskiest_township_id = reg.townships[risky[0]].id;
  }
  // What a batch keeps of a county: its figures, not its per-unit tables.
  for (CriterionStats& s : r.criteria) std::vector<uint64_t>().swap(s.histogram);
  std::vector<HouseholdRisk>().swap(r.households);
  std::vector<UnitRisk>().swap(r.villages);
}

}  // namespace

SimulationOptions simulation_options(const SimulationConfig& c, std::optional<int64_t> runs,
                                     std::optional<uint64_t> seed, std::optional<int> threads) {
  SimulationOptions so;
  so.runs = runs.value_or(c.runs);
  so.seed = seed.value_or(c.seed);
  so.threads = threads.value_or(c.threads);
  so.target_halfwidth = c.target_halfwidth;
  return so;
}

std::string county_name(const std::string& registry_dir) {
  std::filesystem::path p(registry_dir);
  if (!p.has_filename()) p = p.parent_path();  // "c1/" names c1
  const std::string name = p.filename().string();
  return name.empty() || name == "." || name == ".."
             ? std::filesystem::absolute(p).lexically_normal().filename().string()
             : name;
}

BatchExpectation expected_failures(const std::vector<BatchCounty>& counties) {
  BatchExpectation e;
  double mc_var = 0, outcome_var = 0;
  for (const BatchCounty& c : counties) {
    if (!c.ok) continue;
    ++e.counties;
    const double f = c.fail_probability();
    e.expected += f;
    outcome_var += f * (1 - f);
    mc_var += f * (1 - f) / static_cast<double>(std::max<int64_t>(c.result.runs, 1));
  }
  e.mc_se = std::sqrt(mc_var);
  e.outcome_sd = std::sqrt(outcome_var);
  const double n = e.counties;
  const auto interval = [&](double half) {
    return std::array<double, 2>{std::clamp(e.expected - half, 0.0, n),
                                 std::clamp(e.expected + half, 0.0, n)};
  };
  e.expected_ci95 = interval(kZ95 * e.mc_se);
  e.failures_ci95 = interval(kZ95 * std::sqrt(outcome_var + mc_var));
  return e;
}

void run_batch(const std::vector<std::string>& registries, const EvaluationConfig& config,
               const SimulationOptions& options, BatchResult* out,
               const std::function<void(const BatchCounty&, std::size_t, std::size_t)>& on_county) {
  *out = BatchResult{};
  out->seed = options.seed;
  out->runs = options.runs;
  SimulationOptions so = options;
  so.household_attribution = false;  // no figure of a batch needs the household counts
  for (std::size_t i = 0; i < registries.size(); ++i) {
    BatchCounty c;
    c.registry = registries[i];
    c.county = county_name(registries[i]);
    run_county(config, so, &c);
    if (c.ok) {
      out->threads = c.result.threads;
      out->elapsed_seconds += c.result.elapsed_seconds;
    } else {
      ++out->not_loaded;
    }
    if (on_county) on_county(c, i, registries.size());
    out->counties.push_back(std::move(c));
  }
  out->expectation = expected_failures(out->counties);
}

}  // namespace kaoping
