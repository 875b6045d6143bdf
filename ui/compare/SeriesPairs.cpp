#include "compare/SeriesPairs.h"

#include "charts/TrailingMean.h"
#include "metrics/SeriesCatalog.h"

#include <QCoreApplication>

#include <algorithm>
#include <cmath>
#include <map>

namespace brokerlab::ui {

namespace {

struct Group {
  const char* title;
  std::vector<std::string> endings;
};

// The column endings each chart shows, in order of preference: one group is shown, the first
// that has anything to show (a queue's acked/s; a request-reply API's requests when it has no
// acks).
std::vector<Group> preference(OverlayKind kind) {
  switch (kind) {
    case OverlayKind::Throughput:
      return {
          {QT_TRANSLATE_NOOP("Compare", "Throughput: acked per second"), {".acked_per_s"}},
          {QT_TRANSLATE_NOOP("Compare", "Throughput: delivered per second"), {".delivered_per_s"}},
          {QT_TRANSLATE_NOOP("Compare", "Throughput: requests per second"), {".requests_per_s"}}};
    case OverlayKind::Backlog:
      return {{QT_TRANSLATE_NOOP("Compare", "Backlog: ready messages"), {".depth"}},
              {QT_TRANSLATE_NOOP("Compare", "Backlog: consumer group lag"), {".lag"}},
              {QT_TRANSLATE_NOOP("Compare", "Backlog: jobs pending"), {".jobs_pending"}}};
    case OverlayKind::Latency:
      return {{QT_TRANSLATE_NOOP("Compare", "Latency: end to end (s)"),
               {".end_to_end_p50_s", ".end_to_end_p99_s"}},
              {QT_TRANSLATE_NOOP("Compare", "Latency: queue wait p99 (s)"), {".wait_p99_s"}},
              {QT_TRANSLATE_NOOP("Compare", "Latency: time to result (s)"), {".time_to_result_s"}}};
    case OverlayKind::Utilization:
      return {
          {QT_TRANSLATE_NOOP("Compare", "Utilization: busy instances"), {".utilization"}},
          {QT_TRANSLATE_NOOP("Compare", "Utilization: share of API slots busy"), {".busy_slots"}}};
  }
  return {};
}

bool silent(const TimeSeries& t) {
  const auto quiet = [](const std::vector<double>& v) {
    return std::all_of(v.begin(), v.end(), [](double x) { return x == 0 || std::isnan(x); });
  };
  return quiet(t.points()) && quiet(t.maxs());
}

bool endsWith(const std::string& s, const std::string& end) {
  return s.size() >= end.size() && s.compare(s.size() - end.size(), end.size(), end) == 0;
}

// "orders.depth" -> "orders"; with two figures in the group, "orders-api.end_to_end_p99_s" ->
// "orders-api p99" (the last word of the figure, without its unit).
std::string labelOf(const std::string& column, const std::string& ending, bool several) {
  std::string label = column.substr(0, column.size() - ending.size());
  if (!several) return label;
  std::string figure = ending.substr(1);
  if (endsWith(figure, "_s")) figure.resize(figure.size() - 2);
  const std::size_t word = figure.rfind('_');
  return label + ' ' + (word == std::string::npos ? figure : figure.substr(word + 1));
}

}  // namespace

std::vector<SeriesPair> pairedSeries(const Simulator& a, const Simulator& b, OverlayKind kind,
                                     std::size_t max, std::vector<std::string>* notDrawn) {
  if (notDrawn) notDrawn->clear();
  const std::vector<NamedSeries> ofB = seriesOf(b);
  std::map<std::string, const NamedSeries*> inB;
  for (const NamedSeries& s : ofB) inB.emplace(s.column, &s);
  const std::vector<NamedSeries> inA = seriesOf(a);
  std::vector<Group> groups = preference(kind);
  // A group both runs have something in comes first: auto acks against manual acks is a figure
  // one run never counts (a consumer in auto-ack mode acks nothing), and its chart would show that
  // run's throughput as nothing at all. Delivered per second, which both count, compares them.
  const auto shownByBoth = [&](const Group& g) {
    bool byA = false, byB = false;
    for (const NamedSeries& s : inA) {
      if (!std::any_of(g.endings.begin(), g.endings.end(),
                       [&](const std::string& e) { return endsWith(s.column, e); }))
        continue;
      const auto other = inB.find(s.column);
      if (other == inB.end()) continue;
      byA = byA || !silent(*s.series);
      byB = byB || !silent(*other->second->series);
    }
    return byA && byB;
  };
  const auto both = std::find_if(groups.begin(), groups.end(), shownByBoth);
  if (both != groups.end()) std::rotate(groups.begin(), both, both + 1);  // the rest keep order
  for (const Group& g : groups) {
    const std::vector<std::string>& group = g.endings;
    const QString title = QCoreApplication::translate("Compare", g.title);
    std::vector<SeriesPair> out;
    std::vector<std::string> left;
    for (const NamedSeries& s : inA) {
      const auto ending = std::find_if(group.begin(), group.end(),
                                       [&](const std::string& e) { return endsWith(s.column, e); });
      if (ending == group.end()) continue;
      const auto other = inB.find(s.column);
      if (other == inB.end() || (silent(*s.series) && silent(*other->second->series))) continue;
      if (out.size() >= max) {
        left.push_back(labelOf(s.column, *ending, group.size() > 1));
        continue;
      }
      out.push_back({s.column, labelOf(s.column, *ending, group.size() > 1), title, s.series,
                     other->second->series, s.chartDivisor, other->second->chartDivisor,
                     drawnAsMeans(s)});
    }
    if (out.empty()) continue;
    if (notDrawn) *notDrawn = std::move(left);
    // Two figures of one component (end-to-end p50 and p99 of the one producer): the component in
    // the title, the figures alone in the legend.
    const std::string component = out.front().column.substr(0, out.front().column.rfind('.'));
    const bool one = group.size() > 1 && std::all_of(out.begin(), out.end(), [&](const auto& p) {
                       return p.column.substr(0, p.column.rfind('.')) == component;
                     });
    if (one) {
      for (SeriesPair& p : out) p.label = p.label.substr(p.label.rfind(' ') + 1);
      for (SeriesPair& p : out)
        p.title = title + QStringLiteral(" — ") + QString::fromStdString(component);
    }
    return out;
  }
  return {};
}

QString overlayTitle(OverlayKind kind) {
  switch (kind) {
    case OverlayKind::Throughput:
      return QCoreApplication::translate("Compare", "Throughput (per second)");
    case OverlayKind::Backlog:
      return QCoreApplication::translate("Compare", "Backlog (messages)");
    case OverlayKind::Latency:
      return QCoreApplication::translate("Compare", "Latency (seconds)");
    case OverlayKind::Utilization:
      return QCoreApplication::translate("Compare", "Utilization");
  }
  return {};
}

}  // namespace brokerlab::ui
