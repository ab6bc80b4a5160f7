// The run loop of simulate/simulation.h: blocks of replicates on the threads, reduced in
// block order at every round, the early stop, and the result's statistics.
#include "simulate/simulation.h"

#include <algorithm>
#include <atomic>
#include <barrier>
#include <chrono>
#include <cmath>
#include <limits>
#include <mutex>
#include <thread>

#include "audit/stats.h"
#include "simulate/model.h"
#include "util/limits.h"

namespace kaoping {
namespace {

constexpr double kZ95 = 1.959963984540054;

int histogram_bin(double rate) {
  // The small offset keeps a rate such as 0.02 (not exact in binary) in its own bin.
  const double x = rate * 10000.0 + 1e-9;
  if (!(x > 0)) return 0;
  return x >= kHistogramBins - 1 ? kHistogramBins - 1 : static_cast<int>(x);
}

/// One run of the simulation: the blocks of replicates on the threads, the round barrier
/// that reduces them in block order and decides whether to stop, and the result.
class Runner {
 public:
  Runner(const Registry& reg, const ReplicateModel& model, const SimulationOptions& options)
      : reg_(reg),
        model_(model),
        options_(options),
        criteria_(model.criteria()),
        n_criteria_(static_cast<int>(criteria_.size())),
        round_blocks_(options.target_halfwidth > 0 ? kRoundBlocks : kLongRoundBlocks) {
    threads_ = options.threads;
    if (threads_ <= 0)
      threads_ = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    // Never more than a few threads per core (util/limits.h), each with its own counters.
    threads_ = std::min(threads_, limits::max_threads());
    // Without `runs + kBlockSize - 1`, which overflows for the largest runs.
    total_blocks_ = options.runs / kBlockSize + (options.runs % kBlockSize != 0 ? 1 : 0);
    threads_ = static_cast<int>(std::min<int64_t>(threads_, std::max<int64_t>(1, total_blocks_)));
    n_positions_ = model.household_count();
    counts_.resize(threads_);  // allocated by each thread (run)
    household_totals_.resize(n_positions_);
    round_.resize(round_blocks_);
    total_.fails.assign(n_criteria_, 0);
    total_.rate_sum.assign(n_criteria_, 0.0);
    total_.rate_sum2.assign(n_criteria_, 0.0);
    round_end_ = std::min<int64_t>(round_blocks_, total_blocks_);
  }

  /// Runs every round on the threads; returns the seconds spent in the replicate loop.
  double run() {
    std::barrier sync(threads_, [this]() noexcept { end_round(); });
    auto worker = [&](int tid) {
      // Every worker has a thread of its own, the calling thread only waits, and each
      // allocates its own counters and buffers: glibc gives each thread an arena of its own,
      // so nothing a worker writes shares a cache line with what another reads or writes. On
      // the calling thread, whose heap also holds the loaded registry, the first worker ran
      // 5-10% slower on two threads with a registry read from CSV (docs/simulation.md).
      ThreadCounts& c = counts_[tid];
      init_counts(&c);
      ReplicateModel::Scratch scratch = model_.make_scratch();
      if (options_.household_attribution) scratch.counts = &c.households;
      scratch.record = options_.record_findings;
      for (;;) {
        for (int64_t b = next_block_.fetch_add(1); b < round_end_; b = next_block_.fetch_add(1)) {
          run_block(b, &scratch, &c);
          // The 16-bit counts into the totals before another block could wrap them.
          if (c.since_flush + kBlockSize > ReplicateModel::HouseholdCounts::kMaxReplicates)
            flush(c);
        }
        sync.arrive_and_wait();
        if (stop_) break;
      }
    };
    const auto t0 = std::chrono::steady_clock::now();
    {
      std::vector<std::jthread> pool;
      for (int t = 0; t < threads_; ++t) pool.emplace_back(worker, t);
    }
    const auto t1 = std::chrono::steady_clock::now();
    for (ThreadCounts& c : counts_) flush(c);
    return std::chrono::duration<double>(t1 - t0).count();
  }

