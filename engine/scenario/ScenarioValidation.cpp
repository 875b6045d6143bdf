#include "scenario/ScenarioValidation.h"

#include "scenario/AnnotationValidation.h"
#include "scenario/DurationText.h"
#include "scenario/FaultValidation.h"
#include "scenario/Json.h"
#include "scenario/JsonWriter.h"
#include "scenario/QueueValidation.h"
#include "scenario/RequestReplyValidation.h"
#include "scenario/TopicStreamValidation.h"
#include "scenario/TotalsValidation.h"
#include "scenario/ValidationChecks.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <span>

namespace brokerlab {

namespace {

using detail::ComponentIndex;

// Collects issues for one scenario; each check says which path it is about.
class Validator : private detail::Checks {
 public:
  explicit Validator(const Scenario& scenario) : s_(scenario) {}

  std::vector<ScenarioIssue> run() {
    checkTopLevel();
    indexIds();
    for (std::size_t i = 0; i < s_.components.size(); ++i) checkComponent(i);
    checkDeadLetterCycles();
    detail::checkConsumerGroups(*this, s_, ids_);
    detail::checkWorkerStores(*this, s_, ids_);
    detail::checkActions(*this, s_, ids_);
    detail::checkFaults(*this, s_, ids_);
    detail::checkTotals(*this, s_, ids_);
    detail::checkAnnotations(*this, s_);
    checkLayout();
    return take();
  }
  std::vector<ScenarioIssue> warnings() { return takeWarnings(); }

 private:
  static std::string at(std::size_t i) { return detail::componentPath(i); }
  static std::string field(std::size_t i, std::string_view key) {
    return detail::componentField(i, key);
  }

  static SimTime meanOf(const Distribution& d) {
    switch (d.kind) {
      case DistKind::Constant:
        return d.value;
      case DistKind::Uniform:
        return d.min / 2 + d.max / 2;
      default:
        return d.mean;
    }
  }

  void checkTopLevel() {
    if (s_.name.empty()) add("name", "must not be empty");
    positiveDuration("duration", s_.duration);
    if (s_.networkLatency) checkDistribution("network.latency", *s_.networkLatency);
    if (s_.sampleInterval) {
      positiveDuration("sample_interval", *s_.sampleInterval);
      if (*s_.sampleInterval > 0 && s_.duration > 0 &&
          s_.duration / *s_.sampleInterval > limits::kMaxSamples) {
        // One sample per whole interval: the limit itself is allowed (10 s at 10 us).
        const SimTime least = (s_.duration + limits::kMaxSamples - 1) / limits::kMaxSamples;
        add("sample_interval", "gives more than " + std::to_string(limits::kMaxSamples) +
                                   " samples over the duration; use at least " +
                                   formatDuration(least));
      }
    }
    if (s_.components.empty()) add("components", "must contain at least one component");
    if (s_.components.size() > limits::kMaxComponents) {
      add("components", "has " + std::to_string(s_.components.size()) +
                            " components; the limit is " + std::to_string(limits::kMaxComponents));
    }
  }

  void indexIds() {
    for (std::size_t i = 0; i < s_.components.size(); ++i) {
      const std::string& id = s_.components[i].id;
      if (id.empty()) {
        add(field(i, "id"), "is required and must not be empty");
        continue;
      }
      if (id.size() > limits::kMaxIdLength) {
        add(field(i, "id"), "is " + std::to_string(id.size()) + " characters long; the limit is " +
                                std::to_string(limits::kMaxIdLength));
      }
      const bool allowed = std::all_of(id.begin(), id.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
               c == '_' || c == '.' || c == '-';
      });
      if (!allowed) {
        add(field(i, "id"),
            "may only contain letters, digits, '_', '.' and '-' (got " + json::quoted(id) + ")");
      }
      const auto [it, inserted] = ids_.emplace(id, i);
      if (!inserted) {
        add(field(i, "id"),
            "duplicate id " + json::quoted(id) + " (also used by " + at(it->second) + ")");
      }
    }
  }

