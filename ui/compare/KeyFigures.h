#pragma once

// The key figures of two runs side by side, from their reports (engine/metrics/Report): totals
// from the ledger, then per producer, queue, consumer, consumer group and request-reply client,
// matched by component id. A figure a run does not have (a component only one scenario has, a
// percentile of nothing yet) is absent there, and so is its difference.

#include <QString>

#include <optional>
#include <string>
#include <vector>

namespace brokerlab {
struct RunReport;
}

namespace brokerlab::ui {

enum class FigureUnit { Count, PerSecond, Seconds, Fraction, Messages };

struct KeyFigure {
  QString name;  // "orders: wait p99"
  FigureUnit unit = FigureUnit::Count;
  int better = 0;  // +1: higher is better, -1: lower is better, 0: neither
  std::optional<double> a, b;

  std::optional<double> difference() const;  // B − A
  std::optional<double> relative() const;    // (B − A) / |A|; absent when A is 0
};

// Figures that are about trouble (dead letters, drops, rejections) are listed only when one of
// the runs has any.
std::vector<KeyFigure> keyFigures(const RunReport& a, const RunReport& b);

// "1,234", "12.3/s", "250 ms", "81.2%", "3.47"; a difference with its sign.
QString formatFigure(double value, FigureUnit unit, bool signedValue = false);
QString formatRelative(double fraction);  // "+12.5%", "−3.0%"

// The figures as CSV for a spreadsheet or a design document: a header line, then one line a
// figure: figure, unit (count, per_s, s, fraction, messages), better (higher, lower or empty),
// a, b, b_minus_a, b_vs_a (a fraction), exact to nine significant digits; an absent value is an
// empty field. The moment and the seed go in the file's name (the window suggests one), so the
// table stays plain CSV.
std::string keyFiguresCsv(const std::vector<KeyFigure>& figures);

}  // namespace brokerlab::ui
