#include "model/ModelBuilder.h"

#include "base/TimeSeries.h"
#include "model/DistributionSampler.h"
#include "model/RoutingKey.h"
#include "scenario/ScenarioValidation.h"

#include <algorithm>
#include <cmath>
#include <map>

namespace brokerlab {

namespace {

Sampler latencyOf(const ComponentSpec& c, const Scenario& s) {
  if (c.latency) return samplerOf(*c.latency);
  return samplerOf(s.networkLatency.value_or(Distribution::constant(defaults::kNetworkLatency)));
}

// Builds the model in passes: index every component, resolve producers and consumers against the
// channels, then derive what the channels need (subscription queues, groups, dispatch order).
class Builder {
 public:
  Builder(const Scenario& s, std::optional<std::uint64_t> seed) : s_(s) {
    m_.name = s.name;
    m_.seed = seed.value_or(s.seed.value_or(defaults::kSeed));
    m_.duration = s.duration;
    m_.sampleInterval = s.sampleInterval.value_or(defaultSampleInterval(s.duration));
  }

  ModelBuildResult build() {
    indexComponents();
    for (std::uint32_t ci = 0; ci < s_.components.size(); ++ci) {
      const ComponentSpec& c = s_.components[ci];
      if (c.kind == ComponentKind::Queue) buildQueue(c, ci);
      if (c.kind == ComponentKind::Stream) buildStream(c, ci);
      if (c.kind == ComponentKind::Store) buildStore(c, ci);
    }
    for (std::uint32_t ci = 0; ci < s_.components.size(); ++ci) {
      const ComponentSpec& c = s_.components[ci];
      if (c.kind == ComponentKind::Consumer) buildConsumer(c, ci);
    }
    for (std::uint32_t ci = 0; ci < s_.components.size(); ++ci) {
      const ComponentSpec& c = s_.components[ci];
      if (c.kind == ComponentKind::Producer) buildProducer(c, ci);
      if (c.kind == ComponentKind::Api) buildApi(c, ci);
    }
    for (std::uint32_t ci = 0; ci < s_.components.size(); ++ci) {
      const ComponentSpec& c = s_.components[ci];
      if (c.kind == ComponentKind::Client) buildClient(c, ci);
    }
    buildActions();
    for (const FaultSpec& f : s_.faults) {
      std::string error;
      m_.faults.push_back(resolveFault(m_, f, error));
      if (!error.empty()) error_ = "faults: " + error;
    }
    if (!deadLetters_.empty())
      error_ = "dead_letter: no queue with id \"" + deadLetters_[0].second + "\"";
    if (!error_.empty()) return {std::nullopt, error_};
    if (!s_.sampleInterval)
      m_.sampleInterval = std::max(m_.sampleInterval, sampleIntervalForSize());
    listQueueInstances();
    for (ProducerDef& p : m_.producers)
      p.targetComponent = channelComponent(p.targetKind, p.target);
    for (ConsumerDef& c : m_.consumers)
      c.sourceComponent = c.sourceKind == ChannelKind::Stream
                              ? channelComponent(ChannelKind::Stream, c.stream)
                              : channelComponent(ChannelKind::Queue, c.queue);
    return {std::move(m_), {}};
  }

 private:
  std::uint32_t channelComponent(ChannelKind kind, std::uint32_t channel) const {
    switch (kind) {
      case ChannelKind::Queue:
        return m_.queues[channel].component;
      case ChannelKind::Topic:
        return m_.topics[channel].component;
      case ChannelKind::Stream:
        return m_.streams[channel].component;
    }
    return kNone;
  }

  // Dispatch order among competing consumers: consumers in scenario order, then instance number.
  void listQueueInstances() {
    for (QueueDef& q : m_.queues) q.listed = 0;
    for (const ConsumerDef& k : m_.consumers)
      if (k.queue != kNone) m_.queues[k.queue].listed += k.instanceSlots;
    std::uint32_t next = 0;
    for (QueueDef& q : m_.queues) {
      q.firstListed = next;
      next += q.listed;
      q.listed = 0;  // counts again below, as the list fills
    }
    m_.queueInstances.resize(next);
    m_.instanceQueue.assign(m_.instanceConsumer.size(), kNone);
    for (const ConsumerDef& k : m_.consumers) {
      if (k.queue == kNone) continue;
      QueueDef& q = m_.queues[k.queue];
      for (std::uint32_t i = 0; i < k.instanceSlots; ++i) {
        m_.queueInstances[q.firstListed + q.listed++] = k.firstInstance + i;
        m_.instanceQueue[k.firstInstance + i] = k.queue;
      }
    }
  }

