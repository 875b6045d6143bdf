#pragma once

// The figures both runs of a comparison chart: for one overlay chart (throughput, backlog,
// latency, utilization), the series of the metrics catalog (engine/metrics/SeriesCatalog) that
// exist in both runs under the same column name ("orders.depth": the same queue id), the first
// kind in the chart's order of preference that both runs have anything of, else that either has.

#include "base/TimeSeries.h"

#include <QString>

#include <string>
#include <vector>

namespace brokerlab {
class Simulator;
}

namespace brokerlab::ui {

enum class OverlayKind { Backlog, Latency, Throughput, Utilization };  // in the order shown
inline constexpr int kOverlayKindCount = 4;

struct SeriesPair {
  std::string column;  // "orders.depth"
  // For the legend, without what the chart's title says: "orders", or "orders-api p99" where the
  // chart shows two figures of a component.
  std::string label;
  QString title;  // the chart's title for the figures shown: "Throughput: acked per second"
  const TimeSeries* a;
  const TimeSeries* b;
  double divisorA = 1;  // each run's NamedSeries::chartDivisor (an API's slots)
  double divisorB = 1;
  bool averaged = false;  // drawn as the mean over the chosen window (drawnAsMeans)
};

// At most `max` pairs; none that are all zero (or gaps) in both runs. The labels of those left out
// for `max` go to `notDrawn` when given. The pointers are into the simulators: take them again
// after the runs move.
std::vector<SeriesPair> pairedSeries(const Simulator& a, const Simulator& b, OverlayKind kind,
                                     std::size_t max = 4,
                                     std::vector<std::string>* notDrawn = nullptr);

QString overlayTitle(OverlayKind kind);

}  // namespace brokerlab::ui
