#include "sweep/SweepPlot.h"

#include "scenario/DurationText.h"

#include <cstdlib>
#include <map>

namespace brokerlab::ui {

namespace {

// Per report key: what it is and its unit.
const std::map<std::string, std::pair<const char*, const char*>>& figureWords() {
  static const std::map<std::string, std::pair<const char*, const char*>> words = {
      {"acked_per_s", {"throughput (acked)", "messages/s"}},
      {"latency_mean_s", {"mean latency", "s"}},
      {"latency_p99_s", {"p99 latency", "s"}},
      {"wait_mean_s", {"mean wait", "s"}},
      {"wait_p99_s", {"p99 wait", "s"}},
      {"depth_mean", {"mean depth", "messages"}},
      {"utilization", {"utilization", "busy fraction"}},
      {"time_to_result_mean_s", {"mean time to result", "s"}},
      {"lag_mean", {"mean lag", "records"}},
  };
  return words;
}

// A parameter's unit by its last key: what a number set there counts.
QString parameterUnit(const std::string& key) {
  static const std::map<std::string, const char*> units = {
      {"instances", "consumers"},   {"rate", "messages/s"},
      {"prefetch", "messages"},     {"max_length", "messages"},
      {"partitions", "partitions"}, {"concurrency", "requests"},
      {"size_bytes", "bytes"},      {"keys", "keys"},
      {"count", "messages"},        {"max_deliveries", "deliveries"},
  };
  const std::size_t dot = key.rfind('.');
  const auto it = units.find(dot == std::string::npos ? key : key.substr(dot + 1));
  return it == units.end() ? QString() : QString::fromUtf8(it->second);
}

std::optional<double> numberOf(const std::string& text) {
  if (text.empty()) return std::nullopt;
  char* end = nullptr;
  const double v = std::strtod(text.c_str(), &end);
  if (end != text.c_str() + text.size()) return std::nullopt;
  return v;
}

std::optional<double> secondsOf(const std::string& text) {
  const DurationParse d = parseDurationText(text);
  if (!d.value) return std::nullopt;
  return static_cast<double>(*d.value) / 1e9;
}

// The x of each of the first axis' values: numbers as they are, durations in seconds, anything
// else its position (with the values as categories).
std::vector<double> xValues(const SweepAxis& axis, SweepPlot& plot) {
  std::vector<double> xs;
  for (const std::string& v : axis.values) {
    const auto n = numberOf(v);
    if (!n) break;
    xs.push_back(*n);
  }
  const QString key = QString::fromStdString(axis.key);
  if (xs.size() == axis.values.size()) {
    const QString unit = parameterUnit(axis.key);
    plot.xTitle = unit.isEmpty() ? key : QStringLiteral("%1 (%2)").arg(key, unit);
    return xs;
  }
  xs.clear();
  for (const std::string& v : axis.values) {
    const auto s = secondsOf(v);
    if (!s) break;
    xs.push_back(*s);
  }
  if (xs.size() == axis.values.size()) {
    plot.xTitle = key + QStringLiteral(" (s)");
    return xs;
  }
  xs.clear();
  plot.xTitle = key;
  for (std::size_t i = 0; i < axis.values.size(); ++i) {
    xs.push_back(static_cast<double>(i));
    plot.xCategories << QString::fromStdString(axis.values[i]);
  }
  return xs;
}

}  // namespace

QString figureTitle(const std::string& name) {
  const std::size_t dot = name.rfind('.');
  const std::string key = dot == std::string::npos ? name : name.substr(dot + 1);
  const auto it = figureWords().find(key);
  const QString what =
      it == figureWords().end() ? QString::fromStdString(key) : QString::fromUtf8(it->second.first);
  const QString unit = it == figureWords().end() ? QString() : QString::fromUtf8(it->second.second);
  QString title = dot == std::string::npos
                      ? what
                      : QString::fromStdString(name.substr(0, dot)) + QStringLiteral(": ") + what;
  if (!unit.isEmpty()) title += QStringLiteral(" (%1)").arg(unit);
  return title;
}

SweepPlot sweepPlot(const SweepTable& table, const std::string& figure) {
  SweepPlot plot;
  std::size_t k = 0;
  while (k < table.names.size() && table.names[k] != figure) ++k;
  if (table.axes.empty() || k == table.names.size()) return plot;
  plot.yTitle = figureTitle(figure);
  const std::size_t seeds = table.rows.empty() ? 0 : table.rows.front().seeds;
  plot.title = QStringLiteral("%1, mean of %2 seeds with its 95% confidence interval")
                   .arg(plot.yTitle.section(QStringLiteral(" ("), 0, 0))
                   .arg(seeds);
  const std::vector<double> xs = xValues(table.axes[0], plot);
  const bool two = table.axes.size() > 1;
  const std::vector<std::string> curves = two ? table.axes[1].values : std::vector<std::string>{""};
  for (const std::string& c : curves) {
    SweepCurve curve;
    curve.label = two ? QStringLiteral("%1 = %2").arg(QString::fromStdString(table.axes[1].key),
                                                      QString::fromStdString(c))
                      : plot.yTitle;
    for (const SweepRow& row : table.rows) {
      if (two && row.values[1] != c) continue;
      const std::optional<Estimate>& e = row.figures[k];
      if (!e) continue;  // no seed measured it there
      std::size_t i = 0;
      while (table.axes[0].values[i] != row.values[0]) ++i;
      const double half = e->halfWidth.value_or(0);
      curve.points.push_back({xs[i], e->mean, e->mean - half, e->mean + half});
    }
    plot.curves.push_back(std::move(curve));
  }
  return plot;
}

std::string defaultFigure(const SweepTable& table) {
  for (const std::string& n : table.names)
    if (n.size() > 11 && n.compare(n.size() - 11, 11, ".wait_p99_s") == 0) return n;
  return table.names.empty() ? std::string() : table.names.front();
}

}  // namespace brokerlab::ui
