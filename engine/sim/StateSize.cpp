#include "sim/Simulator.h"

// What a copy of a simulator's state costs in memory: the checkpoints of the window's timeline are
// such copies, and their budget is counted with this.

namespace brokerlab {

namespace {
template <typename T>
std::size_t vectorBytes(const std::vector<T>& v) {
  return v.capacity() * sizeof(T);
}
}  // namespace

std::size_t Simulator::stateBytes() const {
  std::size_t n = sizeof(Simulator) + queue_.memoryBytes() + pool_.memoryBytes() +
                  trace_.memoryBytes() + latencies_.memoryBytes() + vectorBytes(unsettled_);
  n += vectorBytes(producers_) + vectorBytes(queues_) + vectorBytes(producerMetrics_) +
       vectorBytes(queueMetrics_) + vectorBytes(consumers_) + vectorBytes(consumerMetrics_) +
       vectorBytes(instances_) + vectorBytes(topics_) + vectorBytes(streams_) +
       vectorBytes(groups_) + vectorBytes(clients_) + vectorBytes(apis_) + vectorBytes(stores_) +
       vectorBytes(jobs_) + vectorBytes(requests_) + vectorBytes(freeRequests_) +
       vectorBytes(faults_) + vectorBytes(liveFaults_) + vectorBytes(actions_) +
       vectorBytes(liveActions_) + vectorBytes(links_);
  for (const QueueState& q : queues_) n += q.ready.memoryBytes();
  for (const QueueMetrics& q : queueMetrics_) {
    const QueueSeries& s = q.series;
    n += q.wait.memoryBytes() + q.waitWindow.memoryBytes() + s.publishedPerS.memoryBytes() +
         s.deliveredPerS.memoryBytes() + s.ackedPerS.memoryBytes() + s.depth.memoryBytes() +
         s.unacked.memoryBytes() + s.wait.memoryBytes();
  }
  for (const ProducerMetrics& p : producerMetrics_)
    n += p.endToEnd.memoryBytes() + p.endToEndWindow.memoryBytes() + p.sentPerS.memoryBytes() +
         p.endToEndSeries.memoryBytes();
  for (const ConsumerMetrics& c : consumerMetrics_)
    n += c.utilization.memoryBytes() + c.activeInstances.memoryBytes();
  for (const ConsumerInstanceState& i : instances_)
    n += i.buffer.memoryBytes() + vectorBytes(i.orphans);
  for (const TopicState& t : topics_) n += vectorBytes(t.missedBySubscription);
  for (const StreamState& s : streams_) {
    n += vectorBytes(s.partitions);
    for (const PartitionLog& log : s.partitions) n += log.memoryBytes();
  }
  for (const GroupState& g : groups_) {
    n += vectorBytes(g.partitions) + g.endToEnd.memoryBytes() + g.lagSeries.memoryBytes() +
         vectorBytes(g.partitionLag);
    for (const PartitionLagSeries& p : g.partitionLag) n += p.series.memoryBytes();
  }
  for (const ClientState& c : clients_)
    n += c.timeToResult.memoryBytes() + vectorBytes(c.pollsPerJob) +
         c.series.pollsPerJob.memoryBytes() + c.series.timeToResult.memoryBytes();
  for (const ApiState& a : apis_) {
    const ApiSeries& s = a.series;
    n += a.waiting.memoryBytes() + a.wait.memoryBytes() + s.pending.memoryBytes() +
         s.running.memoryBytes() + s.requestsPerS.memoryBytes() + s.busy.memoryBytes();
    for (const TimeSeries& r : s.responsesPerS) n += r.memoryBytes();
  }
  return n;
}

}  // namespace brokerlab