  void indexComponents() {
    std::uint32_t counts[kComponentKindCount] = {};
    for (const ComponentSpec& c : s_.components) {
      const auto kind = static_cast<std::size_t>(c.kind);
      byId_[c.id] = {c.kind, counts[kind]};
      m_.components.push_back({c.id, c.kind, counts[kind]++});
    }
    m_.producers.resize(counts[static_cast<std::size_t>(ComponentKind::Producer)]);
    m_.consumers.resize(counts[static_cast<std::size_t>(ComponentKind::Consumer)]);
    m_.topics.resize(counts[static_cast<std::size_t>(ComponentKind::Topic)]);
    m_.streams.resize(counts[static_cast<std::size_t>(ComponentKind::Stream)]);
    m_.clients.resize(counts[static_cast<std::size_t>(ComponentKind::Client)]);
    m_.apis.resize(counts[static_cast<std::size_t>(ComponentKind::Api)]);
    m_.stores.resize(counts[static_cast<std::size_t>(ComponentKind::Store)]);
    for (std::uint32_t ci = 0; ci < s_.components.size(); ++ci) {
      if (s_.components[ci].kind != ComponentKind::Topic) continue;
      m_.topics[m_.components[ci].index].component = ci;
      exchangeOf_[ci] = s_.components[ci].exchangeType.value_or(defaults::kExchangeType);
    }
  }

  // The channel `id` names, or an error naming `who`.
  std::pair<ChannelKind, std::uint32_t> channel(const std::optional<std::string>& id,
                                                const std::string& who) {
    const auto it = id ? byId_.find(*id) : byId_.end();
    if (it != byId_.end()) {
      switch (it->second.first) {
        case ComponentKind::Queue:
          return {ChannelKind::Queue, queueIndex_.at(*id)};
        case ComponentKind::Topic:
          return {ChannelKind::Topic, it->second.second};
        case ComponentKind::Stream:
          return {ChannelKind::Stream, it->second.second};
        default:
          break;
      }
    }
    error_ = who + ": \"" + id.value_or("") + "\" is not a queue, topic or stream";
    return {ChannelKind::Queue, kNone};
  }

  void buildQueue(const ComponentSpec& c, std::uint32_t ci) {
    queueIndex_[c.id] = static_cast<std::uint32_t>(m_.queues.size());
    QueueDef q{};
    q.component = ci;
    q.maxLength = c.maxLength.value_or(0);
    q.overflow = c.overflow.value_or(defaults::kOverflow);
    q.ttl = c.ttl.value_or(0);
    q.deadLetter = kNone;  // resolved below, once every queue has its index
    q.maxDeliveries =
        c.deliveryLimit ? *c.deliveryLimit + 1 : c.maxDeliveries.value_or(defaults::kMaxDeliveries);
    q.durable = c.durable.value_or(defaults::kDurable);
    q.returnsToTail = c.queueType.value_or(defaults::kQueueType) == QueueType::Quorum;
    q.topic = kNone;
    q.subscriber = kNone;
    m_.queues.push_back(q);
    if (c.deadLetter) deadLetters_.emplace_back(m_.queues.size() - 1, *c.deadLetter);
    resolveDeadLetters();
  }

  void resolveDeadLetters() {
    for (auto it = deadLetters_.begin(); it != deadLetters_.end();) {
      const auto target = queueIndex_.find(it->second);
      if (target == queueIndex_.end()) {
        ++it;
        continue;
      }
      m_.queues[it->first].deadLetter = target->second;
      it = deadLetters_.erase(it);
    }
  }

