#include "reports/terminal.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>

#include "import/import.h"
#include "simulate/priority.h"
#include "simulate/sensitivity.h"
#include "util/privacy.h"
#include "util/text.h"

namespace kaoping {
namespace {

double ratio(int64_t part, int64_t whole) {
  return static_cast<double>(part) / static_cast<double>(whole);
}

void criteria_table(const SimulationResult& r, Lang lang, std::string* s) {
  *s += fmt::format("{:<24} {:>10} {:>8} {:>8} {:>8} {:>8} {:>10}\n", tr(lang, "term.criterion"),
                    tr(lang, "term.standard"), tr(lang, "term.mean"), "p05", "p50", "p95",
                    tr(lang, "term.fail_prob"));
  for (std::size_t k = 0; k < r.criteria.size(); ++k) {
    const CriterionStats& c = r.criteria[k];
    *s += fmt::format(
        "{:<24} {:>10} {:>8.4f} {:>8.4f} {:>8.4f} {:>8.4f} {:>10.4f}{}\n",
        std::string(to_string(c.criterion.rate)) + " " + rate_name(lang, c.criterion.rate),
        fmt::format("{} {}", c.criterion.below ? "<" : ">", c.criterion.threshold), c.mean, c.p05,
        c.p50, c.p95, c.fail_probability,
        static_cast<int>(k) == r.binding ? tr(lang, "term.binding") : "");
  }
}

void risk_lines(const SimulationResult& r, const Registry& reg,
                const std::vector<Tier>& village_tier, Lang lang, std::string* s) {
  *s += '\n';
  *s += tr(lang, "term.where");
  *s += '\n';
  for (int t : units_by_risk(r.townships, 3)) {
    const UnitRisk& u = r.townships[t];
    *s += trf(lang, "term.township_risk", reg.townships[t].id, reg.townships[t].name,
              ratio(u.sampled, r.runs), ratio(u.sampled_pass, u.sampled)) +
          "\n";
  }
  for (int v : units_by_risk(r.villages, 5)) {
    const UnitRisk& u = r.villages[v];
    *s += trf(lang, "term.village_risk", reg.villages[v].id, reg.villages[v].name,
              tier_name(lang, village_tier[v]), ratio(u.sampled, r.runs),
              ratio(u.sampled_pass, u.sampled)) +
          "\n";
  }
  const std::vector<int> top = top_priority_households(r, 10);
  const int64_t failing = r.runs - r.passes;
  if (top.empty()) return;
  *s += tr(lang, "term.fix_first") + "\n";
  for (int i : top) {
    const HouseholdRisk& x = r.households[i];
    *s += trf(lang, "term.household_risk", reg.households.id[i], reg.households.village_id[i],
              status_name(lang, reg.households.status[i]),
              ratio(x.fault_fail, std::max<int64_t>(1, failing)), ratio(x.fault, r.runs)) +
          "\n";
  }
}

std::string id_list(const std::vector<std::string>& ids, Lang lang) {
  std::string s;
  for (const std::string& id : ids) s += (s.empty() ? "" : tr(lang, "term.list_sep")) + id;
  return s;
}

}  // namespace

std::string given_text(const Condition& c, const Registry& reg, Lang lang) {
  std::vector<std::string> ids;
  switch (c.kind) {
    case ConditionKind::kNone:
      return "";
    case ConditionKind::kTownships:
      for (int t : c.townships) ids.push_back(reg.townships[t].id);
      return trf(lang, "term.given_townships", id_list(ids, lang));
    case ConditionKind::kVillages:
      for (int v : c.villages) ids.push_back(reg.villages[v].id);
      return trf(lang, "term.given_villages", id_list(ids, lang));
    case ConditionKind::kSample: {
      std::size_t sampled = 0;
      for (const DrawRow& row : c.rows) sampled += row.role == Role::kSample;
      return trf(lang, "term.given_sample", c.file, sampled, c.rows.size() - sampled);
    }
  }
  return "";
}

std::string sensitivity_sentence(const SimulationResult& r, Lang lang) {
  if (r.sensitivity.empty()) return "";
  const std::array<double, 2> range = sensitivity_range(r);
  return trf(lang, "term.sensitivity", r.pass_probability, range[0], range[1]);
}

std::string simulate_summary_text(const SimulationResult& r, const Registry& reg,
                                  const std::vector<Tier>& village_tier, Lang lang) {
  std::string s;
  const std::string source =
      reg.source == "default county" ? tr(lang, "term.county_default") : reg.source;
  s += trf(lang, "term.sim_header", scrub_personal_data(source), r.runs, r.seed, r.threads) + "\n";
  const std::size_t head = s.size();  // the seed, which the scrubber could take for a phone
  if (r.stopped_early) s += trf(lang, "term.sim_stopped", r.runs_requested) + "\n";
  if (r.condition.active()) s += given_text(r.condition, reg, lang) + "\n";
  s += trf(lang, "term.sim_pass", r.pass_probability, r.pass_ci95[0], r.pass_ci95[1]) + "\n\n";
  criteria_table(r, lang, &s);
  risk_lines(r, reg, village_tier, lang, &s);
  if (r.has_what_if) {
    const WhatIf& w = r.what_if;
    s += '\n';
    s += trf(lang, "term.whatif", w.fixed.size());
    s += '\n';
    s += trf(lang, "term.whatif_now", r.pass_probability, r.pass_ci95[0], r.pass_ci95[1]) + "\n";
    s += trf(lang, "term.whatif_fixed", w.pass_probability, w.pass_ci95[0], w.pass_ci95[1]) + "\n";
    s += trf(lang, "term.whatif_diff", w.difference, w.difference_ci95[0], w.difference_ci95[1]) +
         "\n";
  }
  if (!r.sensitivity.empty()) {
    s += '\n';
    s += sensitivity_sentence(r, lang) + "\n";
    for (const SensitivityEntry& e : r.sensitivity)
      s += trf(lang, "term.sensitivity_row", pad_to_width(assumption_name(lang, e.key), 24),
               format_double(e.low), format_double(e.high), e.pass_low, e.pass_high) +
           "\n";
  }
  s += '\n';
  s += trf(lang, "term.time", r.elapsed_seconds, r.replicates_per_second);
  s += '\n';
  return s.substr(0, head) + scrub_personal_data(s.substr(head));  // names are free text
}

std::string rates_text(const Rates& r, const Verdict& v, const StandardsConfig& s, Lang lang) {
  std::string out;
  for (int k = 0; k < kRateCount; ++k) {
    const Rate rate = static_cast<Rate>(k);
    std::string test;
    for (const Criterion& c : s.criteria) {
      if (c.rate != rate) continue;
      test = std::string(c.below ? "< " : "> ") + format_percent(c.threshold, 2) +
             tr(lang, c.holds(r.value[k]) ? "term.ok" : "term.fails");
    }
    out += fmt::format("  {} {:>8}  ({} / {})  {}\n", pad_to_width(rate_name(lang, rate), 30),
                       format_percent(r.value[k], 2), format_number(r.numerator[k]),
                       format_number(r.denominator[k]), test);
  }
  if (v.pass) return out + tr(lang, "term.verdict_pass") + "\n";
  std::string failed;
  for (const Criterion& c : v.failed) {
    if (!failed.empty()) failed += tr(lang, "term.list_sep");
    failed += rate_name(lang, c.rate);
  }
  return out + trf(lang, "term.verdict_fail", failed) + "\n";
}

std::string audit_sample_text(const Registry& reg, const StandardsConfig& s,
                              const std::string& sample_path, uint64_t seed, int sampled,
                              const AuditResult& result, Lang lang) {
  std::string out = trf(lang, "term.audit_header", scrub_personal_data(sample_path), seed, sampled,
                        result.households.size(), result.field.absent, result.field.short_total) +
                    "\n";
  for (const Fieldwork::Shortfall& sf : result.field.shortfalls)
    out += trf(lang, "term.audit_short", reg.villages[sf.village].id,
               category_name(lang, sf.category), sf.missing) +
           "\n";
  return out + rates_text(result.rates, result.verdict, s, lang);  // ids are pseudonyms
}

std::string selfcheck_text(const Registry& reg, const StandardsConfig& s,
                           const SelfCheckResult& result, Lang lang) {
  /// Villages shown in the printed to-do list.
  constexpr std::size_t kTopVillages = 10;
  const UnitSummary& county = result.county;
  std::string out;
  if (county.flagged == 0) {
    out += trf(lang, "term.selfcheck_clean", county.households) + "\n";
  } else {
    out +=
        trf(lang, "term.selfcheck_found", county.households, county.flagged, county.rule_flagged) +
        "\n";
    for (int f = 0; f < kFindingCount; ++f)
      if (county.count[f] > 0)
        out +=
            fmt::format("  {} {}\n", pad_to_width(finding_name(lang, static_cast<Finding>(f)), 34),
                        county.count[f]);
  }
  if (county.unverified > 0)
    out += trf(lang, "term.selfcheck_unverified", county.unverified) + "\n";
  out += tr(lang, "term.selfcheck_rates") + "\n";
  out += rates_text(county.rates, county.verdict, s, lang);
  if (county.flagged == 0) return scrub_personal_data(out);
  out += tr(lang, "term.selfcheck_villages") + "\n";
  for (std::size_t k = 0; k < result.villages.size() && k < kTopVillages; ++k) {
    const UnitSummary& u = result.villages[k];
    if (u.flagged == 0) break;
    const Village& v = reg.villages[u.unit];
    std::string counts;
    for (int f = 0; f < kFindingCount; ++f) {
      if (u.count[f] == 0) continue;
      if (!counts.empty()) counts += tr(lang, "term.count_sep");
      counts += finding_name(lang, static_cast<Finding>(f)) + " " + std::to_string(u.count[f]);
    }
    out += trf(lang, "term.selfcheck_village", v.id, v.township_id, v.name, u.flagged, u.households,
               counts) +
           "\n";
  }
  return scrub_personal_data(out);  // village names are free text
}

std::string validate_summary_text(const std::string& source, const Registry& reg,
                                  std::size_t eligible_townships, std::size_t warnings, Lang lang) {
  const RegistrySummary s = summarise(reg);
  const std::size_t* n = s.households_by_status;
  std::string out = trf(lang, "term.validate_registry",
                        source.empty() ? tr(lang, "term.registry_default") : source) +
                    "\n";
  out += trf(lang, "term.validate_units", reg.townships.size(), eligible_townships,
             reg.villages.size(), reg.groups.size()) +
         "\n";
  out += trf(lang, "term.validate_households", s.households, n[0], n[1], n[2], n[3]) + "\n";
  out +=
      trf(lang, "term.validate_persons", s.persons, s.poor_persons, s.poverty_incidence_percent()) +
      "\n";
  if (reg.has_members)
    out += trf(lang, "term.validate_members", reg.members.size(), s.mismatched) + "\n";
  if (reg.has_staff) out += trf(lang, "term.validate_staff", s.guides, s.interpreters) + "\n";
  return scrub_personal_data(out + trf(lang, "term.validate_ok", warnings) + "\n");
}

std::string generate_summary_line(const std::string& out, const Registry& reg, Lang lang) {
  const RegistrySummary f = summarise(reg);
  const int files = 4 + (reg.has_members ? 1 : 0) + (reg.has_staff ? 1 : 0);
  return trf(lang, "term.generate_wrote", out, files, f.households, f.persons, f.poor_households,
             f.poor_persons, f.poverty_incidence_percent());
}

std::string sample_wrote_line(const std::string& out, const Draw& draw, uint64_t seed, Lang lang) {
  int sampled = 0, reserve = 0;
  for (const DrawRow& r : draw.rows) (r.role == Role::kSample ? sampled : reserve)++;
  return trf(lang, "term.sample_wrote", out, draw.townships.size(), draw.villages.size(), sampled,
             reserve, seed);
}

std::string diagnostics_text(const Diagnostics& diag, bool quiet, Lang lang) {
  std::string text;
  for (const Diagnostic& d : diag.items())
    if (!quiet || d.severity != Severity::kWarning) text += scrub_personal_data(d.format()) + "\n";
  if (diag.suppressed_errors() > 0)
    text += "kaoping: error: " + trf(lang, "cli.more_errors", diag.suppressed_errors()) + "\n";
  else if (diag.cut())
    text += "kaoping: error: " + trf(lang, "cli.stopped", diag.max_errors()) + "\n";
  return text;
}

std::string import_summary_line(const std::string& out, const ImportResult& r, Lang lang) {
  return trf(lang, "term.import_wrote", out, r.households, r.persons, r.by_status[0],
             r.by_status[1], r.by_status[2], r.by_status[3], r.unverified, r.roster_merged);
}

}  // namespace kaoping
