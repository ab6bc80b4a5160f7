// What the commands print on the terminal: short summaries a person reads after a run, in
// the language of --lang. Text only; cli/ decides where it goes.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "audit/audit.h"
#include "audit/selfcheck.h"
#include "audit/standards.h"
#include "registry/registry.h"
#include "registry/summary.h"
#include "reports/i18n.h"
#include "sampler/draw.h"
#include "simulate/simulation.h"
#include "util/diagnostics.h"

namespace kaoping {

/// What a conditional run was given (SPEC §4), one line: the announced townships, villages
/// or the evaluators' list; "" when no condition.
std::string given_text(const Condition& c, const Registry& reg, Lang lang);

/// The sensitivity sentence: "0.64, between 0.52 and 0.71 over the plausible assumptions"
/// (the lowest and highest pass probability of the entries and the run itself); "" when
/// there are no entries.
std::string sensitivity_sentence(const SimulationResult& r, Lang lang);

/// The rehearsal's summary: pass probability, each criterion, where the risk sits, the
/// households to fix first, the what-if and the speed. `source` names the registry.
std::string simulate_summary_text(const SimulationResult& r, const Registry& reg,
                                  const std::vector<Tier>& village_tier, Lang lang);

/// Every rate with its parts and, for a criterion, whether it holds; then the verdict.
std::string rates_text(const Rates& r, const Verdict& v, const StandardsConfig& s, Lang lang);

/// The audit of one draw: who was surveyed, the shortfalls, the rates and the verdict.
std::string audit_sample_text(const Registry& reg, const StandardsConfig& s,
                              const std::string& sample_path, uint64_t seed, int sampled,
                              const AuditResult& result, Lang lang);

/// The self-check: households with findings, the county's rates, the villages to fix first.
std::string selfcheck_text(const Registry& reg, const StandardsConfig& s,
                           const SelfCheckResult& result, Lang lang);

/// validate's summary of a valid county. `source` is the registry directory, or empty for
/// the embedded default county.
std::string validate_summary_text(const std::string& source, const Registry& reg,
                                  std::size_t eligible_townships, std::size_t warnings, Lang lang);

/// generate's one-line summary of the county written into `out` (no newline).
std::string generate_summary_line(const std::string& out, const Registry& reg, Lang lang);

/// sample's note on the draw written to `out` with `seed` (no newline).
std::string sample_wrote_line(const std::string& out, const Draw& draw, uint64_t seed, Lang lang);

/// The diagnostics as stderr shows them, one a line (personal data scrubbed, warnings left out
/// when `quiet`), then the note on the errors left out or on where the checks stopped.
std::string diagnostics_text(const Diagnostics& diag, bool quiet, Lang lang);

struct ImportResult;  // import/import.h

/// import's one-line summary of the registry written into `out` (no newline).
std::string import_summary_line(const std::string& out, const ImportResult& r, Lang lang);

}  // namespace kaoping
