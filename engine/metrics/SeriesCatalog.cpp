#include "metrics/SeriesCatalog.h"

#include "sim/Simulator.h"

#include <cstdio>

namespace brokerlab {

namespace {
std::string idOf(const Model& m, std::uint32_t c) {
  return c < m.components.size() ? m.components[c].id : "";
}

// Nine significant digits: a figure's noise, not its precision, ends there.
std::string number(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.9g", v);
  return buf;
}
}  // namespace

std::vector<NamedSeries> seriesOf(const Simulator& sim) {
  const Model& m = sim.model();
  std::vector<NamedSeries> out;
  for (std::size_t i = 0; i < m.producers.size(); ++i) {
    const std::uint32_t c = m.producers[i].component;
    out.push_back({idOf(m, c) + ".sent_per_s", c, SeriesChart::Throughput,
                   &sim.producerMetrics()[i].sentPerS});
  }
  for (std::size_t i = 0; i < m.queues.size(); ++i) {
    // A topic subscription's queue is named topic/subscriber and belongs to the topic.
    const std::uint32_t c = m.queues[i].component;
    std::string id = idOf(m, c);
    if (m.queues[i].subscriber != kNone) id.append("/").append(idOf(m, m.queues[i].subscriber));
    const QueueSeries& s = sim.queueMetrics()[i].series;
    out.push_back({id + ".published_per_s", c, SeriesChart::Throughput, &s.publishedPerS});
    out.push_back({id + ".delivered_per_s", c, SeriesChart::Throughput, &s.deliveredPerS});
    out.push_back({id + ".acked_per_s", c, SeriesChart::Throughput, &s.ackedPerS});
    out.push_back({id + ".depth", c, SeriesChart::Backlog, &s.depth});
    out.push_back({id + ".unacked", c, SeriesChart::Backlog, &s.unacked});
  }
  for (std::size_t i = 0; i < m.apis.size(); ++i) {
    const std::uint32_t c = m.apis[i].component;
    const std::string id = idOf(m, c);
    const ApiSeries& s = sim.apis()[i].series;
    out.push_back({id + ".jobs_pending", c, SeriesChart::Jobs, &s.pending});
    out.push_back({id + ".jobs_running", c, SeriesChart::Jobs, &s.running});
    out.push_back({id + ".requests_per_s", c, SeriesChart::Throughput, &s.requestsPerS});
    out.push_back({id + ".busy_slots", c, SeriesChart::Utilization, &s.busy});
  }
  for (std::size_t g = 0; g < m.groups.size(); ++g) {
    const std::uint32_t c = m.streams[m.groups[g].stream].component;
    out.push_back({idOf(m, c) + "/" + m.groups[g].name + ".lag", c, SeriesChart::Lag,
                   &sim.groups()[g].lagSeries});
  }
  return out;
}

std::string metricsCsv(const Simulator& sim) {
  const std::vector<NamedSeries> columns = seriesOf(sim);
  std::string out = "time_s";
  for (const NamedSeries& c : columns) out += ',' + c.column;
  out += '\n';
  // Every series is appended at the same instants, so they share their step and length.
  const TimeSeries* first = columns.empty() ? nullptr : columns.front().series;
  const std::size_t rows = first ? first->points().size() : 0;
  for (std::size_t i = 0; i < rows; ++i) {
    out += number(toSeconds(first->timeOf(i)));
    for (const NamedSeries& c : columns) out += ',' + number(c.series->points()[i]);
    out += '\n';
  }
  return out;
}

}  // namespace brokerlab
