// The outputs of `batch` (SPEC §4): counties.csv, the JSON summary and the terminal summary.
// Plain structs in (simulate/batch.h), text out; the CLI writes them atomically.
#pragma once

#include <string>

#include "reports/common_report.h"
#include "reports/i18n.h"
#include "reports/manifest.h"
#include "simulate/batch.h"

namespace kaoping {

/// counties.csv: county, registry, households, pass_probability, pass_ci95_low,
/// pass_ci95_high, binding_criterion, riskiest_township (SPEC §4), then persons,
/// fail_probability, runs and error — one row per county in the order given; a county that
/// did not load has its error and empty figures.
std::string counties_csv(const BatchResult& result);

/// The JSON of `batch --json` and batch.json: {"counties": [...], "expected_failures": x}
/// (SPEC §4), then expected_failures_ci95 (Monte Carlo error only), failures_ci95 (the
/// number that will fail), interval_method, counties_not_loaded, runs, seed, threads.
/// Each county: the counties.csv columns (null figures and an "error" when it did not
/// load) and its criteria {name: {mean, mean_se, fail_probability, fail_ci95}}.
std::string batch_json(const BatchResult& result);

/// The terminal summary: the counties ranked, the expected failures, the counties that
/// did not load.
std::string batch_summary_text(const BatchResult& result, Lang lang);

/// Counties in the order of the report and the terminal: the simulated ones by pass
/// probability, lowest first (ties in the order given), then those that did not load.
std::vector<std::size_t> counties_by_risk(const BatchResult& result);

/// Writes counties.csv, batch.json (`json`), report.html, report.xlsx and manifest.json into
/// `dir` (which exists): `manifest` (the run's, from the CLI) gets every county's registry
/// and input files, the seed, runs and threads. No file replaces an input. False and *err on
/// failure.
bool write_batch_outputs(const BatchResult& result, const std::string& json, Manifest manifest,
                         const ReportContext& ctx, const std::string& dir, std::string* err);

}  // namespace kaoping
