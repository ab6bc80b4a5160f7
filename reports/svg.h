// Inline SVG charts for report.html: no scripts, no external fonts or images, readable when
// printed in grey (fail regions hatched, series told apart by dash pattern and marker as
// well as colour). Each function lays out one chart of the report model; none computes.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "reports/document.h"

namespace kaoping {

/// Escapes &, <, >, " and ' for XML/HTML text and attribute values.
std::string xml_escape(std::string_view text);

/// "Nice" axis ticks (steps of 1, 2 or 5 × 10^k) covering [lo, hi], about `target` of them.
std::vector<double> nice_ticks(double lo, double hi, int target = 5);

/// Tick label of a proportion shown as a percentage, with as many decimals as `step` needs.
std::string percent_tick(double value, double step);

std::string svg_histogram(const report::Histogram& chart);
std::string svg_bar_chart(const report::BarChart& chart);
std::string svg_line_chart(const report::LineChart& chart);
/// Dispatches on the chart kind.
std::string svg_chart(const report::Chart& chart);

}  // namespace kaoping