  void buildStream(const ComponentSpec& c, std::uint32_t ci) {
    StreamDef& st = m_.streams[m_.components[ci].index];
    st.component = ci;
    st.partitions = c.partitions.value_or(defaults::kPartitions);
    st.retention = c.retention.value_or(defaults::kRetention);
    st.retentionBytes = c.retentionBytes.value_or(0);
    st.segmentBytes = c.segmentBytes.value_or(defaults::kSegmentBytes);
    // Kafka checks retention every 5 minutes; short lecture retentions are checked more often.
    st.retentionCheckInterval =
        std::clamp<SimTime>(st.retention / 10, 100 * kMillisecond, 5 * kMinute);
  }

  // A big model samples less often by default, so that all its series together take at most
  // kSeriesPointBudget points over the run: sampling cost and memory stay bounded.
  SimTime sampleIntervalForSize() const {
    const std::size_t series =
        m_.producers.size() + 5 * m_.queues.size() + m_.groups.size() + 4 * m_.apis.size();
    const double perPoint = static_cast<double>(m_.duration) * static_cast<double>(series) /
                            static_cast<double>(kSeriesPointBudget);
    const SimTime ms =
        static_cast<SimTime>(std::ceil(perPoint / static_cast<double>(kMillisecond)));
    return std::min(ms, kMaxSimTime / kMillisecond) * kMillisecond;
  }

  // The index of the component `id` names if it is of `kind`, else kNone and an error naming `who`.
  std::uint32_t indexOf(const std::optional<std::string>& id, ComponentKind kind,
                        const std::string& who, const char* what) {
    const auto it = id ? byId_.find(*id) : byId_.end();
    if (it != byId_.end() && it->second.first == kind) return it->second.second;
    error_ = who + ": \"" + id.value_or("") + "\" is not " + what;
    return kNone;
  }

  void buildStore(const ComponentSpec& c, std::uint32_t ci) {
    StoreDef& st = m_.stores[m_.components[ci].index];
    st.component = ci;
    st.read = samplerOf(c.readLatency.value_or(Distribution::constant(defaults::kStoreRead)));
    st.write = samplerOf(c.writeLatency.value_or(Distribution::constant(defaults::kStoreWrite)));
    st.resultTtl = c.resultTtl.value_or(defaults::kResultTtl);
  }

  void buildConsumer(const ComponentSpec& c, std::uint32_t ci);
  void buildProducer(const ComponentSpec& c, std::uint32_t ci);
  void buildApi(const ComponentSpec& c, std::uint32_t ci);
  void buildClient(const ComponentSpec& c, std::uint32_t ci);
  Sampler interarrivalOf(const ComponentSpec& c, const char* what);
  void buildActions();

