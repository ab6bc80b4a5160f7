#include "reports/svg.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

namespace kaoping {
namespace {

using report::BarChart;
using report::Histogram;
using report::LineChart;
using report::Tone;

// Palette with distinct grey levels, so a black-and-white print still tells them apart.
constexpr const char* kSeriesColour[] = {"#1f4e79", "#c0504d", "#4f8a3c", "#7f6000", "#6b3fa0"};
constexpr const char* kSeriesDash[] = {"", "6 3", "2 3", "8 3 2 3", "1 2"};
constexpr int kSeriesStyles = 5;

const char* tone_fill(Tone t) {
  switch (t) {
    case Tone::kGood:
      return "#4f8a3c";
    case Tone::kWarning:
      return "#d08c00";
    case Tone::kBad:
      return "#b03a2e";
    default:
      return "#1f4e79";
  }
}

std::string num(double v) {
  return fmt::format("{:.1f}", v);
}

// The shared defs: a hatch pattern for regions that fail.
std::string defs() {
  return "<defs><pattern id=\"hatch\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" "
         "patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" fill=\"#fbe9e7\"/>"
         "<line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"#c0504d\" stroke-width=\"1.5\"/>"
         "</pattern></defs>";
}

std::string open_svg(int width, int height, std::string_view label) {
  return fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {} {}\" width=\"{}\" "
      "height=\"{}\" role=\"img\" aria-label=\"{}\" class=\"chart\">",
      width, height, width, height, xml_escape(label));
}

std::string text(double x, double y, std::string_view s, std::string_view anchor = "middle",
                 std::string_view cls = "tick") {
  return fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"{}\" class=\"{}\">{}</text>", num(x),
                     num(y), anchor, cls, xml_escape(s));
}

std::string line(double x1, double y1, double x2, double y2, std::string_view cls) {
  return fmt::format("<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" class=\"{}\"/>", num(x1),
                     num(y1), num(x2), num(y2), cls);
}

std::string tick_label(double v, double step, bool percent) {
  if (percent) return percent_tick(v, step);
  const int decimals = step >= 1 ? 0 : static_cast<int>(std::ceil(-std::log10(step) - 1e-9));
  return fmt::format("{:.{}f}", v, decimals);
}

}  // namespace