  void fill(double elapsed, SimulationResult* out) const {
    SimulationResult& res = *out;
    res = SimulationResult{};
    res.runs = total_.runs;
    res.runs_requested = options_.runs;
    res.stopped_early = total_.runs < options_.runs;
    res.seed = options_.seed;
    res.threads = threads_;
    res.passes = total_.passes;
    const double n = static_cast<double>(total_.runs);
    res.pass_probability = static_cast<double>(total_.passes) / n;
    res.pass_ci95 = wilson_interval(total_.passes, total_.runs);
    res.elapsed_seconds = elapsed;
    res.replicates_per_second = elapsed > 0 ? n / elapsed : std::numeric_limits<double>::infinity();
    for (int k = 0; k < n_criteria_; ++k) {
      res.criteria.push_back(criterion_stats(k));
      if (res.binding < 0 || res.criteria[k].fail_count > res.criteria[res.binding].fail_count)
        res.binding = k;
    }
    fill_units(&res);
    if (!options_.fixed_households.empty()) fill_what_if(&res);
  }

 private:
  /// Floating-point partial sums of one block (reduced in block order) and its counts.
  struct BlockSums {
    int64_t runs = 0;
    int64_t passes = 0;
    int64_t passes_fixed = 0;
    int64_t gained = 0, lost = 0;
    std::vector<int64_t> fails;
    std::vector<double> rate_sum;
    std::vector<double> rate_sum2;  ///< sums of squares, for the standard error of the mean
  };
  /// Order-free integer counters of one thread.
  struct ThreadCounts {
    /// Per position, sampled and at fault in passing and in failing replicates (16-bit,
    /// flushed into the 64-bit totals before they could wrap).
    ReplicateModel::HouseholdCounts households;
    std::vector<int64_t> township_sampled, township_pass, village_sampled, village_pass;
    std::vector<uint64_t> histogram;  ///< criteria × kHistogramBins
    int64_t since_flush = 0;
  };

  /// One thread's counters, all zero.
  void init_counts(ThreadCounts* c) const {
    if (options_.household_attribution) c->households.assign(n_positions_);
    c->township_sampled.assign(reg_.townships.size(), 0);
    c->township_pass.assign(reg_.townships.size(), 0);
    c->village_sampled.assign(reg_.villages.size(), 0);
    c->village_pass.assign(reg_.villages.size(), 0);
    c->histogram.assign(static_cast<std::size_t>(n_criteria_) * kHistogramBins, 0);
  }

  /// The 16-bit household counts of one thread into the 64-bit totals, which the threads
  /// share (integer sums: the order of the flushes changes nothing).
  void flush(ThreadCounts& c) {
    c.since_flush = 0;
    if (c.households.sampled.empty()) return;
    static_assert(kBlockSize <= ReplicateModel::HouseholdCounts::kMaxReplicates);
    const std::lock_guard<std::mutex> lock(totals_mutex_);
    uint16_t* const sampled = c.households.sampled.data();
    uint16_t* const fault = c.households.fault.data();
    for (std::size_t p = 0; p < n_positions_; ++p) {
      HouseholdRisk& t = household_totals_[p];
      t.sampled += int64_t{sampled[2 * p]} + sampled[2 * p + 1];
      t.sampled_pass += sampled[2 * p];
      t.fault += int64_t{fault[2 * p]} + fault[2 * p + 1];
      t.fault_fail += fault[2 * p + 1];
    }
    std::fill(c.households.sampled.begin(), c.households.sampled.end(), uint16_t{0});
    std::fill(c.households.fault.begin(), c.households.fault.end(), uint16_t{0});
  }

