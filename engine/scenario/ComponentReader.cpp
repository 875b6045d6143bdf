#include "scenario/ComponentReader.h"

#include "scenario/JsonWriter.h"
#include "scenario/ScenarioRules.h"

#include <algorithm>
#include <array>
#include <limits>

namespace brokerlab::detail {

namespace {

constexpr std::uint64_t kAny = std::numeric_limits<std::uint64_t>::max();
constexpr std::array<std::string_view, 2> kOverflowNames{"drop-head", "reject-publish"};
constexpr std::array<std::string_view, 2> kAckNames{"auto", "manual"};

template <typename T>
void assign(std::optional<T>& field, const std::optional<std::uint64_t>& value) {
  if (value) field = static_cast<T>(*value);
}

void readParameter(ValueReader& r, ComponentSpec& c, std::string_view key, const json::Value& v,
                   const std::string& path) {
  if (key == "target") c.target = r.string(v, path);
  if (key == "rate") c.rate = r.number(v, path);
  if (key == "interarrival") c.interarrival = r.distribution(v, path);
  if (key == "count") assign(c.count, r.integer(v, path, 1, kAny));
  if (key == "size_bytes") assign(c.sizeBytes, r.integer(v, path, 0, kAny));
  if (key == "start") c.start = r.duration(v, path);
  if (key == "stop") c.stop = r.duration(v, path);
  if (key == "max_length") assign(c.maxLength, r.integer(v, path, 1, kAny));
  if (key == "ttl") c.ttl = r.duration(v, path);
  if (key == "dead_letter") c.deadLetter = r.string(v, path);
  if (key == "max_deliveries") {
    assign(c.maxDeliveries, r.integer(v, path, 1, std::numeric_limits<std::uint32_t>::max()));
  }
  if (key == "durable") c.durable = r.boolean(v, path);
  if (key == "source") c.source = r.string(v, path);
  if (key == "instances") assign(c.instances, r.integer(v, path, 1, limits::kMaxInstances));
  if (key == "prefetch") assign(c.prefetch, r.integer(v, path, 0, limits::kMaxPrefetch));
  if (key == "service") c.service = r.distribution(v, path);
  if (key == "failure_probability") c.failureProbability = r.number(v, path);
  if (key == "latency") c.latency = r.distribution(v, path);
  if (key == "overflow") {
    if (const auto i = r.choice(v, path, kOverflowNames)) c.overflow = static_cast<Overflow>(*i);
  }
  if (key == "ack") {
    if (const auto i = r.choice(v, path, kAckNames)) c.ack = static_cast<AckMode>(*i);
  }
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
  if (kind->isString() && rules::isFutureKind(kind->text)) {
    r.issues().add(*kind, kindPath,
                   "kind " + json::quoted(kind->text) +
                       " is not available in this version of BrokerLab (available: " +
                       rules::joined(rules::kindNames()) + ")");
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
