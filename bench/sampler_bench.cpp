// Google Benchmark of the sampler on the default county (generate_county(kDefault, 1), the
// default configuration): one draw of `sample` (townships, villages, households with their
// reserve lists) and the field visit that follows it.
#include <benchmark/benchmark.h>

#include "audit/audit.h"
#include "bench/default_county.h"
#include "config/config.h"
#include "sampler/design.h"
#include "sampler/sampler.h"

namespace kaoping {
namespace {

void BM_DrawSample(benchmark::State& state) {
  const DefaultCounty& f = default_county();
  Draw draw;
  uint64_t r = 0;
  for (auto _ : state) {
    draw_sample(f.reg, f.config.design, f.design, 20170905, r++, &draw);
    benchmark::DoNotOptimize(draw.rows.data());
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_DrawSample);

void BM_VisitField(benchmark::State& state) {
  const DefaultCounty& f = default_county();
  Draw draw;
  draw_sample(f.reg, f.config.design, f.design, 20170905, 0, &draw);
  const std::vector<double> presence = presence_vector(f.reg.households, f.config.evaluator);
  Fieldwork field;
  uint64_t r = 0;
  for (auto _ : state) {
    visit_field(draw, presence, 20170905, r++, &field);
    benchmark::DoNotOptimize(field.surveyed.data());
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_VisitField);

}  // namespace
}  // namespace kaoping

BENCHMARK_MAIN();