  // A reference must name an existing component of one of `kinds`; returns it when it does.
  const ComponentSpec* reference(std::size_t i, std::string_view key, const std::string& id,
                                 std::string_view role, std::span<const ComponentKind> kinds) {
    const auto it = ids_.find(id);
    if (it == ids_.end()) {
      add(field(i, key), "no component with id " + json::quoted(id));
      return nullptr;
    }
    const ComponentSpec& other = s_.components[it->second];
    if (std::find(kinds.begin(), kinds.end(), other.kind) == kinds.end()) {
      std::string allowed;
      for (std::size_t k = 0; k < kinds.size(); ++k) {
        if (k > 0) allowed += k + 1 == kinds.size() ? " or " : ", ";
        allowed += rules::withArticle(kinds[k]);
      }
      add(field(i, key), json::quoted(id) + " is " + rules::withArticle(other.kind) + ", but " +
                             std::string(role) + " must be " + allowed +
                             std::string(detail::requestReplyHint(key, other.kind)));
      return nullptr;
    }
    return &other;
  }

  void checkParametersOfKind(std::size_t i) {
    const ComponentSpec& c = s_.components[i];
    for (const auto& [key, set] : detail::presentParameters(c)) {
      if (set && !rules::takesParameter(c.kind, key)) {
        add(field(i, key), rules::notAParameter(key, c.kind));
      }
    }
    // "start" means a time on a producer or a client and a position on a consumer (only one can
    // come from JSON)
    const bool sends = c.kind == ComponentKind::Producer || c.kind == ComponentKind::Client;
    if (sends && c.startPosition) {
      add(field(i, "start"), std::string("a ")
                                 .append(rules::kindName(c.kind))
                                 .append("'s \"start\" is a time, not \"earliest\" or \"latest\""));
    }
    if (c.kind == ComponentKind::Consumer && c.start) {
      add(field(i, "start"), "a consumer's \"start\" is \"earliest\" or \"latest\", not a time");
    }
    if ((c.queueType && c.kind != ComponentKind::Queue) ||
        (c.exchangeType && c.kind != ComponentKind::Topic)) {
      add(field(i, "type"),
          "a queue's type is \"classic\" or \"quorum\", a topic's \"topic\", "
          "\"fanout\" or \"direct\"; " +
              rules::withArticle(c.kind) + " has none");
    }
    if (c.confirm && c.kind != ComponentKind::Producer) {
      add(field(i, "confirm"), "publisher confirms are for producers");
    }
  }

  // What a producer and a client share: when they send, how often and how much. `what` is
  // "messages" or "jobs".
  void checkArrivals(std::size_t i, const ComponentSpec& c, std::string_view what) {
    const std::string who = rules::withArticle(c.kind);
    if (!c.rate && !c.interarrival) {
      add(at(i), who + " needs either \"rate\" (" + std::string(what) +
                     " per second) or \"interarrival\"");
    }
    if (c.rate && c.interarrival) {
      add(field(i, "interarrival"), "give either \"rate\" or \"interarrival\", not both");
    }
    if (c.rate && !(*c.rate > 0 && *c.rate <= limits::kMaxRateHz)) {
      add(field(i, "rate"), "must be a number > 0 and at most 1e9 " + std::string(what) +
                                " per second (got " + json::formatNumber(*c.rate) + ")");
    }
    if (c.interarrival) {
      checkDistribution(field(i, "interarrival"), *c.interarrival);
      if (meanOf(*c.interarrival) <= 0) {
        add(field(i, "interarrival"),
            "must have a mean > 0 (a zero interarrival time would send without end)");
      }
    }
    if (c.count) integerIn(field(i, "count"), *c.count, 1, UINT64_MAX);
    if (c.start) durationValue(field(i, "start"), *c.start);
    if (c.stop) positiveDuration(field(i, "stop"), *c.stop);
    if (c.start && c.stop && *c.stop <= *c.start) {
      add(field(i, "stop"), "must be later than start (got " + formatDuration(*c.stop) +
                                " <= " + formatDuration(*c.start) + ")");
    }
  }

