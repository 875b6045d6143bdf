#include "sim/Simulator.h"

#include <algorithm>
#include <string>
#include <utility>

namespace brokerlab {

Simulator::Simulator(std::shared_ptr<const Model> model)
    : model_(std::move(model)), nextSampleAt_(model_->sampleInterval) {
  const Model& m = *model_;
  producers_.resize(m.producers.size());
  producerMetrics_.resize(m.producers.size());
  for (std::size_t p = 0; p < m.producers.size(); ++p)
    producers_[p].rng = makeStream(m.seed, m.components[m.producers[p].component].id);
  queues_.resize(m.queues.size());
  queueMetrics_.resize(m.queues.size());
  consumers_.resize(m.consumers.size());
  consumerMetrics_.resize(m.consumers.size());
  instances_.resize(m.instanceConsumer.size());
  for (std::size_t c = 0; c < m.consumers.size(); ++c) {
    const ConsumerDef& def = m.consumers[c];
    const std::string& id = m.components[def.component].id;
    consumers_[c].active.set(0, def.instances);
    for (std::uint32_t k = 0; k < def.instanceSlots; ++k) {
      ConsumerInstanceState& inst = instances_[def.firstInstance + k];
      inst.prefetch = def.prefetch;
      inst.rng = makeStream(m.seed, id + "#" + std::to_string(k + 1));
    }
  }
  topics_.resize(m.topics.size());
  for (std::size_t t = 0; t < m.topics.size(); ++t)
    topics_[t].missedBySubscription.resize(m.topics[t].subscriptions.size());
  streams_.resize(m.streams.size());
  for (std::uint32_t st = 0; st < m.streams.size(); ++st) {
    streams_[st].partitions.resize(m.streams[st].partitions);
    schedule(m.streams[st].retentionCheckInterval, EventKind::RetentionCheck, st, 0);
  }
  groups_.resize(m.groups.size());
  for (std::uint32_t g = 0; g < m.groups.size(); ++g) {
    const GroupDef& def = m.groups[g];
    groups_[g].partitions.resize(m.streams[def.stream].partitions);
    if (def.commit == CommitMode::Auto)
      schedule(def.autoCommitInterval, EventKind::AutoCommit, g, 0);
  }
  for (std::uint32_t c = 0; c < m.consumers.size(); ++c) {
    schedule(m.consumers[c].join, EventKind::ConsumerJoin, c, 0);
    if (m.consumers[c].leave < kMaxSimTime)
      schedule(m.consumers[c].leave, EventKind::ConsumerLeave, c, 0);
  }
  clients_.resize(m.clients.size());
  for (std::uint32_t c = 0; c < m.clients.size(); ++c) {
    const ClientDef& def = m.clients[c];
    clients_[c].rng = makeStream(m.seed, m.components[def.component].id);
    clients_[c].pollInterval = def.pollInterval;
    clients_[c].maxPollInterval = def.maxPollInterval;
    if (def.notify == Notify::Websocket) {  // connect first; jobs follow the 101
      if (def.start < def.stop) schedule(def.start, EventKind::ClientConnect, c, 0);
      continue;
    }
    const SimTime first = def.start + def.interarrival.sample(clients_[c].rng);
    if (first < def.stop) schedule(first, EventKind::ClientSubmit, c, 0);
  }
  apis_.resize(m.apis.size());
  for (std::uint32_t a = 0; a < m.apis.size(); ++a)
    apis_[a].rng = makeStream(m.seed, m.components[m.apis[a].component].id);
  stores_.resize(m.stores.size());
  for (std::uint32_t s = 0; s < m.stores.size(); ++s)
    stores_[s].rng = makeStream(m.seed, m.components[m.stores[s].component].id);
  links_.resize(m.components.size());
  // The look-ahead only pays where the state the handlers read outgrows a core's cache (1 MiB,
  // a Zen 4 core's L2; about a thousand producer-queue-consumer trios): below, every line it
  // would request is there already, and its work is all cost (3% of an M/M/1 run).
  const std::size_t handlerBytes =
      m.producers.size() * (sizeof(ProducerDef) + sizeof(ProducerState)) +
      m.queues.size() * (sizeof(QueueDef) + sizeof(QueueState)) +
      m.consumers.size() * (sizeof(ConsumerDef) + sizeof(ConsumerState)) +
      m.instanceConsumer.size() * sizeof(ConsumerInstanceState);
  lookAhead_ = handlerBytes > (std::size_t{1} << 20);
  initSeries();
  faults_ = m.faults;
  for (std::uint32_t f = 0; f < faults_.size(); ++f)
    schedule(faults_[f].at, EventKind::FaultStart, f, 0);
  actions_ = m.actions;
  for (std::uint32_t a = 0; a < actions_.size(); ++a)
    schedule(actions_[a].at, EventKind::ResetOffsets, a, 0);
  // Each producer's first message comes one interarrival time after its start.
  for (std::uint32_t p = 0; p < m.producers.size(); ++p) {
    const ProducerDef& def = m.producers[p];
    const SimTime first = def.start + def.interarrival.sample(producers_[p].rng);
    if (first < def.stop) schedule(first, EventKind::ProducerEmit, p, def.queue);
  }
}

std::vector<SimTime> Simulator::serviceEnds() const {
  std::vector<SimTime> ends(instances_.size(), kNever);
  // A crashed instance's service event stays pending, for a message no longer Processing there.
  queue_.forEachPending([&](const Event& e) {
    if (e.kind() != EventKind::ServiceDone) return;
    const Message& m = pool_[e.b];
    if (m.state == MessageState::Processing && m.instance == e.a) ends[e.a] = e.time;
  });
  return ends;
}

StopReason Simulator::runUntil(SimTime until, std::uint64_t maxEvents) {
  const StopReason stop = runEvents(until, maxEvents);
  flushLatencies();
  settleWindows();
  return stop;
}

StopReason Simulator::runEvents(SimTime until, std::uint64_t maxEvents) {
  if (until > kMaxSimTime) until = kMaxSimTime;
  if (!violation_.empty()) return StopReason::InvariantViolated;
  if (!limitReached_.empty()) return StopReason::LimitReached;
  // Neither changes while events run (only calls between runs set them): one test after each
  // event stands for the checks they ask for.
  const bool watched = checkInvariants_ || trace_.capturing();
  LookAhead ahead;
  Event e{};
  for (;; --maxEvents) {
    if (maxEvents == 0) {
      if (!queue_.empty() && queue_.top().time <= until) return StopReason::EventBudget;
      break;
    }
    const EventQueue::Popped popped = queue_.popDue(until, e);
    if (popped == EventQueue::Popped::Nothing) break;
    if (popped == EventQueue::Popped::Heap && lookAhead_) lookAhead(e, ahead);
    // The state is constant between events, so samples due before this event see it as it is now.
    if (e.time > nextSampleAt_) takeSamplesThrough(e.time - 1);
    now_ = e.time;
    ++events_;
    if (checkInvariants_) lastEvent_ = e;  // only a violation's message reads it
    const std::uint64_t spare = watched ? 0 : maxEvents - 1;
    spare_ = spare;
    dispatchEvent(e);
    while (inlineReceive_ != kNone) {  // a delivery claimed inline: the next event, run now
      const std::uint32_t msg = std::exchange(inlineReceive_, kNone);
      const std::uint32_t instance = inlineReceiveInstance_;
      runClaimed(inlineReceiveSequence_, EventKind::ConsumerReceive, instance, msg,
                 [&] { onConsumerReceive(instance, msg); });
    }
    maxEvents -= spare - spare_;  // the hops that ran inline: events of the budget too
    spare_ = 0;
    if (watched || mayBeAtLimit_) [[unlikely]] {
      const StopReason stop = afterEvent();
      if (stop != StopReason::ReachedTime) return stop;
    }
  }
  takeSamplesThrough(until);
  if (until > now_) now_ = until;
  return StopReason::ReachedTime;
}

// The checks after an event, in order: the invariants, the run limits, a full trace buffer.
// ReachedTime: none of them stops the run.
StopReason Simulator::afterEvent() {
  if (checkInvariants_) {
    if (violation_.empty()) {
      const std::string broken = invariantViolation();
      if (!broken.empty()) noteViolation(broken, 0);
    }
    if (!violation_.empty()) return StopReason::InvariantViolated;
  }
  if (mayBeAtLimit_) {
    if (atLimit()) return StopReason::LimitReached;
    mayBeAtLimit_ = false;
  }
  if (trace_.capturing() && trace_.full()) return StopReason::TraceFull;
  return StopReason::ReachedTime;
}

void Simulator::dispatchEvent(const Event& e) {
  switch (e.kind()) {
    case EventKind::ProducerEmit:
      onProducerEmit(e.a, e.b);
      break;
    case EventKind::BrokerReceive:
      onBrokerReceive(e.b);
      break;
    case EventKind::ConsumerReceive:
      onConsumerReceive(e.a, e.b);
      break;
    case EventKind::ServiceDone:
      onServiceDone(e.a, e.b);
      break;
    case EventKind::BrokerAck:
      onBrokerAck(e.a, e.b);
      break;
    case EventKind::BrokerNack:
      onBrokerNack(e.a, e.b);
      break;
    case EventKind::QueueExpiry:
      onQueueExpiry(e.a);
      break;
    case EventKind::ConsumerJoin:
      onConsumerJoin(e.a);
      break;
    case EventKind::ConsumerLeave:
      onConsumerLeave(e.a);
      break;
    case EventKind::RebalanceEnd:
      onRebalanceEnd(e.a, e.b);
      break;
    case EventKind::AutoCommit:
      onAutoCommit(e.a);
      break;
    case EventKind::RetentionCheck:
      onRetentionCheck(e.a);
      break;
    case EventKind::ResetOffsets:
      onResetOffsets(e.a);
      break;
    case EventKind::ClientConnect:
      onClientConnect(e.a);
      break;
    case EventKind::ClientSubmit:
      onClientSubmit(e.a);
      break;
    case EventKind::ClientPoll:
      onClientPoll(e.a);
      break;
    case EventKind::ClientCancel:
      onClientCancel(e.a);
      break;
    case EventKind::ClientTimeout:
      onClientTimeout(e.a);
      break;
    case EventKind::ClientResponse:
      onClientResponse(e.b);
      break;
    case EventKind::ClientNotified:
      onClientNotified(e.a, static_cast<JobStatus>(e.b & 0xff), (e.b >> 8) != 0);
      break;
    case EventKind::ApiArrive:
      onApiArrive(e.b);
      break;
    case EventKind::ApiStoreCall:
      onApiStoreCall(e.b);
      break;
    case EventKind::ApiRespond:
      onApiRespond(e.b);
      break;
    case EventKind::StoreApply:
      onStoreApply(e.a, e.b);
      break;
    case EventKind::ResultExpire:
      applyJobStatus(e.a, JobStatus::Expired, kNoComponent);
      break;
    case EventKind::FaultStart:
      onFaultStart(e.a);
      break;
    case EventKind::FaultEnd:
      onFaultEnd(e.a);
      break;
    case EventKind::CrashDetected:
      onCrashDetected(e.a);
      break;
    case EventKind::InstanceRestart:
      onInstanceRestart(e.a, e.b);
      break;
  }
}

namespace {

// Records one kind's logged latencies, into a histogram or a window (LatencyWindow). The first line
// of the one a few entries ahead is fetched while this one is recorded. (Fetching a histogram's
// bucket too, once the header is at hand, cost a cache-resident model more than it saved a large
// one.) A window's first latency since it was emptied is listed in `unsettled` (when the kind has
// windows): settleWindows() will have it to move.
template <class HistogramOf>
void recordAll(const std::vector<LatencyLog::Entry>& log, LatencyOwner kind,
               HistogramOf histogramOf, std::vector<std::uint32_t>* unsettled) {
  constexpr std::size_t kHeaderAhead = 16;
  const std::size_t n = log.size();
  for (std::size_t i = 0; i < n; ++i) {
    if (i + kHeaderAhead < n) __builtin_prefetch(&histogramOf(log[i + kHeaderAhead].index));
    auto& h = histogramOf(log[i].index);  // a LatencyHistogram, or a LatencyWindow
    if (unsettled && h.count() == 0) unsettled->push_back(LatencyLog::owner(kind, log[i].index));
    h.record(log[i].ns);
  }
}

}  // namespace

void Simulator::flushLatencies() {
  // Percentiles over time (PercentileSeries) are recorded into windows.
  recordAll(
      latencies_.entries(LatencyOwner::QueueWait), LatencyOwner::QueueWait,
      [this](std::uint32_t i) -> LatencyWindow& { return queueMetrics_[i].waitWindow; },
      &unsettled_);
  recordAll(
      latencies_.entries(LatencyOwner::ProducerEndToEnd), LatencyOwner::ProducerEndToEnd,
      [this](std::uint32_t i) -> LatencyWindow& { return producerMetrics_[i].endToEndWindow; },
      &unsettled_);
  recordAll(
      latencies_.entries(LatencyOwner::GroupEndToEnd), LatencyOwner::GroupEndToEnd,
      [this](std::uint32_t i) -> LatencyHistogram& { return groups_[i].endToEnd; }, nullptr);
  recordAll(
      latencies_.entries(LatencyOwner::ApiWait), LatencyOwner::ApiWait,
      [this](std::uint32_t i) -> LatencyHistogram& { return apis_[i].wait; }, nullptr);
  recordAll(
      latencies_.entries(LatencyOwner::ClientResult), LatencyOwner::ClientResult,
      [this](std::uint32_t i) -> LatencyHistogram& { return clients_[i].timeToResult; }, nullptr);
  latencies_.clear();
}

// A new message that carries `original`'s identity (serial, producer, key, publish time): a topic's
// copy for one subscription, or a read of a stream record.
std::uint32_t Simulator::newMessageFrom(const Message& original) {
  const Message source = original;  // the pool may grow and move `original`
  const std::uint32_t msg = allocateMessage();
  Message& m = pool_[msg];
  m = Message{};
  m.serial = source.serial;
  m.publishedAt = source.publishedAt;
  m.producer = source.producer;
  m.key = source.key;
  m.partition = source.partition;
  m.poison = source.poison;
  return msg;
}

bool Simulator::operator==(const Simulator& o) const {
  return (model_ == o.model_ || *model_ == *o.model_) && now_ == o.now_ && events_ == o.events_ &&
         nextSerial_ == o.nextSerial_ && nextSampleAt_ == o.nextSampleAt_ && queue_ == o.queue_ &&
         pool_ == o.pool_ && ledger_ == o.ledger_ && hash_ == o.hash_ && trace_ == o.trace_ &&
         latencies_ == o.latencies_ && unsettled_ == o.unsettled_ && producers_ == o.producers_ &&
         queues_ == o.queues_ && producerMetrics_ == o.producerMetrics_ &&
         queueMetrics_ == o.queueMetrics_ && consumers_ == o.consumers_ &&
         consumerMetrics_ == o.consumerMetrics_ && instances_ == o.instances_ &&
         topics_ == o.topics_ && streams_ == o.streams_ && groups_ == o.groups_ &&
         clients_ == o.clients_ && apis_ == o.apis_ && stores_ == o.stores_ && jobs_ == o.jobs_ &&
         requests_ == o.requests_ && freeRequests_ == o.freeRequests_ && faults_ == o.faults_ &&
         liveFaults_ == o.liveFaults_ && actions_ == o.actions_ && liveActions_ == o.liveActions_ &&
         links_ == o.links_ && linkFaultSeen_ == o.linkFaultSeen_ &&
         brokerDownUntil_ == o.brokerDownUntil_ && lostInRestarts_ == o.lostInRestarts_ &&
         violation_ == o.violation_ && limits_ == o.limits_ &&
         retainedRecords_ == o.retainedRecords_ && limitReached_ == o.limitReached_;
}

}  // namespace brokerlab
