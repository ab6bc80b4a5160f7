// The plain report model shared by every writer. Composers (reports/*_report.h) turn the
// result structs of simulate, audit and schedule into a Report, already translated and with
// personal data masked; the writers (HTML, XLSX) only lay out what the model holds, so the
// HTML page and the Excel workbook always show the same tables.
#pragma once

#include <cmath>
#include <limits>
#include <string>
#include <variant>
#include <vector>

#include "util/intern.h"

namespace kaoping::report {

/// How a table column's values are stored and shown.
enum class ColumnKind {
  kText,         ///< shown as is
  kInteger,      ///< whole number, right-aligned
  kDecimal,      ///< decimal number, right-aligned, up to 2 decimals on screen
  kProbability,  ///< value in [0,1]; shown as a percentage, stored as the decimal
  /// Text "YYYY-MM-DD", "HH:MM" or "YYYY-MM-DD HH:MM": shown as is, stored in the workbook as
  /// a real date, time or date-time cell (a text that is not one stays text).
  kDate,
  kTime,
  kDateTime,
};

/// Kinds whose cells hold text (the others hold numbers).
inline bool is_text_kind(ColumnKind k) {
  return k == ColumnKind::kText || k == ColumnKind::kDate || k == ColumnKind::kTime ||
         k == ColumnKind::kDateTime;
}

struct Column {
  std::string header;  ///< translated header text
  ColumnKind kind = ColumnKind::kText;
  /// Decimals shown for kDecimal and kProbability (HTML and Excel display; the stored
  /// value keeps full precision).
  int decimals = 1;
  /// Phone numbers of a notification list: written as they are (text cells) in the workbook;
  /// the HTML page scrubs them like any text.
  bool personal = false;
};

/// One cell: text for kText columns, a number for the others. An empty cell has empty
/// text and a NaN number.
struct Cell {
  std::string text;
  double number = std::numeric_limits<double>::quiet_NaN();

  Cell() = default;
  Cell(std::string t) : text(std::move(t)) {}                // NOLINT: implicit for brace lists
  Cell(const char* t) : text(t) {}                           // NOLINT
  Cell(const Interned& t) : text(t.str()) {}                 // NOLINT
  Cell(double v) : number(v) {}                              // NOLINT
  Cell(int v) : number(v) {}                                 // NOLINT
  Cell(long v) : number(static_cast<double>(v)) {}           // NOLINT
  Cell(long long v) : number(static_cast<double>(v)) {}      // NOLINT
  Cell(unsigned long v) : number(static_cast<double>(v)) {}  // NOLINT
  bool empty() const { return text.empty() && std::isnan(number); }
};

/// A table: shown in the HTML report (possibly cut to its first rows) and written whole as
/// one sheet of the workbook when `sheet` is not empty.
struct Table {
  std::string title;  ///< caption above the table
  std::string sheet;  ///< Excel sheet name (writer makes it <= 31 chars and unique); "" = none
  std::vector<Column> columns;
  std::vector<std::vector<Cell>> rows;
  std::string note;           ///< shown under the table
  bool in_html = true;        ///< false: workbook only
  std::size_t html_rows = 0;  ///< > 0: the HTML shows only the first html_rows rows
  std::string html_cut_note;  ///< shown when rows were cut ("... full list in report.xlsx")
  bool landscape = false;     ///< printed across the page (wide tables)
};

/// A headline number: "通过概率 62.3%".
enum class Tone { kNeutral, kGood, kWarning, kBad };
struct KeyFigure {
  std::string label;
  std::string value;  ///< already formatted ("62.3%")
  std::string note;   ///< e.g. the 95% interval
  Tone tone = Tone::kNeutral;
};

/// Distribution of a rate over replicates, with the criterion's threshold drawn as a line.
/// Bins are equal width from `start`; `share` is the fraction of replicates in each bin.
struct Histogram {
  std::string title;
  std::string x_label;
  double start = 0;      ///< left edge of the first bin (a rate in [0,1])
  double bin_width = 0;  ///< > 0
  std::vector<double> share;
  double threshold = std::numeric_limits<double>::quiet_NaN();  ///< NaN: no line
  std::string threshold_label;
  bool pass_below = true;  ///< bins left of the threshold pass (below) or right of it (above)
  /// Legend of the two colours: the bars that pass and those (and the hatched side) that fail.
  std::string pass_label, fail_label;
};

/// Horizontal bars with an optional interval per bar (e.g. pass probability by township with
/// its 95% interval). Values in [0,1] when `probability`.
struct Bar {
  std::string label;
  double value = 0;
  double low = std::numeric_limits<double>::quiet_NaN();  ///< NaN: no interval
  double high = std::numeric_limits<double>::quiet_NaN();
  Tone tone = Tone::kNeutral;
};
struct BarChart {
  std::string title;
  std::string x_label;
  std::vector<Bar> bars;
  bool probability = true;                                      ///< axis 0–100%
  double reference = std::numeric_limits<double>::quiet_NaN();  ///< vertical line; NaN: none
  std::string reference_label;
  /// A tornado chart: each bar spans [low, high] (e.g. the pass probability at the two ends
  /// of an assumption's range) about `reference`, on an axis zoomed to the bars.
  bool tornado = false;
  /// What each colour means, drawn under the chart (one entry per tone the bars use).
  std::vector<std::pair<Tone, std::string>> legend;
};

/// Line chart, e.g. the OC curve: several series over a common x axis.
struct Series {
  std::string name;
  std::vector<double> x, y;
};
struct Marker {  ///< a vertical line at x with a label
  double x = 0;
  std::string label;
};
struct LineChart {
  std::string title;
  std::string x_label, y_label;
  std::vector<Series> series;
  std::vector<Marker> markers;
  double x_min = 0, x_max = 1, y_min = 0, y_max = 1;
  bool x_percent = true, y_percent = true;  ///< tick labels as percentages
};

using Chart = std::variant<Histogram, BarChart, LineChart>;

/// A section's content, laid out in order.
struct Paragraph {
  std::string text;
};
struct Figures {
  std::vector<KeyFigure> items;
};
using Block = std::variant<Paragraph, Figures, Chart, Table>;

struct Section {
  std::string heading;
  std::vector<Block> blocks;
  /// Printed from a new page (a sheet to hand out: one per team, one per village).
  bool page_break = false;
};

/// The whole report.
struct Report {
  std::string lang = "zh";  ///< "zh" or "en" (html lang zh-CN / en)
  std::string title;
  std::string subtitle;
  /// Which county and when the report was made, already translated ("县：… · 制表日期：…"):
  /// shown under the title and in the workbook's page headers.
  std::string stamp;
  std::vector<Section> sections;
  /// Label/value pairs for the colophon: version, seed, runs, registry, command line.
  std::vector<std::pair<std::string, std::string>> colophon;
};

}  // namespace kaoping::report
