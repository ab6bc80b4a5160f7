// report.html: one self-contained page (inline CSS and SVG, no scripts, no network) that
// prints well on A4 and stays readable in grey. The page lays out the report model in order;
// every text is HTML-escaped and scrubbed of full ID numbers and phone numbers.
#pragma once

#include <string>

#include "reports/document.h"

namespace kaoping {

/// The whole page as UTF-8 text (<!DOCTYPE html>, <html lang="zh-CN"|"en">, <meta charset>).
std::string render_html(const report::Report& report);

/// Renders and writes the page atomically to `path`. False and *err on failure.
bool write_html(const report::Report& report, const std::string& path, std::string* err);

/// A table cell as the page shows it: integers with thousands separators, decimals and
/// probabilities (as percentages) with the column's decimals, empty cells as "".
std::string format_cell(const report::Cell& cell, const report::Column& column);

}  // namespace kaoping
