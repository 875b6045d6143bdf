#pragma once

// Every time series a run keeps, named once: the columns of `brokerlab-cli run --metrics-csv`,
// the window's charts and their CSV export all list them from here, so the three agree.

#include "base/TimeSeries.h"

#include <cstdint>
#include <string>
#include <vector>

namespace brokerlab {

class Simulator;

// Which chart a series belongs on.
enum class SeriesChart : std::uint8_t {
  Throughput,   // per second: sent, published, delivered, acked, requests
  Backlog,      // messages waiting: ready, unacked
  Latency,      // seconds: wait and end-to-end percentiles
  Utilization,  // fractions: busy instances, busy API slots
  Lag,          // stream consumer groups: records behind
  Jobs,         // request-reply: jobs by state, answers by status, polls, time to result
};
inline constexpr int kSeriesChartCount = 6;

struct NamedSeries {
  std::string
      column;  // "orders.depth": component id (a subscription: topic/subscriber), a dot, the figure
  std::uint32_t component;  // the component it belongs to (scenario order)
  SeriesChart chart;
  const TimeSeries* series;
  // False for a series kept for the CSV only: a count that would share an axis with fractions
  // (a consumer's active instances beside its utilization).
  bool charted = true;
  // A chart plots the values divided by this: an API's busy slots (a count, in the CSV) as the
  // fraction of its slots, on the utilization chart's 0..1 axis beside the consumers'.
  double chartDivisor = 1;
};

// In the order of the metrics CSV's columns: producers, queues, consumers, apis, clients, groups;
// each component's series together. docs/cli.md ("The metrics CSV") lists every column pattern.
std::vector<NamedSeries> seriesOf(const Simulator& sim);

// The metrics CSV: "time_s" and one column per series, one row per sample, values with nine
// significant digits; a gap (an interval with nothing to measure) is an empty field.
std::string metricsCsv(const Simulator& sim);

}  // namespace brokerlab
