// `batch` (SPEC §4): many counties rehearsed with one configuration — a prefecture's or a
// province's registry folders — each simulated exactly as `simulate` would simulate it alone
// (same seed, its own streams), and the expected number of counties that fail.
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "audit/standards.h"
#include "registry/registry.h"
#include "simulate/simulation.h"
#include "simulate/simulation_config.h"

namespace kaoping {

/// One county of a batch: what `simulate` finds for it, or why it could not be simulated.
struct BatchCounty {
  std::string county;    ///< the folder's name (one configuration serves every county)
  std::string registry;  ///< the folder as given
  bool ok = false;       ///< loaded, its design built and simulated
  /// When not ok: the diagnostics of loading (file:line:column: error: ...) or the design's
  /// or the engine's error, in order.
  std::vector<std::string> errors;
  std::vector<InputFile> inputs;  ///< the registry's files with their SHA-256 (when loaded)
  int64_t households = 0;         ///< households in households.csv
  int64_t persons = 0;            ///< persons in households.csv
  /// The simulation as `simulate` would give it, without the per-household counts (they do
  /// not change any figure, SPEC §3) and without the rate histograms (kept per county they
  /// would cost 80 KB per criterion; the quantiles stay).
  SimulationResult result;
  std::string binding_criterion;  ///< rate name of result.binding ("" when none)
  int riskiest_township = -1;     ///< lowest pass probability when sampled (-1: none)
  std::string riskiest_township_id;
  double fail_probability() const { return ok ? 1.0 - result.pass_probability : 0.0; }
};

/// The expected number of failing counties, E = Σ (1 − p_i) over the counties simulated,
/// and how sure it is. The number that will fail, F = Σ Bernoulli(1 − p_i), counties
/// independent (each is drawn and visited by its own team), has variance Σ p_i(1 − p_i);
/// each p̂_i is a Monte Carlo estimate of variance p_i(1 − p_i)/runs_i. Intervals are
/// normal, 1.96 standard deviations, clipped to [0, counties].
struct BatchExpectation {
  int counties = 0;       ///< counties simulated (not those that did not load)
  double expected = 0;    ///< E
  double mc_se = 0;       ///< Monte Carlo standard error of E: sqrt(Σ p̂(1 − p̂)/runs)
  double outcome_sd = 0;  ///< sd of F given the p_i: sqrt(Σ p̂(1 − p̂))
  std::array<double, 2> expected_ci95{};  ///< E ± 1.96 · mc_se: where E itself lies
  /// E ± 1.96 · sqrt(outcome_sd² + mc_se²): where the number that will fail lies.
  std::array<double, 2> failures_ci95{};
};

struct BatchResult {
  std::vector<BatchCounty> counties;  ///< in the order given
  int not_loaded = 0;                 ///< counties that did not load (or could not be drawn)
  BatchExpectation expectation;
  uint64_t seed = 0;
  int64_t runs = 0;  ///< replicates asked per county
  int threads = 0;
  double elapsed_seconds = 0;  ///< the replicate loops of all counties
};

/// The options `simulate` runs with: simulation: of the configuration, with --runs, --seed
/// and --threads when given (target_halfwidth from the configuration).
SimulationOptions simulation_options(const SimulationConfig& c, std::optional<int64_t> runs,
                                     std::optional<uint64_t> seed,
                                     std::optional<int> threads = std::nullopt);

/// The folder's name of a registry path ("data/c1/" → "c1").
std::string county_name(const std::string& registry_dir);

/// Computes E and its intervals from the counties simulated.
BatchExpectation expected_failures(const std::vector<BatchCounty>& counties);

/// Rehearses every registry of `registries` with `config` and `options` (as `simulate`:
/// options.seed for every county), one county at a time, each with every thread. A county
/// that does not load, or whose design cannot be drawn, gets its errors and empty figures;
/// the others still run. `on_county(county, i, n)` is called after county i of n is done
/// (may be empty).
void run_batch(
    const std::vector<std::string>& registries, const EvaluationConfig& config,
    const SimulationOptions& options, BatchResult* out,
    const std::function<void(const BatchCounty&, std::size_t, std::size_t)>& on_county = {});

}  // namespace kaoping
