#include "scenario/ComponentReader.h"

#include "scenario/JsonWriter.h"
#include "scenario/ScenarioRules.h"

#include <algorithm>
#include <limits>
#include <span>
#include <vector>

namespace brokerlab::detail {

namespace {

constexpr std::uint64_t kAny = std::numeric_limits<std::uint64_t>::max();

template <typename T>
void assign(std::optional<T>& field, const std::optional<std::uint64_t>& value) {
  if (value) field = static_cast<T>(*value);
}

template <typename Enum>
void choose(std::optional<Enum>& field, ValueReader& r, const json::Value& v,
            const std::string& path, std::span<const std::string_view> names) {
  if (const auto i = r.choice(v, path, names)) field = static_cast<Enum>(*i);
}

// One string or a list of them: a producer's routing keys (it draws one uniformly for each
// message), a subscription's binding patterns (it takes what matches any). `what` names one.
std::optional<std::vector<std::string>> stringOrList(ValueReader& r, const json::Value& v,
                                                     const std::string& path,
                                                     std::string_view what) {
  if (v.isString()) return std::vector<std::string>{v.text};
  if (!v.isArray()) {
    r.issues().add(v, path,
                   std::string("must be ")
                       .append(what)
                       .append(" or a list of them (got ")
                       .append(json::describe(v))
                       .append(")"));
    return std::nullopt;
  }
  std::vector<std::string> keys;
  bool ok = true;
  for (std::size_t i = 0; i < v.items.size(); ++i) {
    auto key = r.string(v.items[i], json::indexPath(path, i));
    if (key) keys.push_back(std::move(*key));
    ok = ok && key.has_value();
  }
  if (!ok) return std::nullopt;
  return keys;
}

// The parameters of a producer that depend on its target's kind.
void readMessageKeys(ValueReader& r, ComponentSpec& c, std::string_view key, const json::Value& v,
                     const std::string& path) {
  if (key == "routing_key") c.routingKey = stringOrList(r, v, path, "a routing key");
  if (key == "expiration") c.expiration = r.duration(v, path);
  if (key == "keys") assign(c.keys, r.integer(v, path, 1, limits::kMaxRecordKeys));
  if (key == "key_skew") c.keySkew = r.number(v, path);
  if (key == "confirm") c.confirm = r.boolean(v, path);
}

// The parameters of a stream, and those of a consumer that depend on its source's kind.
void readStreamParameter(ValueReader& r, ComponentSpec& c, std::string_view key,
                         const json::Value& v, const std::string& path) {
  if (key == "partitions") assign(c.partitions, r.integer(v, path, 1, limits::kMaxPartitions));
  if (key == "retention") c.retention = r.duration(v, path);
  if (key == "retention_bytes") assign(c.retentionBytes, r.integer(v, path, 1, kAny));
  if (key == "segment_bytes") assign(c.segmentBytes, r.integer(v, path, 1, kAny));
  if (key == "binding") c.binding = stringOrList(r, v, path, "a binding pattern");
  if (key == "group") c.group = r.string(v, path);
  if (key == "join") c.join = r.duration(v, path);
  if (key == "leave") c.leave = r.duration(v, path);
  if (key == "assignment") choose(c.assignment, r, v, path, rules::assignmentNames());
  if (key == "commit") choose(c.commit, r, v, path, rules::commitNames());
  if (key == "auto_commit_interval") c.autoCommitInterval = r.duration(v, path);
  if (key == "rebalance_pause") c.rebalancePause = r.duration(v, path);
  if (key == "heartbeat") c.heartbeat = r.duration(v, path);  // any consumer: crash detection
}

// The parameters of a client, an api, a store, and of a consumer as a worker (request-reply).
void readRequestReplyParameter(ValueReader& r, ComponentSpec& c, std::string_view key,
                               const json::Value& v, const std::string& path) {
  if (key == "notify") choose(c.notify, r, v, path, rules::notifyNames());
  if (key == "poll_interval") c.pollInterval = r.duration(v, path);
  if (key == "poll_backoff") c.pollBackoff = r.number(v, path);
  if (key == "max_poll_interval") c.maxPollInterval = r.duration(v, path);
  if (key == "timeout") c.timeout = r.duration(v, path);
  if (key == "invalid_fraction") c.invalidFraction = r.number(v, path);
  if (key == "unknown_poll_fraction") c.unknownPollFraction = r.number(v, path);
  if (key == "cancel_fraction") c.cancelFraction = r.number(v, path);
  if (key == "cancel_after") c.cancelAfter = r.duration(v, path);
  if (key == "queue") c.queue = r.string(v, path);
  if (key == "store") c.store = r.string(v, path);
  if (key == "role") choose(c.role, r, v, path, rules::roleNames());
  if (key == "concurrency") assign(c.concurrency, r.integer(v, path, 1, limits::kMaxConcurrency));
  if (key == "max_waiting") assign(c.maxWaiting, r.integer(v, path, 0, kAny));
  if (key == "retry_after") c.retryAfter = r.duration(v, path);
  if (key == "result_delivery") choose(c.resultDelivery, r, v, path, rules::resultDeliveryNames());
  if (key == "read_latency") c.readLatency = r.distribution(v, path);
  if (key == "write_latency") c.writeLatency = r.distribution(v, path);
  if (key == "result_ttl") c.resultTtl = r.duration(v, path);
}

void readParameter(ValueReader& r, ComponentSpec& c, std::string_view key, const json::Value& v,
                   const std::string& path) {
  if (key == "target") c.target = r.string(v, path);
  if (key == "rate") c.rate = r.number(v, path);
  if (key == "interarrival") c.interarrival = r.distribution(v, path);
  if (key == "count") assign(c.count, r.integer(v, path, 1, kAny));
  if (key == "size_bytes") assign(c.sizeBytes, r.integer(v, path, 0, kAny));
  if (key == "start" && c.kind != ComponentKind::Consumer) c.start = r.duration(v, path);
  if (key == "start" && c.kind == ComponentKind::Consumer) {
    choose(c.startPosition, r, v, path, rules::startPositionNames());  // where a group begins
  }
  if (key == "stop") c.stop = r.duration(v, path);
  if (key == "max_length") assign(c.maxLength, r.integer(v, path, 1, kAny));
  if (key == "ttl") c.ttl = r.duration(v, path);
  if (key == "dead_letter") c.deadLetter = r.string(v, path);
  if (key == "max_deliveries") {
    assign(c.maxDeliveries, r.integer(v, path, 1, std::numeric_limits<std::uint32_t>::max()));
  }
  if (key == "delivery_limit") {
    assign(c.deliveryLimit, r.integer(v, path, 0, limits::kMaxDeliveryLimit));
  }
  if (key == "type" && c.kind == ComponentKind::Queue) {
    choose(c.queueType, r, v, path, rules::queueTypeNames());
  }
  if (key == "type" && c.kind == ComponentKind::Topic) {
    choose(c.exchangeType, r, v, path, rules::exchangeTypeNames());
  }
  if (key == "requeue") c.requeue = r.boolean(v, path);
  if (key == "durable") c.durable = r.boolean(v, path);
  if (key == "source") c.source = r.string(v, path);
  if (key == "instances") assign(c.instances, r.integer(v, path, 1, limits::kMaxInstances));
  if (key == "prefetch") assign(c.prefetch, r.integer(v, path, 0, limits::kMaxPrefetch));
  if (key == "service") c.service = r.distribution(v, path);
  if (key == "failure_probability") c.failureProbability = r.number(v, path);
  if (key == "latency") c.latency = r.distribution(v, path);
  if (key == "overflow") choose(c.overflow, r, v, path, rules::overflowNames());
  if (key == "ack") choose(c.ack, r, v, path, rules::ackNames());
  readMessageKeys(r, c, key, v, path);
  readStreamParameter(r, c, key, v, path);
  readRequestReplyParameter(r, c, key, v, path);
}

std::optional<ComponentKind> readKind(ValueReader& r, const json::Value& object,
                                      const std::string& path) {
  const json::Value* kind = object.find("kind");
  const std::string kindPath = json::childPath(path, "kind");
  if (kind == nullptr) {
    r.issues().add(object, kindPath,
                   "is required: one of " + rules::quotedChoice(rules::kindNames()));
    return std::nullopt;
  }
  const std::optional<std::size_t> index = r.choice(*kind, kindPath, rules::kindNames());
  if (!index) return std::nullopt;
  return static_cast<ComponentKind>(*index);
}

}  // namespace

ComponentSpec readComponent(ValueReader& r, const json::Value& value, const std::string& path) {
  ComponentSpec c;
  if (!r.expectObject(value, path)) return c;
  if (const json::Value* id = value.find("id")) {
    if (auto text = r.string(*id, json::childPath(path, "id"))) c.id = std::move(*text);
  }
  const std::optional<ComponentKind> kind = readKind(r, value, path);
  if (!kind) return c;
  c.kind = *kind;
  const auto allKeys = rules::componentKeyOrder();
  for (const json::Member& member : value.members) {
    if (member.key == "id" || member.key == "kind") continue;
    const std::string memberPath = json::childPath(path, member.key);
    if (!rules::takesParameter(c.kind, member.key)) {
      const bool otherKinds =
          std::find(allKeys.begin(), allKeys.end(), member.key) != allKeys.end();
      r.issues().add(member.keyPosition, memberPath,
                     otherKinds ? rules::notAParameter(member.key, c.kind)
                                : rules::unknownKey(member.key, rules::parametersOf(c.kind)));
      continue;
    }
    readParameter(r, c, member.key, member.value, memberPath);
  }
  return c;
}

}  // namespace brokerlab::detail
