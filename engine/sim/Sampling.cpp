// The sample event: every `sample_interval` of simulated time each time series gets one point.
// Rates are counter differences over the interval, levels (depth, lag, busy) are time averages of
// their integrals, latency percentiles come from windows emptied at each sample
// (base/PercentileSeries.h, base/LatencyWindow.h). Everything is sized here when the simulator is
// built: a series grows its vector up to its capacity and then halves in place, and a histogram
// only grows when its latencies spread wider than ever before in the run (a window's, when an
// interval first holds more latencies than it keeps as values); no event allocates for the series.

#include "sim/Simulator.h"

#include <algorithm>

namespace brokerlab {

// All time series together hold at most kSeriesPointBudget points (TimeSeries.h): a model with
// 10,000 queues gets coarser series rather than gigabytes of them. Counted as seriesOf() lists
// them (metrics/SeriesCatalog.cpp); tests/engine/tst_seriescatalog checks that the two agree.
std::size_t Simulator::seriesCount() const {
  const Model& m = *model_;
  std::size_t n = 4 * m.producers.size() + 8 * m.queues.size() + 2 * m.consumers.size() +
                  (4 + static_cast<std::size_t>(kHttpStatusSlots)) * m.apis.size() +
                  2 * m.clients.size();
  for (const GroupDef& g : m.groups) {
    const std::uint32_t partitions = m.streams[g.stream].partitions;
    n += 1 + (partitions <= kMaxPartitionLagSeries ? partitions : 0);
  }
  return n;
}

std::size_t Simulator::seriesPointsEach() const {
  return std::clamp<std::size_t>(kSeriesPointBudget / std::max<std::size_t>(seriesCount(), 1), 64,
                                 2048);
}

void Simulator::initSeries() {
  const Model& m = *model_;
  const std::size_t points = seriesPointsEach();
  const TimeSeries series(m.sampleInterval, points, m.seriesEnvelopes);
  const PercentileSeries percentiles(m.sampleInterval, points, m.seriesEnvelopes);
  unsettled_.reserve(producerMetrics_.size() + queueMetrics_.size());
  // A series of a queue, producer or consumer starts with room for the samples the run will take,
  // reserved in the order sampling appends to them (queues, producers, consumers): consecutive
  // appends then write neighbouring memory, and none reallocates.
  const std::size_t samples =
      static_cast<std::size_t>(m.duration / std::max<SimTime>(m.sampleInterval, 1)) + 1;
  const auto start = [&](TimeSeries& t) {
    t = series;
    t.reserve(samples);
  };
  const auto startPercentiles = [&](PercentileSeries& p) {
    p = percentiles;
    p.reserve(samples);
  };
  for (QueueMetrics& q : queueMetrics_) {
    QueueSeries& s = q.series;
    for (TimeSeries* t : {&s.publishedPerS, &s.deliveredPerS, &s.ackedPerS, &s.depth, &s.unacked})
      start(*t);
    startPercentiles(s.wait);
  }
  for (ProducerMetrics& p : producerMetrics_) {
    start(p.sentPerS);
    startPercentiles(p.endToEndSeries);
  }
  for (ConsumerMetrics& c : consumerMetrics_) {
    start(c.utilization);
    start(c.activeInstances);
  }
  for (std::uint32_t g = 0; g < m.groups.size(); ++g) {
    GroupState& gs = groups_[g];
    gs.lagSeries = series;
    if (gs.partitions.size() <= kMaxPartitionLagSeries)
      gs.partitionLag.assign(gs.partitions.size(), PartitionLagSeries{{}, series, 0});
  }
  for (ApiState& a : apis_) {
    ApiSeries& s = a.series;
    s.pending = s.running = s.requestsPerS = s.busy = series;
    s.responsesPerS.fill(series);
  }
  for (ClientState& c : clients_) c.series.pollsPerJob = c.series.timeToResult = series;
}

void Simulator::takeSamplesThrough(SimTime t) {
  if (nextSampleAt_ > t) return;
  // The window histograms must hold every latency of the interval before it closes.
  flushLatencies();
  while (nextSampleAt_ <= t) {
    takeSample();
    nextSampleAt_ += model_->sampleInterval;
  }
}

// When a run stops between two samples, the latencies its windows hold move into the run's
// histograms (PercentileSeries::settle), so that a report sees them all.
void Simulator::settleWindows() {
  for (const std::uint32_t owner : unsettled_) {
    if (LatencyLog::kindOf(owner) == LatencyOwner::QueueWait) {
      QueueMetrics& q = queueMetrics_[LatencyLog::indexOf(owner)];
      q.series.wait.settle(q.waitWindow, q.wait);
    } else {
      ProducerMetrics& p = producerMetrics_[LatencyLog::indexOf(owner)];
      p.endToEndSeries.settle(p.endToEndWindow, p.endToEnd);
    }
  }
  unsettled_.clear();
}

void Simulator::takeSample() {
  sampleQueues();
  sampleProducers();
  unsettled_.clear();  // every window is empty now
  sampleConsumers();
  sampleApis();
  sampleClients();
  sampleGroups();
}

double Simulator::perS(std::uint64_t now, std::uint64_t before) const {
  return static_cast<double>(now - before) / toSeconds(model_->sampleInterval);
}

// The mean of a step function over the interval that ends now, from its integral.
double Simulator::intervalMean(double area, double areaBefore) const {
  return (area - areaBefore) / static_cast<double>(model_->sampleInterval);
}

void Simulator::sampleQueues() {
  for (std::size_t i = 0; i < queues_.size(); ++i) {
    const QueueState& q = queues_[i];
    QueueSeries& s = queueMetrics_[i].series;
    s.publishedPerS.append(perS(q.counters.published, s.atLastSample.published));
    s.deliveredPerS.append(perS(q.counters.delivered, s.atLastSample.delivered));
    s.ackedPerS.append(perS(q.counters.acked, s.atLastSample.acked));
    const double area = q.depth.areaAt(nextSampleAt_);
    s.depth.append(intervalMean(area, s.depthAreaAtLastSample));
    s.unacked.append(q.unacked);
    s.wait.sample(queueMetrics_[i].waitWindow, queueMetrics_[i].wait);
    s.atLastSample = q.counters;
    s.depthAreaAtLastSample = area;
  }
}

void Simulator::sampleProducers() {
  for (std::size_t i = 0; i < producers_.size(); ++i) {
    ProducerMetrics& p = producerMetrics_[i];
    p.sentPerS.append(perS(producers_[i].sent, p.sentAtLastSample));
    p.sentAtLastSample = producers_[i].sent;
    p.endToEndSeries.sample(p.endToEndWindow, p.endToEnd);
  }
}

void Simulator::sampleConsumers() {
  for (std::size_t i = 0; i < consumers_.size(); ++i) {
    const ConsumerState& c = consumers_[i];
    ConsumerMetrics& s = consumerMetrics_[i];
    const double busy = c.busy.areaAt(nextSampleAt_), active = c.active.areaAt(nextSampleAt_);
    const double capacity = active - s.activeAreaAtLastSample;
    s.utilization.append(capacity > 0 ? (busy - s.busyAreaAtLastSample) / capacity : kSeriesGap);
    s.activeInstances.append(intervalMean(active, s.activeAreaAtLastSample));
    s.busyAreaAtLastSample = busy;
    s.activeAreaAtLastSample = active;
  }
}

void Simulator::sampleApis() {
  for (ApiState& a : apis_) {
    ApiSeries& s = a.series;
    s.pending.append(static_cast<double>(a.jobs[static_cast<std::size_t>(JobStatus::Pending)]));
    s.running.append(static_cast<double>(a.jobs[static_cast<std::size_t>(JobStatus::Running)]));
    s.requestsPerS.append(perS(a.requests, s.requestsAtLastSample));
    const double area = a.busy.areaAt(nextSampleAt_);
    s.busy.append(intervalMean(area, s.busyAreaAtLastSample));
    for (std::size_t k = 0; k < a.responses.size(); ++k)
      s.responsesPerS[k].append(perS(a.responses[k], s.responsesAtLastSample[k]));
    s.requestsAtLastSample = a.requests;
    s.responsesAtLastSample = a.responses;
    s.busyAreaAtLastSample = area;
  }
}

void Simulator::sampleClients() {
  for (ClientState& c : clients_) {
    ClientSeries& s = c.series;
    s.pollsPerJob.append(s.jobsEnded > 0 ? static_cast<double>(s.pollsOfJobsEnded) /
                                               static_cast<double>(s.jobsEnded)
                                         : kSeriesGap);
    s.timeToResult.append(s.results > 0 ? static_cast<double>(s.resultNs) /
                                              static_cast<double>(s.results) / 1e9
                                        : kSeriesGap);
    s.jobsEnded = s.pollsOfJobsEnded = s.results = 0;
    s.resultNs = 0;
  }
}

void Simulator::sampleGroups() {
  for (GroupState& g : groups_) {
    const double area = g.lag.areaAt(nextSampleAt_);
    g.lagSeries.append(intervalMean(area, g.lagAreaAtLastSample));
    g.lagAreaAtLastSample = area;
    for (PartitionLagSeries& p : g.partitionLag) {
      const double partitionArea = p.lag.areaAt(nextSampleAt_);
      p.series.append(intervalMean(partitionArea, p.areaAtLastSample));
      p.areaAtLastSample = partitionArea;
    }
  }
}

}  // namespace brokerlab
