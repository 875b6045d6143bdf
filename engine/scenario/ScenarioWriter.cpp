#include "scenario/ScenarioWriter.h"

#include "scenario/DurationText.h"
#include "scenario/JsonWriter.h"
#include "scenario/ScenarioRules.h"

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace brokerlab {

namespace {

using json::JsonWriter;
using Style = JsonWriter::Style;

void writeDistribution(JsonWriter& w, const Distribution& d) {
  if (d.kind == DistKind::Constant) {
    w.string(formatDuration(d.value));  // a constant is just a duration
    return;
  }
  w.beginObject(Style::Inline);
  w.key("dist");
  w.string(rules::distName(d.kind));
  const auto duration = [&](const char* key, SimTime t) {
    w.key(key);
    w.string(formatDuration(t));
  };
  switch (d.kind) {
    case DistKind::Constant:
      break;
    case DistKind::Exponential:
      duration("mean", d.mean);
      break;
    case DistKind::Uniform:
      duration("min", d.min);
      duration("max", d.max);
      break;
    case DistKind::Normal:
    case DistKind::Lognormal:
      duration("mean", d.mean);
      duration("stddev", d.stddev);
      break;
    case DistKind::Erlang:
      w.key("k");
      w.integer(static_cast<std::uint64_t>(d.k));
      duration("mean", d.mean);
      break;
  }
  w.endObject();
}

// Writes the members that are set, one call per key; keys come in the order of the calls.
class Members {
 public:
  explicit Members(JsonWriter& w) : w_(w) {}

  void text(const char* key, const std::optional<std::string>& v) {
    if (!v) return;
    w_.key(key);
    w_.string(*v);
  }
  template <typename T>
  void integer(const char* key, const std::optional<T>& v) {
    if (!v) return;
    w_.key(key);
    w_.integer(static_cast<std::uint64_t>(*v));
  }
  void number(const char* key, const std::optional<double>& v) {
    if (!v) return;
    w_.key(key);
    w_.number(*v);
  }
  void boolean(const char* key, const std::optional<bool>& v) {
    if (!v) return;
    w_.key(key);
    w_.boolean(*v);
  }
  void distribution(const char* key, const std::optional<Distribution>& v) {
    if (!v) return;
    w_.key(key);
    writeDistribution(w_, *v);
  }
  void duration(const char* key, const std::optional<SimTime>& v) {
    if (!v) return;
    w_.key(key);
    w_.string(formatDuration(*v));
  }
  template <typename Enum>
  void name(const char* key, const std::optional<Enum>& v,
            std::span<const std::string_view> names) {
    if (!v) return;
    w_.key(key);
    w_.string(names[static_cast<std::size_t>(*v)]);
  }
  // Routing keys and binding patterns: one as a plain string, more as a one-line list.
  void stringList(const char* key, const std::optional<std::vector<std::string>>& keys) {
    if (!keys) return;
    w_.key(key);
    if (keys->size() == 1) {
      w_.string(keys->front());
      return;
    }
    w_.beginArray(Style::Inline);
    for (const std::string& key : *keys) w_.string(key);
    w_.endArray();
  }

 private:
  JsonWriter& w_;
};

// Producer and client: what they send and when; then the parameters that depend on the target.
void writeSending(Members& m, const ComponentSpec& c) {
  m.text("target", c.target);
  m.number("rate", c.rate);
  m.distribution("interarrival", c.interarrival);
  m.integer("count", c.count);
  m.integer("size_bytes", c.sizeBytes);
  m.duration("start", c.start);
  m.name("start", c.startPosition, rules::startPositionNames());  // a consumer's "start"
  m.duration("stop", c.stop);
  m.stringList("routing_key", c.routingKey);
  m.integer("keys", c.keys);
  m.number("key_skew", c.keySkew);
  m.boolean("confirm", c.confirm);
  m.duration("expiration", c.expiration);
}

void writeClient(Members& m, const ComponentSpec& c) {
  m.name("notify", c.notify, rules::notifyNames());
  m.duration("poll_interval", c.pollInterval);
  m.number("poll_backoff", c.pollBackoff);
  m.duration("max_poll_interval", c.maxPollInterval);
  m.duration("timeout", c.timeout);
  m.number("invalid_fraction", c.invalidFraction);
  m.number("unknown_poll_fraction", c.unknownPollFraction);
  m.number("cancel_fraction", c.cancelFraction);
  m.duration("cancel_after", c.cancelAfter);
}

// Stream and queue (and a topic subscription's queue).
void writeHolding(Members& m, const ComponentSpec& c) {
  m.integer("partitions", c.partitions);
  m.duration("retention", c.retention);
  m.integer("retention_bytes", c.retentionBytes);
  m.integer("segment_bytes", c.segmentBytes);
  m.integer("max_length", c.maxLength);
  m.name("overflow", c.overflow, rules::overflowNames());
  m.duration("ttl", c.ttl);
  m.text("dead_letter", c.deadLetter);
  m.integer("max_deliveries", c.maxDeliveries);
  m.integer("delivery_limit", c.deliveryLimit);
  m.boolean("durable", c.durable);
}

// Consumer and api: where work comes from, who does it and how long it takes.
void writeProcessing(Members& m, const ComponentSpec& c) {
  m.text("queue", c.queue);
  m.text("source", c.source);
  m.stringList("binding", c.binding);
  m.text("group", c.group);
  m.name("role", c.role, rules::roleNames());
  m.text("store", c.store);
  m.integer("concurrency", c.concurrency);
  m.integer("max_waiting", c.maxWaiting);
  m.integer("instances", c.instances);
  m.integer("prefetch", c.prefetch);
  m.name("ack", c.ack, rules::ackNames());
  m.distribution("service", c.service);
  m.number("failure_probability", c.failureProbability);
  m.boolean("requeue", c.requeue);
  m.duration("retry_after", c.retryAfter);
  m.name("result_delivery", c.resultDelivery, rules::resultDeliveryNames());
  m.duration("join", c.join);
  m.duration("leave", c.leave);
  m.name("assignment", c.assignment, rules::assignmentNames());
  m.name("commit", c.commit, rules::commitNames());
  m.duration("auto_commit_interval", c.autoCommitInterval);
  m.duration("rebalance_pause", c.rebalancePause);
  m.duration("heartbeat", c.heartbeat);
}

// Members in rules::componentKeyOrder(); a valid scenario only sets its kind's parameters.
void writeComponent(JsonWriter& w, const ComponentSpec& c) {
  w.beginObject();
  w.key("id");
  w.string(c.id);
  w.key("kind");
  w.string(rules::kindName(c.kind));
  Members m(w);
  m.name("type", c.queueType, rules::queueTypeNames());  // a queue's or a topic's "type"
  m.name("type", c.exchangeType, rules::exchangeTypeNames());
  writeSending(m, c);
  writeClient(m, c);
  writeHolding(m, c);
  writeProcessing(m, c);
  m.distribution("read_latency", c.readLatency);  // a store
  m.distribution("write_latency", c.writeLatency);
  m.duration("result_ttl", c.resultTtl);
  m.distribution("latency", c.latency);
  w.endObject();
}

// Members in rules::actionKeys() order; "to" is a name or a one-member object.
void writeAction(JsonWriter& w, const ActionSpec& a) {
  w.beginObject();
  w.key("at");
  w.string(formatDuration(a.at));
  w.key("kind");
  w.string(rules::actionKindNames()[static_cast<std::size_t>(a.kind)]);
  w.key("target");
  w.string(a.target);
  w.key("group");
  w.string(a.group);
  w.key("to");
  switch (a.to) {
    case ActionSpec::To::Earliest:
    case ActionSpec::To::Latest:
      w.string(rules::startPositionNames()[a.to == ActionSpec::To::Earliest ? 0 : 1]);
      break;
    case ActionSpec::To::Offset:
      w.beginObject(Style::Inline);
      w.key("offset");
      w.integer(a.offset);
      w.endObject();
      break;
    case ActionSpec::To::Time:
      w.beginObject(Style::Inline);
      w.key("time");
      w.string(formatDuration(a.time));
      w.endObject();
      break;
  }
  w.endObject();
}

// Members in rules::faultKeys() order; a valid fault only sets its kind's parameters.
void writeFault(JsonWriter& w, const FaultSpec& f) {
  w.beginObject();
  w.key("at");
  w.string(formatDuration(f.at));
  w.key("kind");
  w.string(rules::faultKindName(f.kind));
  w.key("target");
  w.string(f.target);
  Members m(w);
  m.duration("duration", f.duration);
  m.duration("restart_after", f.restartAfter);
  m.number("factor", f.factor);
  m.number("fraction", f.fraction);
  m.integer("instances", f.instances);
  m.integer("prefetch", f.prefetch);
  m.duration("poll_interval", f.pollInterval);
  w.endObject();
}

// Members in rules::annotationKeys() order; "pause" only when it was given.
void writeAnnotation(JsonWriter& w, const AnnotationSpec& a) {
  w.beginObject();
  w.key("at");
  w.string(formatDuration(a.at));
  w.key("text");
  w.string(a.text);
  Members m(w);
  m.boolean("pause", a.pause);
  w.endObject();
}

}  // namespace

std::string writeScenario(const Scenario& s) {
  JsonWriter w;
  w.beginObject();
  w.key("format");
  w.string(kScenarioFormatName);
  w.key("version");
  w.integer(static_cast<std::uint64_t>(Scenario::kFormatVersion));
  w.key("name");
  w.string(s.name);
  if (!s.description.empty()) {
    w.key("description");
    w.string(s.description);
  }
  if (s.seed) {
    w.key("seed");
    w.integer(*s.seed);
  }
  w.key("duration");
  w.string(formatDuration(s.duration));
  if (s.networkLatency) {
    w.key("network");
    w.beginObject();
    w.key("latency");
    writeDistribution(w, *s.networkLatency);
    w.endObject();
  }
  if (s.sampleInterval) {
    w.key("sample_interval");
    w.string(formatDuration(*s.sampleInterval));
  }
  w.key("components");
  w.beginArray();
  for (const ComponentSpec& c : s.components) writeComponent(w, c);
  w.endArray();
  if (!s.actions.empty()) {
    w.key("actions");
    w.beginArray();
    for (const ActionSpec& a : s.actions) writeAction(w, a);
    w.endArray();
  }
  w.key("faults");  // always written, [] when there are none
  w.beginArray();
  for (const FaultSpec& f : s.faults) writeFault(w, f);
  w.endArray();
  // Optional, as actions are: most scenarios have none, and an empty list would say nothing.
  if (!s.annotations.empty()) {
    w.key("annotations");
    w.beginArray();
    for (const AnnotationSpec& a : s.annotations) writeAnnotation(w, a);
    w.endArray();
  }
  w.key("layout");
  w.beginObject();
  for (const auto& [id, point] : s.layout) {  // std::map: sorted by id
    w.key(id);
    w.beginObject(Style::Inline);
    w.key("x");
    w.number(point.x);
    w.key("y");
    w.number(point.y);
    w.endObject();
  }
  w.endObject();
  w.endObject();
  return w.take();
}

std::string writeComponentSpec(const ComponentSpec& component) {
  JsonWriter w;
  writeComponent(w, component);
  return w.take();
}

std::string writeFaults(const std::vector<FaultSpec>& faults) {
  JsonWriter w;
  w.beginArray();
  for (const FaultSpec& f : faults) writeFault(w, f);
  w.endArray();
  return w.take();
}

}  // namespace brokerlab