std::string xml_escape(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::vector<double> nice_ticks(double lo, double hi, int target) {
  if (!(hi > lo)) return {lo};
  const double raw = (hi - lo) / std::max(1, target);
  const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
  double step = magnitude;
  for (double m : {1.0, 2.0, 5.0, 10.0}) {
    step = m * magnitude;
    if (step >= raw) break;
  }
  std::vector<double> ticks;
  const double first = std::ceil(lo / step - 1e-9) * step;
  for (double t = first; t <= hi + step * 1e-9; t += step)
    ticks.push_back(std::abs(t) < step * 1e-9 ? 0.0 : t);
  return ticks;
}

std::string percent_tick(double value, double step) {
  const double pct_step = step * 100;
  const int decimals = pct_step >= 1 ? 0 : pct_step >= 0.1 ? 1 : 2;
  return fmt::format("{:.{}f}%", value * 100, decimals);
}

std::string svg_histogram(const Histogram& c) {
  constexpr int kWidth = 640, kHeight = 258;
  constexpr double kLeft = 52, kRight = 16, kTop = 40, kBottom = 42;
  const double plot_w = kWidth - kLeft - kRight, plot_h = kHeight - kTop - kBottom;
  const std::size_t bins = c.share.size();
  double x_lo = c.start, x_hi = c.start + c.bin_width * bins;
  if (!std::isnan(c.threshold)) {
    x_lo = std::min(x_lo, c.threshold);
    x_hi = std::max(x_hi, c.threshold + c.bin_width);
  }
  if (!(x_hi > x_lo)) x_hi = x_lo + 1;
  double y_hi = 0;
  for (double s : c.share) y_hi = std::max(y_hi, s);
  if (y_hi <= 0) y_hi = 1;
  const std::vector<double> y_ticks = nice_ticks(0, y_hi * 1.05, 4);
  y_hi = std::max(y_hi, y_ticks.back());
  auto X = [&](double v) { return kLeft + (v - x_lo) / (x_hi - x_lo) * plot_w; };
  auto Y = [&](double v) { return kTop + plot_h - v / y_hi * plot_h; };

  std::string s = open_svg(kWidth, kHeight, c.title) + defs();
  // Fail side of the threshold, hatched.
  if (!std::isnan(c.threshold)) {
    const double tx = std::clamp(X(c.threshold), kLeft, kLeft + plot_w);
    const double fx = c.pass_below ? tx : kLeft;
    const double fw = c.pass_below ? kLeft + plot_w - tx : tx - kLeft;
    if (fw > 0)
      s += fmt::format(
          "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"url(#hatch)\" "
          "opacity=\"0.6\" class=\"fail-region\"/>",
          num(fx), num(kTop), num(fw), num(plot_h));
  }
  const double y_step = y_ticks.size() > 1 ? y_ticks[1] - y_ticks[0] : y_hi;
  for (double t : y_ticks) {
    s += line(kLeft, Y(t), kLeft + plot_w, Y(t), "grid");
    s += text(kLeft - 6, Y(t) + 4, percent_tick(t, y_step), "end");
  }
  for (std::size_t b = 0; b < bins; ++b) {
    if (c.share[b] <= 0) continue;
    const double lo = c.start + c.bin_width * b, hi = lo + c.bin_width;
    const bool fails =
        !std::isnan(c.threshold) && (c.pass_below ? lo >= c.threshold : hi <= c.threshold);
    s += fmt::format("<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" class=\"{}\"/>",
                     num(X(lo) + 0.5), num(Y(c.share[b])), num(std::max(0.5, X(hi) - X(lo) - 1)),
                     num(Y(0) - Y(c.share[b])), fails ? "bar-fail" : "bar");
  }
  const std::vector<double> x_ticks = nice_ticks(x_lo, x_hi, 6);
  const double x_step = x_ticks.size() > 1 ? x_ticks[1] - x_ticks[0] : x_hi - x_lo;
  for (double t : x_ticks) {
    s += line(X(t), Y(0), X(t), Y(0) + 4, "axis");
    s += text(X(t), Y(0) + 16, percent_tick(t, x_step));
  }
  s += line(kLeft, Y(0), kLeft + plot_w, Y(0), "axis");
  s += line(kLeft, kTop, kLeft, Y(0), "axis");
  if (!std::isnan(c.threshold)) {
    const double tx = X(c.threshold);
    s += line(tx, kTop - 6, tx, Y(0), "threshold");
    const bool right_half = tx > kLeft + plot_w * 0.6;
    s += text(right_half ? tx - 4 : tx + 4, kTop - 8, c.threshold_label,
              right_half ? "end" : "start", "threshold-label");
  }
  s += text(kLeft + plot_w / 2, kHeight - 6, c.x_label, "middle", "axis-label");
  // The legend: every colour of the chart.
  if (!c.pass_label.empty()) {
    s += "<rect x=\"" + num(kLeft) + "\" y=\"5\" width=\"12\" height=\"10\" class=\"bar\"/>";
    s += text(kLeft + 16, 14, c.pass_label, "start", "legend");
  }
  if (!c.fail_label.empty()) {
    const double x = kLeft + plot_w / 2;
    s += "<rect x=\"" + num(x) + "\" y=\"3\" width=\"22\" height=\"14\" fill=\"url(#hatch)\"/>";
    s += "<rect x=\"" + num(x + 5) + "\" y=\"5\" width=\"12\" height=\"10\" class=\"bar-fail\"/>";
    s += text(x + 26, 14, c.fail_label, "start", "legend");
  }
  s += "</svg>";
  return s;
}

std::string svg_bar_chart(const BarChart& c) {
  constexpr int kWidth = 640;
  constexpr double kLeft = 190, kRight = 70, kTop = 26, kRow = 22, kBottom = 38;
  const double plot_w = kWidth - kLeft - kRight;
  const int legend_h = c.legend.empty() ? 0 : 20;
  const int height = static_cast<int>(kTop + kRow * c.bars.size() + kBottom) + legend_h;
  double x_hi = 1;
  if (!c.probability) {
    x_hi = 0;
    for (const auto& b : c.bars) x_hi = std::max({x_hi, b.value, std::isnan(b.high) ? 0 : b.high});
    if (x_hi <= 0) x_hi = 1;
  }
  double x_lo = 0;
  if (c.tornado) {  // zoomed to the bars and the reference
    x_lo = std::isnan(c.reference) ? 1 : c.reference;
    x_hi = std::isnan(c.reference) ? 0 : c.reference;
    for (const auto& b : c.bars) x_lo = std::min({x_lo, b.low, b.high});
    for (const auto& b : c.bars) x_hi = std::max({x_hi, b.low, b.high});
    const double pad = std::max(0.01, (x_hi - x_lo) * 0.1);
    x_lo = std::max(0.0, x_lo - pad), x_hi = std::min(1.0, x_hi + pad);
  }
  const std::vector<double> ticks = nice_ticks(x_lo, x_hi, 5);
  x_hi = std::max(x_hi, ticks.back());
  x_lo = std::min(x_lo, ticks.front());
  const double step = ticks.size() > 1 ? ticks[1] - ticks[0] : x_hi;
  auto X = [&](double v) {
    return kLeft + std::clamp((v - x_lo) / (x_hi - x_lo), 0.0, 1.0) * plot_w;
  };
  const double bottom = kTop + kRow * c.bars.size();

  std::string s = open_svg(kWidth, height, c.title);
  for (double t : ticks) {
    s += line(X(t), kTop - 4, X(t), bottom, "grid");
    s += text(X(t), bottom + 16, tick_label(t, step, c.probability));
  }
  for (std::size_t i = 0; i < c.bars.size(); ++i) {
    const auto& b = c.bars[i];
    const double y = kTop + kRow * i;
    s += text(kLeft - 8, y + kRow * 0.68, b.label, "end", "bar-label");
    if (c.tornado) {
      const double a = X(std::min(b.low, b.high)), e = X(std::max(b.low, b.high));
      s += fmt::format(
          "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{}\" class=\"hbar\"/>", num(a),
          num(y + 4), num(std::max(1.0, e - a)), num(kRow - 8), tone_fill(b.tone));
      s += text(e + 5, y + kRow * 0.68, fmt::format("{:.1f}% – {:.1f}%", b.low * 100, b.high * 100),
                "start", "value");
      continue;
    }
    s += fmt::format(
        "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{}\" "
        "class=\"hbar\"/>",
        num(kLeft), num(y + 4), num(std::max(0.0, X(b.value) - kLeft)), num(kRow - 8),
        tone_fill(b.tone));
    double label_x = X(b.value);
    if (!std::isnan(b.low) && !std::isnan(b.high)) {
      const double ym = y + kRow / 2;
      s += line(X(b.low), ym, X(b.high), ym, "whisker");
      s += line(X(b.low), ym - 5, X(b.low), ym + 5, "whisker");
      s += line(X(b.high), ym - 5, X(b.high), ym + 5, "whisker");
      label_x = std::max(label_x, X(b.high));
    }
    const std::string value = c.probability ? fmt::format("{:.1f}%", b.value * 100)
                              : b.value == std::round(b.value)
                                  ? fmt::format("{:.0f}", b.value)
                                  : tick_label(b.value, step / 10, false);
    s += text(label_x + 5, y + kRow * 0.68, value, "start", "value");
  }
  s += line(kLeft, kTop - 4, kLeft, bottom, "axis");
  s += line(kLeft, bottom, kLeft + plot_w, bottom, "axis");
  if (!std::isnan(c.reference)) {
    const double rx = X(c.reference);
    s += line(rx, kTop - 8, rx, bottom, "threshold");
    s += text(rx, kTop - 12, c.reference_label, "middle", "threshold-label");
  }
  s += text(kLeft + plot_w / 2, height - 6 - legend_h, c.x_label, "middle", "axis-label");
  double lx = 12;
  for (const auto& [tone, label] : c.legend) {
    s += fmt::format("<rect x=\"{}\" y=\"{}\" width=\"12\" height=\"10\" fill=\"{}\"/>", num(lx),
                     height - 16, tone_fill(tone));
    s += text(lx + 16, height - 7, label, "start", "legend");
    lx += 28 + 7.5 * static_cast<double>(label.size()) * 0.75;
  }
  s += "</svg>";
  return s;
}

std::string svg_line_chart(const LineChart& c) {
  constexpr int kWidth = 640, kPlotHeight = 260;
  constexpr double kLeft = 56, kRight = 20, kTop = 26, kLegendRow = 18;
  const double plot_w = kWidth - kLeft - kRight, plot_h = kPlotHeight - kTop - 40;
  const int height = static_cast<int>(kPlotHeight + kLegendRow * c.series.size() + 8);
  const double x_span = c.x_max > c.x_min ? c.x_max - c.x_min : 1;
  const double y_span = c.y_max > c.y_min ? c.y_max - c.y_min : 1;
  auto X = [&](double v) { return kLeft + (v - c.x_min) / x_span * plot_w; };
  auto Y = [&](double v) { return kTop + plot_h - (v - c.y_min) / y_span * plot_h; };

  std::string s = open_svg(kWidth, height, c.title);
  const std::vector<double> y_ticks = nice_ticks(c.y_min, c.y_max, 5);
  const double y_step = y_ticks.size() > 1 ? y_ticks[1] - y_ticks[0] : y_span;
  for (double t : y_ticks) {
    s += line(kLeft, Y(t), kLeft + plot_w, Y(t), "grid");
    s += text(kLeft - 6, Y(t) + 4, tick_label(t, y_step, c.y_percent), "end");
  }
  const std::vector<double> x_ticks = nice_ticks(c.x_min, c.x_max, 8);
  const double x_step = x_ticks.size() > 1 ? x_ticks[1] - x_ticks[0] : x_span;
  for (double t : x_ticks) {
    s += line(X(t), kTop, X(t), Y(c.y_min), "grid");
    s += text(X(t), Y(c.y_min) + 16, tick_label(t, x_step, c.x_percent));
  }
  s += line(kLeft, Y(c.y_min), kLeft + plot_w, Y(c.y_min), "axis");
  s += line(kLeft, kTop, kLeft, Y(c.y_min), "axis");
  for (const auto& m : c.markers) {
    if (m.x < c.x_min || m.x > c.x_max) continue;
    s += line(X(m.x), kTop - 4, X(m.x), Y(c.y_min), "threshold");
    s += text(X(m.x) + 4, kTop - 8, m.label, "start", "threshold-label");
  }
  for (std::size_t k = 0; k < c.series.size(); ++k) {
    const auto& series = c.series[k];
    const int style = static_cast<int>(k % kSeriesStyles);
    std::string points;
    for (std::size_t i = 0; i < series.x.size() && i < series.y.size(); ++i) {
      if (i) points += ' ';
      points += fmt::format("{:.1f},{:.1f}", X(series.x[i]), Y(series.y[i]));
    }
    s += fmt::format(
        "<polyline points=\"{}\" fill=\"none\" stroke=\"{}\" stroke-width=\"2\"{} "
        "class=\"series\"/>",
        points, kSeriesColour[style],
        *kSeriesDash[style] ? fmt::format(" stroke-dasharray=\"{}\"", kSeriesDash[style]) : "");
    const double ly = kPlotHeight + kLegendRow * k;
    s += fmt::format(
        "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"{}\" stroke-width=\"2\"{}/>",
        num(kLeft), num(ly), num(kLeft + 36), num(ly), kSeriesColour[style],
        *kSeriesDash[style] ? fmt::format(" stroke-dasharray=\"{}\"", kSeriesDash[style]) : "");
    s += text(kLeft + 44, ly + 4, series.name, "start", "legend");
  }
  s += text(kLeft + plot_w / 2, Y(c.y_min) + 32, c.x_label, "middle", "axis-label");
  s += fmt::format(
      "<text x=\"14\" y=\"{}\" text-anchor=\"middle\" class=\"axis-label\" "
      "transform=\"rotate(-90 14 {})\">{}</text>",
      num(kTop + plot_h / 2), num(kTop + plot_h / 2), xml_escape(c.y_label));
  s += "</svg>";
  return s;
}

std::string svg_chart(const report::Chart& chart) {
  if (const auto* h = std::get_if<Histogram>(&chart)) return svg_histogram(*h);
  if (const auto* b = std::get_if<BarChart>(&chart)) return svg_bar_chart(*b);
  return svg_line_chart(std::get<LineChart>(chart));
}

}  // namespace kaoping
