#include "model/ModelBuilder.h"

#include "model/Message.h"
#include "scenario/ScenarioValidation.h"

#include <map>

namespace brokerlab {

namespace {

Sampler latencyOf(const ComponentSpec& c, const Scenario& s) {
  if (c.latency) return Sampler::from(*c.latency);
  return Sampler::from(
      s.networkLatency.value_or(Distribution::constant(defaults::kNetworkLatency)));
}

}  // namespace

ModelBuildResult buildModel(const Scenario& s, std::optional<std::uint64_t> seedOverride) {
  Model m;
  m.name = s.name;
  m.seed = seedOverride.value_or(s.seed.value_or(defaults::kSeed));
  m.duration = s.duration;
  m.sampleInterval = s.sampleInterval.value_or(defaultSampleInterval(s.duration));

  std::map<std::string, std::uint32_t> queueByName;
  for (const ComponentSpec& c : s.components) {
    std::uint32_t index = 0;
    switch (c.kind) {
      case ComponentKind::Producer:
        index = static_cast<std::uint32_t>(m.producers.size());
        m.producers.emplace_back();
        break;
      case ComponentKind::Queue:
        index = static_cast<std::uint32_t>(m.queues.size());
        queueByName[c.id] = index;
        m.queues.emplace_back();
        break;
      case ComponentKind::Consumer:
        index = static_cast<std::uint32_t>(m.consumers.size());
        m.consumers.emplace_back();
        break;
    }
    m.components.push_back({c.id, c.kind, index});
  }
  auto queueIndex = [&](const std::optional<std::string>& id, const std::string& who,
                        std::string& error) -> std::uint32_t {
    if (!id) return kNone;
    const auto it = queueByName.find(*id);
    if (it == queueByName.end()) {
      error = who + ": no queue with id \"" + *id + "\"";
      return kNone;
    }
    return it->second;
  };

  std::string error;
  for (std::uint32_t ci = 0; ci < s.components.size(); ++ci) {
    const ComponentSpec& c = s.components[ci];
    const std::uint32_t index = m.components[ci].index;
    switch (c.kind) {
      case ComponentKind::Producer: {
        ProducerDef& p = m.producers[index];
        p.component = ci;
        p.queue = queueIndex(c.target, c.id, error);
        if (!c.target) error = c.id + ": a producer needs a target";
        if (c.rate && *c.rate > 0) {
          p.interarrival =
              Sampler::from(Distribution::exponential(static_cast<SimTime>(1e9 / *c.rate + 0.5)));
        } else if (c.interarrival) {
          p.interarrival = Sampler::from(*c.interarrival);
        } else {
          error = c.id + ": a producer needs a rate or an interarrival distribution";
        }
        p.latency = latencyOf(c, s);
        p.count = c.count.value_or(0);
        p.start = c.start.value_or(0);
        p.stop = c.stop.value_or(kMaxSimTime);
        p.sizeBytes = c.sizeBytes.value_or(defaults::kSizeBytes);
        break;
      }
      case ComponentKind::Queue: {
        QueueDef& q = m.queues[index];
        q.component = ci;
        q.maxLength = c.maxLength.value_or(0);
        q.overflow = c.overflow.value_or(defaults::kOverflow);
        q.ttl = c.ttl.value_or(0);
        q.deadLetter = queueIndex(c.deadLetter, c.id, error);
        q.maxDeliveries = c.maxDeliveries.value_or(defaults::kMaxDeliveries);
        q.durable = c.durable.value_or(defaults::kDurable);
        break;
      }
      case ComponentKind::Consumer: {
        ConsumerDef& k = m.consumers[index];
        k.component = ci;
        k.queue = queueIndex(c.source, c.id, error);
        if (!c.source) error = c.id + ": a consumer needs a source";
        k.instances = c.instances.value_or(defaults::kInstances);
        k.firstInstance = static_cast<std::uint32_t>(m.instanceConsumer.size());
        for (std::uint32_t i = 0; i < k.instances; ++i) m.instanceConsumer.push_back(index);
        k.prefetch = c.prefetch.value_or(defaults::kPrefetch);
        k.ack = c.ack.value_or(defaults::kAck);
        if (!c.service) error = c.id + ": a consumer needs a service distribution";
        k.service = Sampler::from(c.service.value_or(Distribution::constant(0)));
        k.latency = latencyOf(c, s);
        k.failureProbability = c.failureProbability.value_or(0.0);
        break;
      }
    }
  }
  if (!error.empty()) return {std::nullopt, error};

  // Dispatch order among competing consumers: consumers in scenario order, then instance number.
  // Round-robin interleaves instances as RabbitMQ does across channels.
  for (const ConsumerDef& k : m.consumers)
    for (std::uint32_t i = 0; i < k.instances; ++i)
      m.queues[k.queue].instances.push_back(k.firstInstance + i);
  return {std::move(m), {}};
}

}  // namespace brokerlab
