// Google Benchmark of the audit of one draw on the default county: the field visit, the
// evaluator's income error, the household rules, the rates and the verdict (audit_draw),
// as `audit --sample` runs it — the per-draw path the Monte Carlo engine replaces with
// precomputed cut points (see montecarlo_bench).
#include <benchmark/benchmark.h>

#include "audit/audit.h"
#include "bench/default_county.h"
#include "config/config.h"
#include "sampler/design.h"
#include "sampler/sampler.h"

namespace kaoping {
namespace {

void BM_AuditDraw(benchmark::State& state) {
  const DefaultCounty& f = default_county();
  Draw draw;
  draw_sample(f.reg, f.config.design, f.design, 20170905, 0, &draw);
  AuditResult result;
  uint64_t r = 0;
  for (auto _ : state) {
    audit_draw(f.reg, f.config, draw, 20170905, r++, &result);
    benchmark::DoNotOptimize(result.verdict.pass);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_AuditDraw);

/// Draw and audit together: one replicate the way sample + audit --sample do it.
void BM_DrawAndAudit(benchmark::State& state) {
  const DefaultCounty& f = default_county();
  Draw draw;
  AuditResult result;
  uint64_t r = 0;
  for (auto _ : state) {
    draw_sample(f.reg, f.config.design, f.design, 20170905, r, &draw);
    audit_draw(f.reg, f.config, draw, 20170905, r++, &result);
    benchmark::DoNotOptimize(result.verdict.pass);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_DrawAndAudit);

}  // namespace
}  // namespace kaoping

BENCHMARK_MAIN();
