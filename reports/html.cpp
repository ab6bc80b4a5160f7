#include "reports/html.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "reports/i18n.h"
#include "reports/svg.h"
#include "util/files.h"
#include "util/privacy.h"

namespace kaoping {
namespace {

using namespace report;

// Inline style sheet. Print rules: A4 pages, headings kept with what follows, figures and
// table rows never split, table headers repeated on each page. Tones carry a border style
// as well as a colour so they survive a grey print.
constexpr const char* kStyle = R"CSS(
@page { size: A4; margin: 14mm 13mm 16mm 13mm; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei",
  "Noto Sans", "Helvetica Neue", Arial, sans-serif; color: #1a1a1a; background: #fff;
  font-size: 10.5pt; line-height: 1.55; margin: 0 auto; max-width: 184mm; padding: 8mm 4mm; }
header { border-bottom: 3px solid #1f4e79; margin-bottom: 6mm; padding-bottom: 3mm; }
h1 { font-size: 20pt; margin: 0 0 1mm 0; color: #1f4e79; }
.subtitle { color: #444; margin: 0; }
.stamp { color: #1f4e79; font-weight: 700; margin: 0 0 1mm 0; }
section.sheet { break-before: page; page-break-before: always; }
h2 + p, p:has(+ .table-block), p:has(+ figure) { break-after: avoid; page-break-after: avoid; }
caption { break-after: avoid; page-break-after: avoid; }
.table-block.small { break-inside: avoid; page-break-inside: avoid; }
h2 { font-size: 14pt; color: #1f4e79; border-bottom: 1px solid #9db3c8; margin: 7mm 0 3mm 0;
  break-after: avoid; page-break-after: avoid; }
p { margin: 0 0 3mm 0; }
.figures { display: flex; flex-wrap: wrap; gap: 3mm; margin: 0 0 4mm 0;
  break-inside: avoid; page-break-inside: avoid; }
.figure { flex: 1 1 52mm; border: 1px solid #9aa5b1; border-left: 6px solid #1f4e79;
  padding: 2mm 3mm; background: #f6f8fa; }
.figure .label { font-size: 9pt; color: #333; }
.figure .value { font-size: 20pt; font-weight: 700; line-height: 1.2; }
.figure .note { font-size: 8.5pt; color: #333; }
.tone-good { border-left: 6px solid #4f8a3c; }
.tone-warning { border-left: 6px dashed #d08c00; }
.tone-bad { border-left: 6px double #b03a2e; }
figure { margin: 0 0 5mm 0; break-inside: avoid; page-break-inside: avoid; }
figcaption { font-weight: 700; font-size: 10pt; margin-bottom: 1mm; }
svg.chart { max-width: 100%; height: auto; display: block; }
svg .tick { font-size: 10px; fill: #333; }
svg .axis-label, svg .legend { font-size: 11px; fill: #222; }
svg .bar-label { font-size: 11px; fill: #222; }
svg .value { font-size: 10px; fill: #222; }
svg .threshold-label { font-size: 11px; font-weight: 700; fill: #8b1a10; }
svg .grid { stroke: #dde3ea; stroke-width: 1; }
svg .axis { stroke: #333; stroke-width: 1; }
svg .threshold { stroke: #8b1a10; stroke-width: 2; stroke-dasharray: 5 3; }
svg .whisker { stroke: #111; stroke-width: 1.3; }
svg .bar { fill: #1f4e79; }
svg .bar-fail { fill: #c0504d; }
table { border-collapse: collapse; width: 100%; margin: 0 0 2mm 0; font-size: 9pt; }
caption { text-align: left; font-weight: 700; font-size: 10pt; padding-bottom: 1mm; }
thead { display: table-header-group; }
th { background: #e4ebf2; border-bottom: 2px solid #1f4e79; text-align: left; padding: 1mm 2mm;
  vertical-align: bottom; }
td { border-bottom: 1px solid #d5dbe1; padding: 0.8mm 2mm; vertical-align: top; }
td.short { white-space: nowrap; }
td { overflow-wrap: anywhere; }
tr { break-inside: avoid; page-break-inside: avoid; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.table-note { font-size: 8.5pt; color: #444; margin: 0 0 5mm 0; }
.table-block { margin-bottom: 5mm; }
footer { margin-top: 8mm; border-top: 1px solid #9aa5b1; padding-top: 2mm; font-size: 8.5pt;
  color: #333; }
footer dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.5mm 4mm; margin: 0; }
footer dt { font-weight: 700; }
footer dd { margin: 0; word-break: break-all; }
@media print { body { padding: 0; max-width: none; } h2 { margin-top: 5mm; } }
)CSS";

// Tables of at most this many rows are kept on one page.
constexpr std::size_t kSmallTableRows = 18;

// Escapes after scrubbing, so a full ID number or phone never reaches the page.
std::string esc(std::string_view s) {
  return xml_escape(scrub_personal_data(s));
}

const char* tone_class(Tone t) {
  switch (t) {
    case Tone::kGood:
      return " tone-good";
    case Tone::kWarning:
      return " tone-warning";
    case Tone::kBad:
      return " tone-bad";
    default:
      return "";
  }
}

bool numeric(ColumnKind k) {
  return !is_text_kind(k);
}

std::string chart_title(const Chart& c) {
  return std::visit([](const auto& chart) { return chart.title; }, c);
}

void render_table(const Table& t, std::string* out) {
  std::string& s = *out;
  // A small table is never split across pages; a long one repeats its header row.
  const bool small =
      std::min(t.rows.size(), t.html_rows > 0 ? t.html_rows : t.rows.size()) <= kSmallTableRows;
  s += small ? "<div class=\"table-block small\"><table>" : "<div class=\"table-block\"><table>";
  if (!t.title.empty()) s += "<caption>" + esc(t.title) + "</caption>";
  s += "<thead><tr>";
  for (const Column& c : t.columns)
    s += std::string(numeric(c.kind) ? "<th class=\"num\">" : "<th>") + esc(c.header) + "</th>";
  s += "</tr></thead><tbody>";
  const std::size_t shown =
      t.html_rows > 0 && t.html_rows < t.rows.size() ? t.html_rows : t.rows.size();
  for (std::size_t r = 0; r < shown; ++r) {
    s += "<tr>";
    for (std::size_t k = 0; k < t.columns.size(); ++k) {
      const Cell empty;
      const Cell& cell = k < t.rows[r].size() ? t.rows[r][k] : empty;
      // Short texts (ids, names, categories) never wrap; long ones (details) may.
      const std::string text = format_cell(cell, t.columns[k]);
      const char* open = numeric(t.columns[k].kind) ? "<td class=\"num\">"
                         : text.size() <= 24        ? "<td class=\"short\">"
                                                    : "<td>";
      s += open + esc(text) + "</td>";
    }
    s += "</tr>";
  }
  s += "</tbody></table>";
  if (shown < t.rows.size() && !t.html_cut_note.empty())
    s += "<p class=\"table-note\">" + esc(t.html_cut_note) + "</p>";
  if (!t.note.empty()) s += "<p class=\"table-note\">" + esc(t.note) + "</p>";
  s += "</div>";
}

// Chart labels are scrubbed too: a label could in principle carry a name and number.
Chart scrubbed(const Chart& c) {
  Chart copy = c;
  std::visit(
      [](auto& chart) {
        chart.title = scrub_personal_data(chart.title);
        chart.x_label = scrub_personal_data(chart.x_label);
        using T = std::decay_t<decltype(chart)>;
        if constexpr (std::is_same_v<T, BarChart>) {
          for (auto& b : chart.bars) b.label = scrub_personal_data(b.label);
          chart.reference_label = scrub_personal_data(chart.reference_label);
        } else if constexpr (std::is_same_v<T, Histogram>) {
          chart.threshold_label = scrub_personal_data(chart.threshold_label);
        } else {
          chart.y_label = scrub_personal_data(chart.y_label);
          for (auto& series : chart.series) series.name = scrub_personal_data(series.name);
          for (auto& m : chart.markers) m.label = scrub_personal_data(m.label);
        }
      },
      copy);
  return copy;
}

}  // namespace

std::string format_cell(const Cell& cell, const Column& column) {
  switch (column.kind) {
    case ColumnKind::kText:
    case ColumnKind::kDate:
    case ColumnKind::kTime:
    case ColumnKind::kDateTime:
      return cell.text;
    case ColumnKind::kInteger:
      return std::isnan(cell.number) ? cell.text : format_number(cell.number, 0);
    case ColumnKind::kDecimal:
      return std::isnan(cell.number) ? cell.text : format_number(cell.number, column.decimals);
    case ColumnKind::kProbability:
      return std::isnan(cell.number) ? cell.text : format_percent(cell.number, column.decimals);
  }
  return cell.text;
}

std::string render_html(const Report& r) {
  std::string s;
  s.reserve(64 * 1024);
  s += "<!DOCTYPE html>\n<html lang=\"";
  s += r.lang == "en" ? "en" : "zh-CN";
  s += "\">\n<head>\n<meta charset=\"utf-8\">\n"
       "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>";
  s += esc(r.title);
  s += "</title>\n<style>";
  s += kStyle;
  s += "</style>\n</head>\n<body>\n<header><h1>" + esc(r.title) + "</h1>";
  if (!r.stamp.empty()) s += "<p class=\"stamp\">" + esc(r.stamp) + "</p>";
  if (!r.subtitle.empty()) s += "<p class=\"subtitle\">" + esc(r.subtitle) + "</p>";
  s += "</header>\n";
  for (const Section& sec : r.sections) {
    s += sec.page_break ? "<section class=\"sheet\">\n<h2>" : "<section>\n<h2>";
    s += esc(sec.heading) + "</h2>\n";
    for (const Block& block : sec.blocks) {
      if (const auto* p = std::get_if<Paragraph>(&block)) {
        s += "<p>" + esc(p->text) + "</p>\n";
      } else if (const auto* f = std::get_if<Figures>(&block)) {
        s += "<div class=\"figures\">";
        for (const KeyFigure& k : f->items) {
          s += fmt::format("<div class=\"figure{}\"><div class=\"label\">{}</div>",
                           tone_class(k.tone), esc(k.label));
          s += "<div class=\"value\">" + esc(k.value) + "</div>";
          if (!k.note.empty()) s += "<div class=\"note\">" + esc(k.note) + "</div>";
          s += "</div>";
        }
        s += "</div>\n";
      } else if (const auto* c = std::get_if<Chart>(&block)) {
        s += "<figure><figcaption>" + esc(chart_title(*c)) + "</figcaption>";
        s += svg_chart(scrubbed(*c));
        s += "</figure>\n";
      } else if (const auto* t = std::get_if<Table>(&block)) {
        if (t->in_html) {
          render_table(*t, &s);
          s += "\n";
        }
      }
    }
    s += "</section>\n";
  }
  if (!r.colophon.empty()) {
    s += "<footer><dl>";
    for (const auto& [label, value] : r.colophon)
      s += "<dt>" + esc(label) + "</dt><dd>" + esc(value) + "</dd>";
    s += "</dl></footer>\n";
  }
  s += "</body>\n</html>\n";
  return s;
}

bool write_html(const Report& report, const std::string& path, std::string* err) {
  return write_file_atomic(path, render_html(report), err);
}

}  // namespace kaoping
