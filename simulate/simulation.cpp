// The run loop of simulate/simulation.h: blocks of replicates on the threads, reduced in
// block order at every round, the early stop, and the result's statistics.
#include "simulate/simulation.h"

#include <algorithm>
#include <atomic>
#include <barrier>
#include <chrono>
#include <cmath>
#include <limits>
#include <thread>

#include "audit/stats.h"
#include "simulate/model.h"

namespace kaoping {
namespace {

constexpr double kZ95 = 1.959963984540054;

int histogram_bin(double rate) {
  // The small offset keeps a rate such as 0.02 (not exact in binary) in its own bin.
  const double x = rate * 10000.0 + 1e-9;
  if (!(x > 0)) return 0;
  return x >= kHistogramBins - 1 ? kHistogramBins - 1 : static_cast<int>(x);
}

/// Floating-point partial sums of one block (reduced in block order) and its counts.
struct BlockSums {
  int64_t runs = 0;
  int64_t passes = 0;
  int64_t passes_fixed = 0;
  int64_t gained = 0, lost = 0;
  std::vector<int64_t> fails;
  std::vector<double> rate_sum;
};

/// Order-free integer counters of one thread.
struct ThreadCounts {
  /// Per position, 4 counters: sampled, fault, sampled_fail, fault_fail (32-bit, flushed
  /// into 64-bit totals long before they could wrap).
  std::vector<uint32_t> households;
  std::vector<int64_t> township_sampled, township_pass, village_sampled, village_pass;
  std::vector<uint64_t> histogram;  ///< criteria × kHistogramBins
  int64_t since_flush = 0;
};

}  // namespace

bool run_simulation(const Registry& reg, const EvaluationConfig& config, const Design& design,
                    const SimulationOptions& options, SimulationResult* out, std::string* err) {
  if (options.runs < 1) {
    *err = "runs must be at least 1, got " + std::to_string(options.runs);
    return false;
  }
  ReplicateModel model;
  if (!model.init(reg, config, design, options.fixed_households, err)) return false;
  const std::vector<Criterion>& criteria = model.criteria();
  const int n_criteria = static_cast<int>(criteria.size());
  int threads = options.threads;
  if (threads <= 0) threads = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  const int64_t total_blocks = (options.runs + kBlockSize - 1) / kBlockSize;
  threads = static_cast<int>(std::min<int64_t>(threads, std::max<int64_t>(1, total_blocks)));

  const std::size_t n_positions = model.household_count();
  std::vector<ThreadCounts> counts(threads);
  for (ThreadCounts& c : counts) {
    if (options.household_attribution) c.households.assign(4 * n_positions, 0);
    c.township_sampled.assign(reg.townships.size(), 0);
    c.township_pass.assign(reg.townships.size(), 0);
    c.village_sampled.assign(reg.villages.size(), 0);
    c.village_pass.assign(reg.villages.size(), 0);
    c.histogram.assign(static_cast<std::size_t>(n_criteria) * kHistogramBins, 0);
  }
  // 64-bit totals the 32-bit household counters are flushed into before they could wrap.
  std::vector<HouseholdRisk> household_totals(n_positions);
  auto flush = [&](ThreadCounts& c) {
    if (c.households.empty()) {
      c.since_flush = 0;
      return;
    }
    for (std::size_t p = 0; p < n_positions; ++p) {
      uint32_t* x = c.households.data() + 4 * p;
      HouseholdRisk& t = household_totals[p];
      t.sampled += x[0];
      t.sampled_pass += static_cast<int64_t>(x[0]) - x[2];
      t.fault += x[1];
      t.fault_fail += x[3];
      x[0] = x[1] = x[2] = x[3] = 0;
    }
    c.since_flush = 0;
  };

  std::vector<BlockSums> round(kRoundBlocks);
  BlockSums total;
  total.fails.assign(n_criteria, 0);
  total.rate_sum.assign(n_criteria, 0.0);
  std::atomic<int64_t> next_block{0};
  int64_t round_first = 0;
  int64_t round_end = std::min<int64_t>(kRoundBlocks, total_blocks);
  bool stop = false;

  auto run_block = [&](int64_t b, ReplicateModel::Scratch* scratch, ThreadCounts* c) {
    BlockSums& sums = round[b - round_first];
    sums = BlockSums{};
    sums.fails.assign(n_criteria, 0);
    sums.rate_sum.assign(n_criteria, 0.0);
    const int64_t first = b * kBlockSize;
    const int64_t last = std::min(options.runs, first + kBlockSize);
    for (int64_t r = first; r < last; ++r) {
      const ReplicateOutcome o =
          model.run_replicate(options.seed, static_cast<uint64_t>(r), scratch);
      ++sums.runs;
      sums.passes += o.pass;
      sums.passes_fixed += o.pass_fixed;
      sums.gained += !o.pass && o.pass_fixed;
      sums.lost += o.pass && !o.pass_fixed;
      for (int k = 0; k < n_criteria; ++k) {
        const double rate = o.rate[static_cast<int>(criteria[k].rate)];
        sums.rate_sum[k] += rate;
        sums.fails[k] += !criteria[k].holds(rate);
        ++c->histogram[static_cast<std::size_t>(k) * kHistogramBins + histogram_bin(rate)];
      }
      for (int t : scratch->townships) {
        ++c->township_sampled[t];
        c->township_pass[t] += o.pass;
      }
      for (int v : scratch->villages) {
        ++c->village_sampled[v];
        c->village_pass[v] += o.pass;
      }
      // Sampled and fault counts were kept by the replicate itself; the failing ones here.
      if (!o.pass && options.household_attribution) {
        uint32_t* hh = c->households.data();
        for (std::size_t i = 0; i < scratch->surveyed_count; ++i) {
          const uint32_t rec = scratch->surveyed[i];
          uint32_t* x = hh + 4 * static_cast<std::size_t>(rec & ~ReplicateModel::kFaultBit);
          x[2] += 1;
          x[3] += rec >> 31;
        }
      }
    }
    c->since_flush += sums.runs;
  };

  // Runs after every round, on one thread, while the others wait: reduce the round's
  // blocks in index order, report progress, decide whether to go on.
  auto on_round_end = [&]() noexcept {
    for (int64_t b = round_first; b < round_end; ++b) {
      const BlockSums& s = round[b - round_first];
      total.runs += s.runs;
      total.passes += s.passes;
      total.passes_fixed += s.passes_fixed;
      total.gained += s.gained;
      total.lost += s.lost;
      for (int k = 0; k < n_criteria; ++k) {
        total.fails[k] += s.fails[k];
        total.rate_sum[k] += s.rate_sum[k];
      }
    }
    for (ThreadCounts& c : counts)
      if (c.since_flush > (int64_t{1} << 31)) flush(c);
    if (options.progress) options.progress(total.runs, options.runs);
    if (round_end >= total_blocks ||
        (options.target_halfwidth > 0 &&
         wilson_halfwidth(total.passes, total.runs) <= options.target_halfwidth)) {
      stop = true;
      return;
    }
    round_first = round_end;
    round_end = std::min(round_end + kRoundBlocks, total_blocks);
    next_block.store(round_first);
  };
  std::barrier sync(threads, on_round_end);

  auto worker = [&](int tid) {
    ReplicateModel::Scratch scratch = model.make_scratch();
    if (options.household_attribution) scratch.counters = counts[tid].households.data();
    for (;;) {
      for (int64_t b = next_block.fetch_add(1); b < round_end; b = next_block.fetch_add(1))
        run_block(b, &scratch, &counts[tid]);
      sync.arrive_and_wait();
      if (stop) break;
    }
  };

  const auto t0 = std::chrono::steady_clock::now();
  {
    std::vector<std::jthread> pool;
    for (int t = 1; t < threads; ++t) pool.emplace_back(worker, t);
    worker(0);
  }
  const auto t1 = std::chrono::steady_clock::now();

  for (ThreadCounts& c : counts) flush(c);

  SimulationResult& res = *out;
  res = SimulationResult{};
  res.runs = total.runs;
  res.runs_requested = options.runs;
  res.stopped_early = total.runs < options.runs;
  res.seed = options.seed;
  res.threads = threads;
  res.passes = total.passes;
  const double n = static_cast<double>(total.runs);
  res.pass_probability = static_cast<double>(total.passes) / n;
  res.pass_ci95 = wilson_interval(total.passes, total.runs);
  res.elapsed_seconds = std::chrono::duration<double>(t1 - t0).count();
  res.replicates_per_second =
      res.elapsed_seconds > 0 ? n / res.elapsed_seconds : std::numeric_limits<double>::infinity();
  for (int k = 0; k < n_criteria; ++k) {
    CriterionStats cs;
    cs.criterion = criteria[k];
    cs.fail_count = total.fails[k];
    cs.fail_probability = static_cast<double>(total.fails[k]) / n;
    cs.mean = total.rate_sum[k] / n;
    std::vector<uint64_t> hist(kHistogramBins, 0);
    for (const ThreadCounts& c : counts)
      for (int i = 0; i < kHistogramBins; ++i)
        hist[i] += c.histogram[static_cast<std::size_t>(k) * kHistogramBins + i];
    auto quantile = [&](double q) {
      // Lower edge of the first bin whose cumulative count reaches q·n.
      const double need = std::max(1.0, std::ceil(q * n - 1e-9));
      uint64_t cum = 0;
      for (int i = 0; i < kHistogramBins; ++i) {
        cum += hist[i];
        if (static_cast<double>(cum) >= need) return i / 10000.0;
      }
      return 1.0;
    };
    cs.p05 = quantile(0.05);
    cs.p50 = quantile(0.50);
    cs.p95 = quantile(0.95);
    cs.histogram = std::move(hist);
    res.criteria.push_back(cs);
    if (res.binding < 0 || cs.fail_count > res.criteria[res.binding].fail_count) res.binding = k;
  }
  res.townships.assign(reg.townships.size(), {});
  res.villages.assign(reg.villages.size(), {});
  for (const ThreadCounts& c : counts) {
    for (std::size_t t = 0; t < res.townships.size(); ++t) {
      res.townships[t].sampled += c.township_sampled[t];
      res.townships[t].sampled_pass += c.township_pass[t];
    }
    for (std::size_t v = 0; v < res.villages.size(); ++v) {
      res.villages[v].sampled += c.village_sampled[v];
      res.villages[v].sampled_pass += c.village_pass[v];
    }
  }
  res.households.assign(reg.households.count(), {});
  for (std::size_t p = 0; p < n_positions; ++p)
    res.households[model.household_of(static_cast<uint32_t>(p))] = household_totals[p];

  if (!options.fixed_households.empty()) {
    res.has_what_if = true;
    WhatIf& w = res.what_if;
    w.fixed = options.fixed_households;
    w.passes = total.passes_fixed;
    w.pass_probability = static_cast<double>(total.passes_fixed) / n;
    w.pass_ci95 = wilson_interval(total.passes_fixed, total.runs);
    w.gained = total.gained;
    w.lost = total.lost;
    // Paired differences d_r in {-1, 0, 1}: mean (gained − lost)/n, sample variance from
    // the sum of squares (gained + lost).
    const double mean = static_cast<double>(total.gained - total.lost) / n;
    w.difference = mean;
    if (total.gained == 0 && total.lost == 0) {
      w.difference_ci95 = {0.0, 0.0};
    } else {
      const double ss = static_cast<double>(total.gained + total.lost) - n * mean * mean;
      const double var = total.runs > 1 ? ss / (n - 1) : 0.0;
      const double se = std::sqrt(std::max(0.0, var) / n);
      w.difference_ci95 = {mean - kZ95 * se, mean + kZ95 * se};
    }
  }
  return true;
}

}  // namespace kaoping