  void checkProducer(std::size_t i, const ComponentSpec& c) {
    if (!c.target) {
      add(field(i, "target"), "is required: a producer needs a target queue, topic or stream");
    }
    const ComponentSpec* target =
        c.target ? reference(i, "target", *c.target, "a target", kDestinations) : nullptr;
    checkArrivals(i, c, "messages");
    detail::checkMessageKeys(*this, i, c, target);
    detail::checkExpiration(*this, i, c, target);
  }

  void checkClient(std::size_t i, const ComponentSpec& c) {
    if (!c.target) add(field(i, "target"), "is required: a client needs a target api");
    if (c.target) reference(i, "target", *c.target, "a client's target", kApis);
    checkArrivals(i, c, "jobs");
    detail::checkClient(*this, i, c);
  }

  void checkApi(std::size_t i, const ComponentSpec& c) {
    if (!c.queue) add(field(i, "queue"), "is required: the queue an api publishes its jobs to");
    if (c.queue) reference(i, "queue", *c.queue, "an api's queue", kQueues);
    if (!c.store) {
      add(field(i, "store"), "is required: the store of the status and results of its jobs");
    }
    if (c.store) reference(i, "store", *c.store, "an api's store", kStores);
    detail::checkApi(*this, i, c);
  }

  void checkQueue(std::size_t i, const ComponentSpec& c) {
    if (c.maxLength) integerIn(field(i, "max_length"), *c.maxLength, 1, UINT64_MAX);
    if (c.ttl) positiveDuration(field(i, "ttl"), *c.ttl);
    if (c.maxDeliveries) integerIn(field(i, "max_deliveries"), *c.maxDeliveries, 1, UINT32_MAX);
    if (c.deliveryLimit)
      integerIn(field(i, "delivery_limit"), *c.deliveryLimit, 0, limits::kMaxDeliveryLimit);
    detail::checkQueueType(*this, i, c);
    if (c.deadLetter && *c.deadLetter == c.id) {
      add(field(i, "dead_letter"), "a queue cannot dead-letter to itself");
    } else if (c.deadLetter) {
      reference(i, "dead_letter", *c.deadLetter, "a dead-letter target", kQueues);
    }
  }

  void checkConsumer(std::size_t i, const ComponentSpec& c) {
    if (!c.source) {
      add(field(i, "source"), "is required: a consumer needs a source queue, topic or stream");
    }
    const ComponentSpec* source =
        c.source ? reference(i, "source", *c.source, "a source", kDestinations) : nullptr;
    if (!c.service) {
      add(field(i, "service"), "is required: a consumer needs a service time distribution");
    }
    if (c.service) checkDistribution(field(i, "service"), *c.service);
    if (c.instances) integerIn(field(i, "instances"), *c.instances, 1, limits::kMaxInstances);
    if (c.prefetch) integerIn(field(i, "prefetch"), *c.prefetch, 0, limits::kMaxPrefetch);
    if (c.failureProbability) fraction(field(i, "failure_probability"), *c.failureProbability);
    if (c.join) durationValue(field(i, "join"), *c.join);
    if (c.leave) positiveDuration(field(i, "leave"), *c.leave);
    if (c.join && c.leave && *c.leave <= *c.join) {
      add(field(i, "leave"), "must be later than join (got " + formatDuration(*c.leave) +
                                 " <= " + formatDuration(*c.join) + ")");
    }
    if (c.heartbeat) positiveDuration(field(i, "heartbeat"), *c.heartbeat);
    if (source) detail::checkConsumerOf(*this, i, c, *source);
    detail::checkRequeue(*this, i, c);
    if (c.role == ConsumerRole::Worker && c.store) {
      reference(i, "store", *c.store, "a worker's store", kStores);
    }
    detail::checkConsumerRole(*this, i, c, source);
  }

