#include "reports/prioritize_outputs.h"

#include <fmt/format.h>

#include <cmath>
#include <nlohmann/json.hpp>

#include "audit/findings.h"
#include "audit/rules.h"
#include "reports/audit_report.h"
#include "reports/prioritize_report.h"
#include "util/csv.h"
#include "util/text.h"

namespace kaoping {
namespace {

void append(std::string* list, std::string_view item, std::string_view sep) {
  if (item.empty()) return;
  if (!list->empty()) *list += sep;
  *list += item;
}

std::string township_of(const Registry& reg, int household) {
  const int v = reg.households.village[household];
  return v >= 0 ? reg.villages[v].township_id : std::string();
}

/// One step's row of priorities.csv (rank 0 when `step` is null).
std::vector<std::string> csv_row(const Registry& reg, const EvaluationConfig& config, int rank,
                                 const PriorityStep& step) {
  const std::string p = format_double(step.pass_probability);
  const std::string lo = format_double(step.pass_ci95[0]);
  const std::string hi = format_double(step.pass_ci95[1]);
  if (step.household < 0) return {"0", "", "", "", "", "", "", "", "", p, lo, hi, "0"};
  const Households& h = reg.households;
  const int i = step.household;
  const ActionWhy why = action_why(reg, config, i);
  return {std::to_string(rank),
          std::string(to_string(step.action)),
          h.id[i],
          township_of(reg, i),
          h.village_id[i],
          h.group_id[i],
          std::string(to_string(h.status[i])),
          why.finding,
          why.detail,
          p,
          lo,
          hi,
          format_double(step.gain)};
}

PriorityStep rank_zero(const PrioritizeResult& r) {
  PriorityStep s;
  s.pass_probability = r.simulation.pass_probability;
  s.pass_ci95 = r.simulation.pass_ci95;
  return s;
}

}  // namespace

std::string_view to_string(ActionKind a) {
  return a == ActionKind::kVerify ? "verify" : "fix";
}

ActionWhy action_why(const Registry& reg, const EvaluationConfig& config, int i) {
  const Households& h = reg.households;
  const StandardsConfig& s = config.standards;
  const RuleClass c = classify(h, static_cast<std::size_t>(i), s, config.evaluator.income_noise);
  ActionWhy why;
  why.unverified = !h.verified[i];
  why.rules = c.always;
  if (!why.unverified) {
    if (c.p_below > 0) why.rules |= c.below;
    if (c.p_not_rich < 1) why.rules |= c.rich;
  }
  if (why.unverified) {
    why.finding = "unverified";
    const FaultPrior fp = fault_prior(h, static_cast<std::size_t>(i), config.evaluator);
    std::string as;
    for (int f = 0; f < kRuleFindingCount; ++f)
      if (fp.findings >> f & 1) append(&as, to_string(static_cast<Finding>(f)), "+");
    why.detail = fmt::format("not verified: found at fault with probability {} ({})",
                             format_double(fp.p), as);
  }
  for (int f = 0; f < kRuleFindingCount; ++f) {
    if (!(why.rules >> f & 1)) continue;
    const Finding finding = static_cast<Finding>(f);
    append(&why.finding, to_string(finding), ";");
    append(&why.detail,
           finding_detail_text(
               Lang::kEn, finding_detail(h, static_cast<std::size_t>(i), finding, s, h.income[i])),
           "; ");
  }
  return why;
}

std::string priorities_csv(const PrioritizeResult& r, const Registry& reg,
                           const EvaluationConfig& config) {
  CsvWriter w({"rank", "action", "household_id", "township_id", "village_id", "group_id", "status",
               "finding", "detail", "pass_probability", "ci95_low", "ci95_high", "gain"});
  w.row(csv_row(reg, config, 0, rank_zero(r)));
  int rank = 0;
  for (const PriorityStep& s : r.chosen().steps) w.row(csv_row(reg, config, ++rank, s));
  return w.str();
}

std::string prioritize_json(const PrioritizeResult& r, const Registry& reg,
                            const EvaluationConfig& config) {
  using Json = nlohmann::ordered_json;
  const PriorityPlan& plan = r.chosen();
  const Households& h = reg.households;
  Json j;
  j["before"] = r.simulation.pass_probability;
  j["after"] = plan.after;
  j["actions"] = plan.steps.size();
  j["target_reached"] = r.target_reached;
  Json steps = Json::array();
  int rank = 0;
  for (const PriorityStep& s : plan.steps) {
    const ActionWhy why = action_why(reg, config, s.household);
    Json x;
    x["rank"] = ++rank;
    x["action"] = to_string(s.action);
    x["household_id"] = h.id[s.household];
    x["township_id"] = township_of(reg, s.household);
    x["village_id"] = h.village_id[s.household];
    x["status"] = to_string(h.status[s.household]);
    x["finding"] = why.finding;
    x["pass_probability"] = s.pass_probability;
    x["ci95"] = {s.pass_ci95[0], s.pass_ci95[1]};
    x["gain"] = s.gain;
    steps.push_back(std::move(x));
  }
  j["steps"] = std::move(steps);
  j["plan"] = r.chose_greedy ? "greedy" : "priority_ranking";
  j["before_ci95"] = {r.simulation.pass_ci95[0], r.simulation.pass_ci95[1]};
  if (r.target > 0)
    j["target"] = r.target;
  else
    j["target"] = nullptr;
  j["budget"] = r.budget;
  j["greedy_after"] = r.greedy.after;
  j["greedy_actions"] = r.greedy.steps.size();
  j["ranking_after"] = r.ranking.after;
  j["ranking_actions"] = r.ranking.steps.size();
  j["exhausted"] = r.exhausted;
  j["runs"] = r.simulation.runs;
  j["seed"] = r.simulation.seed;
  j["threads"] = r.simulation.threads;
  j["failing_replicates"] = r.failing;
  j["failing_replicates_kept"] = r.failing_recorded;
  j["subsample_stride"] = r.stride;
  j["fault_entries"] = r.fault_entries;
  j["memory_bytes"] = r.memory_bytes;
  j["simulate_seconds"] = r.simulate_seconds;
  j["plan_seconds"] = r.plan_seconds;
  j["actions_per_second"] = r.actions_per_second;
  return j.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

std::vector<std::pair<std::string, std::string>> prioritize_files(const PrioritizeResult& r,
                                                                  const Registry& reg,
                                                                  const EvaluationConfig& config,
                                                                  const std::string& summary,
                                                                  const std::string& text) {
  return {{"priorities.csv", priorities_csv(r, reg, config)},
          {"summary.json", summary},
          {"report.txt", text}};
}

std::string prioritize_summary_text(const PrioritizeResult& r, const Registry& reg, Lang lang,
                                    std::size_t shown) {
  const PriorityPlan& plan = r.chosen();
  const PriorityPlan& other = r.chose_greedy ? r.ranking : r.greedy;
  const Households& h = reg.households;
  std::string t = trf(lang, "prio.term.title",
                      format_number(static_cast<double>(r.simulation.runs)), r.simulation.seed);
  t += trf(lang, "prio.term.before", format_percent(r.simulation.pass_probability, 2),
           format_percent(r.simulation.pass_ci95[0], 2),
           format_percent(r.simulation.pass_ci95[1], 2));
  const std::array<double, 2> ci =
      plan.steps.empty() ? r.simulation.pass_ci95 : plan.steps.back().pass_ci95;
  t += trf(lang, "prio.term.after", plan.steps.size(), format_percent(plan.after, 2),
           format_percent(ci[0], 2), format_percent(ci[1], 2));
  t += trf(lang, r.chose_greedy ? "prio.term.plan_greedy" : "prio.term.plan_ranking",
           format_percent(plan.after, 2), format_percent(other.after, 2), other.steps.size());
  if (r.target > 0) {
    if (r.target_reached)
      t += trf(lang, "prio.term.target_reached", format_percent(r.target, 2), plan.reached);
    else
      t += trf(lang, "prio.term.target_short", r.budget, format_percent(r.target, 2));
  }
  if (r.exhausted) t += tr(lang, "prio.term.exhausted");
  if (!plan.steps.empty()) t += tr(lang, "prio.term.header");
  for (std::size_t k = 0; k < plan.steps.size() && k < shown; ++k) {
    const PriorityStep& s = plan.steps[k];
    t +=
        fmt::format("  {:>4}  {:<8} {:<22} {:<12} {:>8}  {:>8}\n", k + 1,
                    tr(lang, fmt::format("prio.action.{}", to_string(s.action))), h.id[s.household],
                    h.village_id[s.household], format_percent(s.pass_probability, 2),
                    fmt::format("+{}", format_percent(s.gain, 2)));
  }
  if (plan.steps.size() > shown) t += trf(lang, "prio.term.more", plan.steps.size() - shown);
  t += trf(lang, "prio.term.recorded", r.failing_recorded, r.failing, r.stride, r.fault_entries,
           format_number(static_cast<double>(r.memory_bytes) / 1e6, 1));
  t += trf(lang, "prio.term.speed", format_number(r.simulate_seconds, 2),
           format_number(r.plan_seconds, 2), format_number(r.actions_per_second, 1));
  return t;  // ids are pseudonyms (registry/load.cpp), numbers the seed and figures
}

bool write_prioritize_outputs(const PrioritizeResult& r, const Registry& reg,
                              const EvaluationConfig& config, const std::string& summary,
                              const std::string& text, Manifest manifest, const ReportContext& ctx,
                              const std::string& dir, const std::vector<std::string>& inputs,
                              std::string* err) {
  manifest.has_seed = true, manifest.seed = r.simulation.seed, manifest.runs = r.simulation.runs;
  manifest.threads = r.simulation.threads;
  return write_run_outputs(prioritize_files(r, reg, config, summary, text),
                           compose_prioritize_report(reg, config, r, ctx), manifest_json(manifest),
                           dir, inputs, err);
}

}  // namespace kaoping
