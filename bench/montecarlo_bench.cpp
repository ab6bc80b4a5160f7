// Google Benchmark of the Monte Carlo hot path on the default county
// (generate_county(kDefault, 1), the default configuration): one whole replicate (draw,
// presence and replacement, income error, audit, verdict; as it is, every household
// verified, and with household counts), the index draws and the keyed draws it is made of,
// and the threaded engine.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <vector>

#include "bench/default_county.h"
#include "config/config.h"
#include "sampler/design.h"
#include "simulate/model.h"
#include "simulate/simulation.h"
#include "util/rng.h"
#include "util/sampling.h"

namespace kaoping {
namespace {

/// One replicate on one core. Args: every household verified (evaluator.unverified_fault
/// = 0, as bench/callgrind.sh's "verified" cases), household counts (as with --out).
void BM_Replicate(benchmark::State& state) {
  const DefaultCounty& f = default_county();
  EvaluationConfig config = f.config;
  if (state.range(0) != 0)
    for (double& p : config.evaluator.unverified_fault) p = 0;
  ReplicateModel model;
  std::string err;
  if (!model.init(f.reg, config, f.design, {}, &err)) state.SkipWithError(err.c_str());
  ReplicateModel::Scratch scratch = model.make_scratch();
  ReplicateModel::HouseholdCounts counts;
  if (state.range(1) != 0) {
    counts.assign(model.household_count());
    scratch.counts = &counts;
  }
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
BENCHMARK(BM_Replicate)->ArgNames({"verified", "counts"})->Args({0, 0})->Args({1, 0})->Args({0, 1});

/// The household stage's index draws alone: Floyd's algorithm on the 32-bit halves of a
/// keyed WyRand stream (util/sampling.h), k of a pool of n, tags as the engine keeps them.
void BM_FloydHalves(benchmark::State& state) {
  const auto n = static_cast<uint32_t>(state.range(0)), k = static_cast<uint32_t>(state.range(1));
  std::vector<uint16_t> tags(n, 0);
  uint16_t tag = 0;
  uint64_t r = 0;
  for (auto _ : state) {
    if (++tag == 0) std::fill(tags.begin(), tags.end(), uint16_t{0}), tag = 1;
    WyRand rng(unit_key(stream_key(1, r++), 7));
    uint32_t sum = 0;
    floyd_sample_halves(n, k, rng, [&](uint32_t t, uint32_t j) {
      if (tags[t] == tag) t = j;
      tags[t] = tag;
      sum += t;
    });
    benchmark::DoNotOptimize(sum);
  }
  state.SetItemsProcessed(state.iterations() * k);
}
BENCHMARK(BM_FloydHalves)->Args({60, 15})->Args({200, 15});

/// The same draws by the shuffle of a small pool's slots (util/sampling.h), as the engine
/// samples pools of up to 256.
void BM_ShuffleHalves(benchmark::State& state) {
  const auto n = static_cast<uint32_t>(state.range(0)), k = static_cast<uint32_t>(state.range(1));
  alignas(64) uint8_t order[kShufflePool];
  uint64_t r = 0;
  for (auto _ : state) {
    WyRand rng(unit_key(stream_key(1, r++), 7));
    uint32_t sum = 0;
    shuffle_sample_halves(n, k, order, rng, [&](uint32_t t) { sum += t; });
    benchmark::DoNotOptimize(sum);
  }
  state.SetItemsProcessed(state.iterations() * k);
}
BENCHMARK(BM_ShuffleHalves)->Args({60, 15})->Args({200, 15});

/// One keyed draw (util/rng.h): the income or fault uniform of a heavy household.
void BM_KeyedDraw(benchmark::State& state) {
  const uint64_t key = unit_key(stream_key(1, 2), 3);
  uint64_t i = 0, acc = 0;
  for (auto _ : state) {
    acc += keyed_draw(key, i++);
    benchmark::DoNotOptimize(acc);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_KeyedDraw);

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