  void checkComponent(std::size_t i) {
    const ComponentSpec& c = s_.components[i];
    checkParametersOfKind(i);
    switch (c.kind) {
      case ComponentKind::Producer:
        checkProducer(i, c);
        break;
      case ComponentKind::Queue:
        checkQueue(i, c);
        break;
      case ComponentKind::Consumer:
        checkConsumer(i, c);
        break;
      case ComponentKind::Topic:
        break;  // nothing beyond its latency
      case ComponentKind::Stream:
        detail::checkStream(*this, i, c);
        break;
      case ComponentKind::Client:
        checkClient(i, c);
        break;
      case ComponentKind::Api:
        checkApi(i, c);
        break;
      case ComponentKind::Store:
        detail::checkStore(*this, i, c);
        break;
    }
    if (c.latency) checkDistribution(field(i, "latency"), *c.latency);
  }

  // Each queue has at most one dead-letter target, so following the targets from any queue either
  // ends or runs into a loop; every loop is reported once, at its first queue in file order.
  void checkDeadLetterCycles() {
    std::vector<int> state(s_.components.size(), 0);  // 0 unseen, 1 on this walk, 2 done
    for (std::size_t start = 0; start < s_.components.size(); ++start) {
      std::vector<std::size_t> walk;
      for (std::size_t i = start;;) {
        if (state[i] == 2) break;
        if (state[i] == 1) {
          reportCycle(walk, i);
          break;
        }
        state[i] = 1;
        walk.push_back(i);
        const auto& next = s_.components[i].deadLetter;
        const auto it = next ? ids_.find(*next) : ids_.end();
        if (it == ids_.end() || it->second == i) break;  // no target, or itself (reported above)
        i = it->second;
      }
      for (std::size_t j : walk) state[j] = 2;
    }
  }

  void reportCycle(const std::vector<std::size_t>& walk, std::size_t entry) {
    const auto first = std::find(walk.begin(), walk.end(), entry);
    std::vector<std::size_t> loop(first, walk.end());
    const std::size_t head = *std::min_element(loop.begin(), loop.end());
    std::rotate(loop.begin(), std::find(loop.begin(), loop.end(), head), loop.end());
    std::string text;
    for (std::size_t j : loop) text += s_.components[j].id + " -> ";
    add(field(head, "dead_letter"), "dead-letter cycle: " + text + s_.components[head].id);
  }

  void checkLayout() {
    for (const auto& [id, point] : s_.layout) {
      const std::string path = json::childPath("layout", id);
      if (ids_.find(id) == ids_.end()) add(path, "no component with id " + json::quoted(id));
      if (!std::isfinite(point.x)) add(json::childPath(path, "x"), "must be a finite number");
      if (!std::isfinite(point.y)) add(json::childPath(path, "y"), "must be a finite number");
    }
  }

  static constexpr std::array kQueues{ComponentKind::Queue};
  static constexpr std::array kApis{ComponentKind::Api};
  static constexpr std::array kStores{ComponentKind::Store};
  static constexpr std::array kDestinations{ComponentKind::Queue, ComponentKind::Topic,
                                            ComponentKind::Stream};

  const Scenario& s_;
  ComponentIndex ids_;
};

}  // namespace

std::vector<ScenarioIssue> validateScenario(const Scenario& scenario) {
  return Validator(scenario).run();
}

ScenarioCheck checkScenario(const Scenario& scenario) {
  Validator v(scenario);
  ScenarioCheck check{v.run(), {}};
  if (check.errors.empty()) check.warnings = v.warnings();
  return check;
}

std::vector<ScenarioIssue> scenarioWarnings(const Scenario& scenario) {
  return checkScenario(scenario).warnings;
}

SimTime defaultSampleInterval(SimTime duration) {
  const SimTime perSample = duration / 1000 + (duration % 1000 != 0 ? 1 : 0);
  const SimTime wholeMs = (perSample + kMillisecond - 1) / kMillisecond * kMillisecond;
  return std::max<SimTime>(100 * kMillisecond, wholeMs);
}

}  // namespace brokerlab