  void run_block(int64_t b, ReplicateModel::Scratch* scratch, ThreadCounts* c) {
    // Summed here and stored once: the blocks of a round sit side by side in round_, and
    // two threads adding to neighbouring blocks there would share their cache lines.
    BlockSums sums;
    sums.fails.assign(n_criteria_, 0);
    sums.rate_sum.assign(n_criteria_, 0.0);
    sums.rate_sum2.assign(n_criteria_, 0.0);
    const int64_t first = b * kBlockSize;
    const int64_t last = std::min(options_.runs, first + kBlockSize);
    for (int64_t r = first; r < last; ++r) {
      const ReplicateOutcome o =
          model_.run_replicate(options_.seed, static_cast<uint64_t>(r), scratch);
      if (options_.observer) options_.observer(r, o.pass, model_, *scratch);
      ++sums.runs;
      sums.passes += o.pass;
      sums.passes_fixed += o.pass_fixed;
      sums.gained += !o.pass && o.pass_fixed;
      sums.lost += o.pass && !o.pass_fixed;
      for (int k = 0; k < n_criteria_; ++k) {
        const double rate = o.rate[static_cast<int>(criteria_[k].rate)];
        sums.rate_sum[k] += rate;
        sums.rate_sum2[k] += rate * rate;
        sums.fails[k] += !criteria_[k].holds(rate);
        ++c->histogram[static_cast<std::size_t>(k) * kHistogramBins + histogram_bin(rate)];
      }
      count_units(*scratch, o.pass, c);
    }
    c->since_flush += sums.runs;
    round_[b - round_first_] = std::move(sums);
  }

  /// Which townships and villages were drawn (the households were counted by the replicate).
  void count_units(const ReplicateModel::Scratch& scratch, bool pass, ThreadCounts* c) const {
    for (int t : scratch.townships) {
      ++c->township_sampled[t];
      c->township_pass[t] += pass;
    }
    for (int v : scratch.villages) {
      ++c->village_sampled[v];
      c->village_pass[v] += pass;
    }
  }

  /// After every round, on one thread while the others wait: reduce the round's blocks in
  /// index order, report progress, decide whether to go on.
  void end_round() {
    for (int64_t b = round_first_; b < round_end_; ++b) {
      const BlockSums& s = round_[b - round_first_];
      total_.runs += s.runs;
      total_.passes += s.passes;
      total_.passes_fixed += s.passes_fixed;
      total_.gained += s.gained;
      total_.lost += s.lost;
      for (int k = 0; k < n_criteria_; ++k) {
        total_.fails[k] += s.fails[k];
        total_.rate_sum[k] += s.rate_sum[k];
        total_.rate_sum2[k] += s.rate_sum2[k];
      }
    }
    if (options_.progress) options_.progress(total_.runs, options_.runs);
    if (round_end_ >= total_blocks_ ||
        (options_.target_halfwidth > 0 &&
         wilson_halfwidth(total_.passes, total_.runs) <= options_.target_halfwidth)) {
      stop_ = true;
      return;
    }
    round_first_ = round_end_;
    round_end_ = std::min(round_end_ + round_blocks_, total_blocks_);
    next_block_.store(round_first_);
  }

  CriterionStats criterion_stats(int k) const {
    const double n = static_cast<double>(total_.runs);
    CriterionStats cs;
    cs.criterion = criteria_[k];
    cs.fail_count = total_.fails[k];
    cs.fail_probability = static_cast<double>(total_.fails[k]) / n;
    cs.fail_ci95 = wilson_interval(total_.fails[k], total_.runs);
    cs.mean = total_.rate_sum[k] / n;
    // Sample variance from the sums (rates are in [0, 1], so the sums lose nothing that
    // matters at the precision of a standard error).
    const double var = total_.runs > 1
                           ? std::max(0.0, (total_.rate_sum2[k] - n * cs.mean * cs.mean) / (n - 1))
                           : 0.0;
    cs.mean_se = std::sqrt(var / n);
    std::vector<uint64_t> hist(kHistogramBins, 0);
    for (const ThreadCounts& c : counts_)
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
    return cs;
  }

