#include "metrics/SeriesCatalog.h"

#include <algorithm>

#include "sim/Simulator.h"

#include <cstdio>
#include <string>

namespace brokerlab {

namespace {
std::string idOf(const Model& m, std::uint32_t c) {
  return c < m.components.size() ? m.components[c].id : "";
}

// Nine significant digits: a figure's noise, not its precision, ends there. A gap is an empty
// field: a spreadsheet leaves it out of a chart and a mean, where a 0 would pull them down.
std::string number(double v) {
  if (isSeriesGap(v)) return {};
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.9g", v);
  return buf;
}

void addProducers(const Simulator& sim, std::vector<NamedSeries>& out) {
  const Model& m = sim.model();
  for (std::size_t i = 0; i < m.producers.size(); ++i) {
    const std::uint32_t c = m.producers[i].component;
    const std::string id = idOf(m, c);
    const ProducerMetrics& p = sim.producerMetrics()[i];
    out.push_back({id + ".sent_per_s", c, SeriesChart::Throughput, &p.sentPerS});
    out.push_back({id + ".end_to_end_p50_s", c, SeriesChart::Latency, &p.endToEndSeries.p50});
    out.push_back({id + ".end_to_end_p95_s", c, SeriesChart::Latency, &p.endToEndSeries.p95});
    out.push_back({id + ".end_to_end_p99_s", c, SeriesChart::Latency, &p.endToEndSeries.p99});
  }
}

void addQueues(const Simulator& sim, std::vector<NamedSeries>& out) {
  const Model& m = sim.model();
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
    out.push_back({id + ".wait_p50_s", c, SeriesChart::Latency, &s.wait.p50});
    out.push_back({id + ".wait_p95_s", c, SeriesChart::Latency, &s.wait.p95});
    out.push_back({id + ".wait_p99_s", c, SeriesChart::Latency, &s.wait.p99});
  }
}

void addConsumers(const Simulator& sim, std::vector<NamedSeries>& out) {
  const Model& m = sim.model();
  for (std::size_t i = 0; i < m.consumers.size(); ++i) {
    const std::uint32_t c = m.consumers[i].component;
    const std::string id = idOf(m, c);
    const ConsumerMetrics& s = sim.consumerMetrics()[i];
    out.push_back({id + ".utilization", c, SeriesChart::Utilization, &s.utilization});
    out.push_back(
        {id + ".active_instances", c, SeriesChart::Utilization, &s.activeInstances, false});
  }
}

void addApis(const Simulator& sim, std::vector<NamedSeries>& out) {
  const Model& m = sim.model();
  for (std::size_t i = 0; i < m.apis.size(); ++i) {
    const std::uint32_t c = m.apis[i].component;
    const std::string id = idOf(m, c);
    const ApiSeries& s = sim.apis()[i].series;
    out.push_back({id + ".jobs_pending", c, SeriesChart::Jobs, &s.pending});
    out.push_back({id + ".jobs_running", c, SeriesChart::Jobs, &s.running});
    out.push_back({id + ".requests_per_s", c, SeriesChart::Throughput, &s.requestsPerS});
    out.push_back({id + ".busy_slots", c, SeriesChart::Utilization, &s.busy, true,
                   static_cast<double>(std::max(1u, m.apis[i].concurrency))});
    for (int k = 0; k < kHttpStatusSlots; ++k)
      out.push_back({id + ".responses_" + std::to_string(kHttpStatuses[k]) + "_per_s", c,
                     SeriesChart::Jobs, &s.responsesPerS[static_cast<std::size_t>(k)]});
  }
}

void addClients(const Simulator& sim, std::vector<NamedSeries>& out) {
  const Model& m = sim.model();
  for (std::size_t i = 0; i < m.clients.size(); ++i) {
    const std::uint32_t c = m.clients[i].component;
    const std::string id = idOf(m, c);
    const ClientSeries& s = sim.clients()[i].series;
    out.push_back({id + ".polls_per_job", c, SeriesChart::Jobs, &s.pollsPerJob});
    out.push_back({id + ".time_to_result_s", c, SeriesChart::Jobs, &s.timeToResult});
  }
}

void addGroups(const Simulator& sim, std::vector<NamedSeries>& out) {
  const Model& m = sim.model();
  for (std::size_t g = 0; g < m.groups.size(); ++g) {
    const std::uint32_t c = m.streams[m.groups[g].stream].component;
    const std::string id = idOf(m, c) + "/" + m.groups[g].name;
    const GroupState& gs = sim.groups()[g];
    out.push_back({id + ".lag", c, SeriesChart::Lag, &gs.lagSeries});
    for (std::size_t p = 0; p < gs.partitionLag.size(); ++p)
      out.push_back(
          {id + ".lag_p" + std::to_string(p), c, SeriesChart::Lag, &gs.partitionLag[p].series});
  }
}

}  // namespace

std::vector<NamedSeries> seriesOf(const Simulator& sim) {
  std::vector<NamedSeries> out;
  out.reserve(sim.seriesCount());
  addProducers(sim, out);
  addQueues(sim, out);
  addConsumers(sim, out);
  addApis(sim, out);
  addClients(sim, out);
  addGroups(sim, out);
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
