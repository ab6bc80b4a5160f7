// Google Benchmark of the Monte Carlo hot path on the default county
// (generate_county(kDefault, 1), the default configuration): one whole replicate (draw,
// presence and replacement, income error, audit, verdict) and the threaded engine.
#include <benchmark/benchmark.h>

#include "simulate/model.h"
#include "simulate/simulation.h"
#include "bench/default_county.h"
#include "config/config.h"
#include "sampler/design.h"

namespace kaoping {
namespace {

void BM_Replicate(benchmark::State& state) {
  const DefaultCounty& f = default_county();
  ReplicateModel model;
  std::string err;
  if (!model.init(f.reg, f.config, f.design, {}, &err)) state.SkipWithError(err.c_str());
  ReplicateModel::Scratch scratch = model.make_scratch();
  uint64_t r = 0;
  int64_t surveyed = 0;
  for (auto _ : state) {
    const ReplicateOutcome o = model.run_replicate(20170905, r++, &scratch);
    surveyed += o.surveyed;
    benchmark::DoNotOptimize(o);
  }
  state.counters["households_per_replicate"] =
      static_cast<double>(surveyed) / static_cast<double>(state.iterations());
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_Replicate);

/// Args: runs, threads, household counts (1 = as with --out or --fix-top, 0 = as
/// `simulate --json` without them).
void BM_Simulation(benchmark::State& state) {
  const DefaultCounty& f = default_county();
  SimulationOptions opts;
  opts.runs = state.range(0);
  opts.threads = static_cast<int>(state.range(1));
  opts.household_attribution = state.range(2) != 0;
  SimulationResult res;
  std::string err;
  for (auto _ : state) {
    if (!run_simulation(f.reg, f.config, f.design, opts, &res, &err))
      state.SkipWithError(err.c_str());
    benchmark::DoNotOptimize(res.passes);
  }
  state.counters["replicates_per_second"] = res.replicates_per_second;
  state.SetItemsProcessed(state.iterations() * opts.runs);
}
BENCHMARK(BM_Simulation)
    ->Args({200000, 1, 1})
    ->Args({200000, 2, 1})
    ->Args({200000, 1, 0})
    ->Args({200000, 2, 0})
    ->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace kaoping

BENCHMARK_MAIN();