  void fill_units(SimulationResult* res) const {
    const auto intervals = [](std::vector<UnitRisk>* units) {
      for (UnitRisk& u : *units) u.pass_ci95 = wilson_interval(u.sampled_pass, u.sampled);
    };
    res->townships.assign(reg_.townships.size(), {});
    res->villages.assign(reg_.villages.size(), {});
    for (const ThreadCounts& c : counts_) {
      for (std::size_t t = 0; t < res->townships.size(); ++t) {
        res->townships[t].sampled += c.township_sampled[t];
        res->townships[t].sampled_pass += c.township_pass[t];
      }
      for (std::size_t v = 0; v < res->villages.size(); ++v) {
        res->villages[v].sampled += c.village_sampled[v];
        res->villages[v].sampled_pass += c.village_pass[v];
      }
    }
    intervals(&res->townships);
    intervals(&res->villages);
    res->households.assign(reg_.households.count(), {});
    for (std::size_t p = 0; p < n_positions_; ++p)
      res->households[model_.household_of(static_cast<uint32_t>(p))] = household_totals_[p];
  }

  void fill_what_if(SimulationResult* res) const {
    const double n = static_cast<double>(total_.runs);
    res->has_what_if = true;
    WhatIf& w = res->what_if;
    w.fixed = options_.fixed_households;
    w.passes = total_.passes_fixed;
    w.pass_probability = static_cast<double>(total_.passes_fixed) / n;
    w.pass_ci95 = wilson_interval(total_.passes_fixed, total_.runs);
    w.gained = total_.gained;
    w.lost = total_.lost;
    // Paired differences d_r in {-1, 0, 1}: mean (gained − lost)/n, sample variance from
    // the sum of squares (gained + lost).
    const double mean = static_cast<double>(total_.gained - total_.lost) / n;
    w.difference = mean;
    if (total_.gained == 0 && total_.lost == 0) {
      w.difference_ci95 = {0.0, 0.0};
      return;
    }
    const double ss = static_cast<double>(total_.gained + total_.lost) - n * mean * mean;
    const double var = total_.runs > 1 ? ss / (n - 1) : 0.0;
    const double se = std::sqrt(std::max(0.0, var) / n);
    w.difference_ci95 = {mean - kZ95 * se, mean + kZ95 * se};
  }

  const Registry& reg_;
  const ReplicateModel& model_;
  const SimulationOptions& options_;
  const std::vector<Criterion>& criteria_;
  const int n_criteria_;
  int threads_ = 1;
  int64_t total_blocks_ = 0;
  /// Blocks per round: kRoundBlocks with a stop rule; without one the rounds only report
  /// progress and flush the counters, so they are kLongRoundBlocks (the threads then wait
  /// for each other at the barrier less often).
  const int64_t round_blocks_;
  std::size_t n_positions_ = 0;
  std::vector<ThreadCounts> counts_;
  /// 64-bit totals the 16-bit household counts are flushed into before they could wrap.
  std::vector<HouseholdRisk> household_totals_;
  std::mutex totals_mutex_;
  std::vector<BlockSums> round_;
  BlockSums total_;
  std::atomic<int64_t> next_block_{0};
  int64_t round_first_ = 0;
  int64_t round_end_ = 0;
  bool stop_ = false;
};

}  // namespace

bool run_simulation(const Registry& reg, const EvaluationConfig& config, const Design& design,
                    const SimulationOptions& options, SimulationResult* out, std::string* err) {
  if (options.runs < 1) {
    *err = "runs must be at least 1, got " + std::to_string(options.runs);
    return false;
  }
  if (options.runs > limits::kMaxRuns) {
    *err = "runs must be at most " + std::to_string(limits::kMaxRuns) + ", got " +
           std::to_string(options.runs);
    return false;
  }
  ReplicateModel model;
  if (!model.init(reg, config, design, options.fixed_households, err)) return false;
  if (!model.apply_condition(options.condition, err)) return false;
  Runner runner(reg, model, options);
  const double elapsed = runner.run();
  runner.fill(elapsed, out);
  out->condition = options.condition;
  return true;
}

}  // namespace kaoping