  const Scenario& s_;
  Model m_;
  std::string error_;
  std::map<std::string, std::pair<ComponentKind, std::uint32_t>> byId_;
  std::map<std::string, std::uint32_t> queueIndex_;
  std::vector<std::pair<std::size_t, std::string>> deadLetters_;  // (queue, target) not yet seen
  // topic consumer -> its topic's exchange type and its binding patterns
  std::map<std::uint32_t, std::pair<ExchangeType, std::vector<std::string>>> bindingOf_;
  std::map<std::uint32_t, ExchangeType> exchangeOf_;  // topic component -> its exchange type
};

void Builder::buildConsumer(const ComponentSpec& c, std::uint32_t ci) {
  ConsumerDef& k = m_.consumers[m_.components[ci].index];
  const std::uint32_t index = m_.components[ci].index;
  k.component = ci;
  const auto [kind, target] = channel(c.source, c.id);
  k.sourceKind = kind;
  k.queue = k.stream = k.group = k.subscription = kNone;
  k.instances = c.instances.value_or(defaults::kInstances);
  // Scale faults that add instances need their slots (and random streams) from the start.
  k.instanceSlots = k.instances;
  for (const FaultSpec& f : s_.faults)
    if (f.kind == FaultKind::Scale && f.target == c.id)
      k.instanceSlots = std::max(k.instanceSlots, f.instances.value_or(0));
  k.firstInstance = static_cast<std::uint32_t>(m_.instanceConsumer.size());
  for (std::uint32_t i = 0; i < k.instanceSlots; ++i) {
    m_.instanceConsumer.push_back(index);
    m_.instanceNumbers.push_back(i + 1);
  }
  k.prefetch = c.prefetch.value_or(defaults::kPrefetch);
  k.ack = c.ack.value_or(defaults::kAck);
  k.requeue = c.requeue.value_or(defaults::kRequeue);
  if (!c.service) error_ = c.id + ": a consumer needs a service distribution";
  k.service = samplerOf(c.service.value_or(Distribution::constant(0)));
  k.latency = latencyOf(c, s_);
  k.failureProbability = c.failureProbability.value_or(0.0);
  k.join = c.join.value_or(0);
  k.leave = c.leave.value_or(kMaxSimTime);
  k.heartbeat = c.heartbeat.value_or(kind == ChannelKind::Stream ? defaults::kSessionTimeout
                                                                 : defaults::kHeartbeat);
  k.durableSubscription = false;
  k.store = c.role.value_or(ConsumerRole::Consumer) == ConsumerRole::Worker
                ? indexOf(c.store, ComponentKind::Store, c.id, "a store")
                : kNone;
  if (target == kNone) return;

  if (kind == ChannelKind::Queue) {
    k.queue = target;
  } else if (kind == ChannelKind::Topic) {
    // A subscription is a queue of its own, bound to the topic.
    TopicDef& topic = m_.topics[target];
    k.subscription = static_cast<std::uint32_t>(topic.subscriptions.size());
    topic.subscriptions.push_back(index);
    k.durableSubscription = c.durable.value_or(defaults::kSubscriptionDurable);
    QueueDef q{};
    q.component = topic.component;
    q.maxLength = c.maxLength.value_or(0);
    q.overflow = c.overflow.value_or(defaults::kOverflow);
    q.ttl = c.ttl.value_or(0);
    q.deadLetter = kNone;
    q.maxDeliveries = 0;
    q.durable = k.durableSubscription;
    q.returnsToTail = false;
    q.topic = target;
    q.subscriber = ci;
    k.queue = static_cast<std::uint32_t>(m_.queues.size());
    m_.queues.push_back(q);
    bindingOf_[index] = {exchangeOf_[topic.component],
                         c.binding.value_or(std::vector<std::string>{defaults::kBinding})};
  } else {
    k.stream = target;
    const std::string name = c.group.value_or(c.id);
    auto& groups = m_.streams[target].groups;
    const auto found = std::find_if(groups.begin(), groups.end(),
                                    [&](std::uint32_t g) { return m_.groups[g].name == name; });
    if (found == groups.end()) {
      GroupDef g{};
      g.name = name;
      g.stream = target;
      g.assignment = c.assignment.value_or(defaults::kAssignment);
      g.commit = c.commit.value_or(defaults::kCommit);
      g.autoCommitInterval = c.autoCommitInterval.value_or(defaults::kAutoCommitInterval);
      g.start = c.startPosition.value_or(defaults::kStartPosition);
      g.rebalancePause = c.rebalancePause.value_or(defaults::kRebalancePause);
      groups.push_back(static_cast<std::uint32_t>(m_.groups.size()));
      m_.groups.push_back(g);
      k.group = groups.back();
    } else {
      k.group = *found;
    }
    m_.groups[k.group].consumers.push_back(index);
  }
}

void Builder::buildProducer(const ComponentSpec& c, std::uint32_t ci) {
  ProducerDef& p = m_.producers[m_.components[ci].index];
  p.component = ci;
  const auto [kind, target] = channel(c.target, c.id);
  p.targetKind = kind;
  p.target = target;
  p.queue = kind == ChannelKind::Queue ? target : kNone;
  p.interarrival = interarrivalOf(c, "a producer");
  p.latency = latencyOf(c, s_);
  p.count = c.count.value_or(0);
  p.sizeBytes = c.sizeBytes.value_or(defaults::kSizeBytes);
  p.confirm = c.confirm.value_or(defaults::kConfirm);
  p.expiration = c.expiration.value_or(0);
  if (p.expiration != 0) m_.messageExpirations = true;
  p.start = c.start.value_or(0);
  p.stop = c.stop.value_or(kMaxSimTime);
  p.keys = c.keys.value_or(0);
  p.keySampler = ZipfSampler::make(p.keys, c.keySkew.value_or(0.0));
  if (kind != ChannelKind::Topic || target == kNone) return;
  p.routingKeys = c.routingKey.value_or(std::vector<std::string>{""});
  for (const std::string& key : p.routingKeys) {
    std::vector<std::uint8_t> matches;
    for (const std::uint32_t consumer : m_.topics[target].subscriptions) {
      const auto& [type, bindings] = bindingOf_.at(consumer);
      matches.push_back(routes(type, bindings, key) ? 1 : 0);
    }
    p.keyMatches.push_back(std::move(matches));
  }
}

Sampler Builder::interarrivalOf(const ComponentSpec& c, const char* what) {
  if (c.rate && *c.rate > 0)
    return samplerOf(Distribution::exponential(static_cast<SimTime>(1e9 / *c.rate + 0.5)));
  if (c.interarrival) return samplerOf(*c.interarrival);
  error_ = c.id + ": " + what + " needs a rate or an interarrival distribution";
  return samplerOf(Distribution::constant(kSecond));
}

void Builder::buildApi(const ComponentSpec& c, std::uint32_t ci) {
  ApiDef& a = m_.apis[m_.components[ci].index];
  a.component = ci;
  const auto [kind, queue] = channel(c.queue, c.id);
  a.queue = kind == ChannelKind::Queue ? queue : kNone;
  if (a.queue == kNone) error_ = c.id + ": an api needs a queue for its jobs";
  a.store = indexOf(c.store, ComponentKind::Store, c.id, "a store");
  a.concurrency = c.concurrency.value_or(defaults::kApiConcurrency);
  if (a.concurrency == 0) error_ = c.id + ": concurrency must be at least 1";
  a.service = samplerOf(c.service.value_or(Distribution::constant(defaults::kApiService)));
  a.latency = latencyOf(c, s_);
  a.retryAfter = c.retryAfter.value_or(0);
  a.resultDelivery = c.resultDelivery.value_or(defaults::kResultDelivery);
  a.maxWaiting = c.maxWaiting.value_or(defaults::kMaxWaiting);
}

void Builder::buildClient(const ComponentSpec& c, std::uint32_t ci) {
  ClientDef& k = m_.clients[m_.components[ci].index];
  k.component = ci;
  k.api = indexOf(c.target, ComponentKind::Api, c.id, "an api");
  k.interarrival = interarrivalOf(c, "a client");
  k.latency = latencyOf(c, s_);
  k.count = c.count.value_or(0);
  k.start = c.start.value_or(0);
  k.stop = c.stop.value_or(kMaxSimTime);
  k.sizeBytes = c.sizeBytes.value_or(defaults::kSizeBytes);
  k.pollInterval = c.pollInterval.value_or(defaults::kPollInterval);
  if (k.pollInterval <= 0) error_ = c.id + ": poll_interval must be positive";
  k.pollBackoff = c.pollBackoff.value_or(defaults::kPollBackoff);
  k.maxPollInterval =
      std::max(c.maxPollInterval.value_or(defaults::kMaxPollInterval), k.pollInterval);
  k.timeout = c.timeout.value_or(defaults::kClientTimeout);
  k.invalidFraction = c.invalidFraction.value_or(0.0);
  k.unknownPollFraction = c.unknownPollFraction.value_or(0.0);
  k.cancelFraction = c.cancelFraction.value_or(0.0);
  k.cancelAfter = c.cancelAfter.value_or(0);
  k.notify = c.notify.value_or(defaults::kNotify);
}

void Builder::buildActions() {
  for (const ActionSpec& a : s_.actions) m_.actions.push_back(resolveAction(m_, a, error_));
}

}  // namespace

ModelBuildResult buildModel(const Scenario& s, std::optional<std::uint64_t> seedOverride) {
  return Builder(s, seedOverride).build();
}

}  // namespace brokerlab
