#include "scenario/ScenarioWriter.h"

#include "scenario/DurationText.h"
#include "scenario/JsonWriter.h"
#include "scenario/ScenarioRules.h"

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
  static constexpr const char* kOverflow[] = {"drop-head", "reject-publish"};
  static constexpr const char* kAck[] = {"auto", "manual"};
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
  text("target", c.target);
  number("rate", c.rate);
  distribution("interarrival", c.interarrival);
  integer("count", c.count);
  integer("size_bytes", c.sizeBytes);
  if (c.start) {
    w.key("start");
    w.string(formatDuration(*c.start));
  }
  if (c.stop) {
    w.key("stop");
    w.string(formatDuration(*c.stop));
  }
  integer("max_length", c.maxLength);
  if (c.overflow) {
    w.key("overflow");
    w.string(kOverflow[static_cast<int>(*c.overflow)]);
  }
  if (c.ttl) {
    w.key("ttl");
    w.string(formatDuration(*c.ttl));
  }
  text("dead_letter", c.deadLetter);
  integer("max_deliveries", c.maxDeliveries);
  if (c.durable) {
    w.key("durable");
    w.boolean(*c.durable);
  }
  text("source", c.source);
  integer("instances", c.instances);
  integer("prefetch", c.prefetch);
  if (c.ack) {
    w.key("ack");
    w.string(kAck[static_cast<int>(*c.ack)]);
  }
  distribution("service", c.service);
  number("failure_probability", c.failureProbability);
  distribution("latency", c.latency);
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
