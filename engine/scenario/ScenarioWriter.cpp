#include "scenario/ScenarioWriter.h"

#include "scenario/DurationText.h"
#include "scenario/JsonWriter.h"
#include "scenario/ScenarioRules.h"

#include <span>
#include <string_view>

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

// Members in rules::componentKeyOrder(); a valid scenario only sets its kind's parameters.
void writeComponent(JsonWriter& w, const ComponentSpec& c) {
  w.beginObject();
  w.key("id");
  w.string(c.id);
  w.key("kind");
  w.string(rules::kindName(c.kind));
  const auto text = [&](const char* key, const std::optional<std::string>& v) {
    if (v) {
      w.key(key);
      w.string(*v);
    }
  };
  const auto integer = [&](const char* key, auto v) {
    if (v) {
      w.key(key);
      w.integer(static_cast<std::uint64_t>(*v));
    }
  };
  const auto number = [&](const char* key, const std::optional<double>& v) {
    if (v) {
      w.key(key);
      w.number(*v);
    }
  };
  const auto distribution = [&](const char* key, const std::optional<Distribution>& v) {
    if (v) {
      w.key(key);
      writeDistribution(w, *v);
    }
  };
  const auto duration = [&](const char* key, const std::optional<SimTime>& v) {
    if (v) {
      w.key(key);
      w.string(formatDuration(*v));
    }
  };
  const auto name = [&](const char* key, const auto& v, std::span<const std::string_view> names) {
    if (v) {
      w.key(key);
      w.string(names[static_cast<std::size_t>(*v)]);
    }
  };
  text("target", c.target);
  number("rate", c.rate);
  distribution("interarrival", c.interarrival);
  integer("count", c.count);
  integer("size_bytes", c.sizeBytes);
  duration("start", c.start);
  name("start", c.startPosition, rules::startPositionNames());  // a consumer's "start"
  duration("stop", c.stop);
  if (c.routingKey) {  // one key as a plain string
    w.key("routing_key");
    if (c.routingKey->size() == 1) {
      w.string(c.routingKey->front());
    } else {
      w.beginArray(Style::Inline);
      for (const std::string& key : *c.routingKey) w.string(key);
      w.endArray();
    }
  }
  integer("keys", c.keys);
  number("key_skew", c.keySkew);
  integer("partitions", c.partitions);
  duration("retention", c.retention);
  integer("retention_bytes", c.retentionBytes);
  integer("segment_bytes", c.segmentBytes);
  integer("max_length", c.maxLength);
  name("overflow", c.overflow, rules::overflowNames());
  duration("ttl", c.ttl);
  text("dead_letter", c.deadLetter);
  integer("max_deliveries", c.maxDeliveries);
  if (c.durable) {
    w.key("durable");
    w.boolean(*c.durable);
  }
  text("source", c.source);
  text("binding", c.binding);
  text("group", c.group);
  integer("instances", c.instances);
  integer("prefetch", c.prefetch);
  name("ack", c.ack, rules::ackNames());
  distribution("service", c.service);
  number("failure_probability", c.failureProbability);
  duration("join", c.join);
  duration("leave", c.leave);
  name("assignment", c.assignment, rules::assignmentNames());
  name("commit", c.commit, rules::commitNames());
  duration("auto_commit_interval", c.autoCommitInterval);
  duration("rebalance_pause", c.rebalancePause);
  distribution("latency", c.latency);
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
  w.key("faults");
  w.beginArray();
  w.endArray();
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

}  // namespace brokerlab
