// Google Benchmark of the audit of one draw on the default county: the field visit, the
// evaluator's income error, the household rules, the rates and the verdict (audit_draw),
// as `audit --sample` runs it — the per-draw path the Monte Carlo engine replaces with
// precomputed cut points (see montecarlo_bench).
#include <benchmark/benchmark.h>

#include <cstdio>
#include <cstdlib>

#include "audit/audit.h"
#include "registry/config.h"
#include "registry/generate.h"
#include "sampler/design.h"
#include "sampler/sampler.h"

namespace kaoping {
namespace {

struct Fixture {
  Registry reg;
  Config config;
  Design design;
  Fixture() {
    reg = generate_county(Profile::kDefault, 1);
    Diagnostics diag;
    if (!load_config("", {}, &config, &diag) || !build_design(reg, config, &design, &diag)) {
      std::fprintf(stderr, "bench: cannot set up the default county\n");
      std::exit(1);
    }
  }
};
const Fixture& fixture() {
  static const Fixture f;
  return f;
}

void BM_AuditDraw(benchmark::State& state) {
  const Fixture& f = fixture();
  Draw draw;
  draw_sample(f.reg, f.config, f.design, 20170905, 0, &draw);
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
  const Fixture& f = fixture();
  Draw draw;
  AuditResult result;
  uint64_t r = 0;
  for (auto _ : state) {
    draw_sample(f.reg, f.config, f.design, 20170905, r, &draw);
    audit_draw(f.reg, f.config, draw, 20170905, r++, &result);
    benchmark::DoNotOptimize(result.verdict.pass);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_DrawAndAudit);

}  // namespace
}  // namespace kaoping

BENCHMARK_MAIN();
