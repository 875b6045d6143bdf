#include "compare/SeriesPairs.h"

#include "metrics/SeriesCatalog.h"

#include <QCoreApplication>

#include <algorithm>
#include <cmath>
#include <map>

namespace brokerlab::ui {

namespace {

// The column endings each chart shows, in order of preference: one group is shown, the first
// that has anything to show (a queue's acked/s; a request-reply API's requests when it has no
// acks).
std::vector<std::vector<std::string>> preference(OverlayKind kind) {
  switch (kind) {
    case OverlayKind::Throughput:
      return {{".acked_per_s"}, {".delivered_per_s"}, {".requests_per_s"}};
    case OverlayKind::Backlog:
      return {{".depth"}, {".lag"}, {".jobs_pending"}};
    case OverlayKind::Latency:
      return {{".end_to_end_p50_s", ".end_to_end_p99_s"}, {".wait_p99_s"}, {".time_to_result_s"}};
    case OverlayKind::Utilization:
      return {{".utilization"}, {".busy_slots"}};
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

}  // namespace

std::vector<SeriesPair> pairedSeries(const Simulator& a, const Simulator& b, OverlayKind kind,
                                     std::size_t max) {
  std::map<std::string, const TimeSeries*> inB;
  for (const NamedSeries& s : seriesOf(b)) inB.emplace(s.column, s.series);
  const std::vector<NamedSeries> inA = seriesOf(a);
  for (const std::vector<std::string>& group : preference(kind)) {
    std::vector<SeriesPair> out;
    for (const NamedSeries& s : inA) {
      if (out.size() >= max) break;
      const bool wanted = std::any_of(group.begin(), group.end(),
                                      [&](const std::string& e) { return endsWith(s.column, e); });
      if (!wanted) continue;
      const auto other = inB.find(s.column);
      if (other == inB.end() || (silent(*s.series) && silent(*other->second))) continue;
      out.push_back({s.column, s.series, other->second});
    }
    if (!out.empty()) return out;
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
