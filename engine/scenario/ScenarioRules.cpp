#include "scenario/ScenarioRules.h"

#include "scenario/JsonWriter.h"

#include <algorithm>
#include <array>
#include <limits>
#include <vector>

namespace brokerlab::rules {

namespace {

using Words = std::span<const std::string_view>;

constexpr std::array<std::string_view, 11> kTopLevel{
    "format",  "version",         "name",       "description", "seed",  "duration",
    "network", "sample_interval", "components", "faults",      "layout"};
constexpr std::array<std::string_view, 1> kNetwork{"latency"};
constexpr std::array<std::string_view, 2> kPoint{"x", "y"};
constexpr std::array<std::string_view, 22> kComponentOrder{
    "id",          "kind",           "target",
    "rate",        "interarrival",   "count",
    "size_bytes",  "start",          "stop",
    "max_length",  "overflow",       "ttl",
    "dead_letter", "max_deliveries", "durable",
    "source",      "instances",      "prefetch",
    "ack",         "service",        "failure_probability",
    "latency"};
constexpr std::array<std::string_view, 10> kProducer{
    "id",    "kind",       "target", "rate", "interarrival",
    "count", "size_bytes", "start",  "stop", "latency"};
constexpr std::array<std::string_view, 9> kQueue{
    "id",          "kind",           "max_length", "overflow", "ttl",
    "dead_letter", "max_deliveries", "durable",    "latency"};
constexpr std::array<std::string_view, 9> kConsumer{
    "id",     "kind", "source", "instances", "prefetch", "ack", "service", "failure_probability",
    "latency"};
constexpr std::array<std::string_view, 3> kKinds{"producer", "queue", "consumer"};
constexpr std::array<std::string_view, 5> kFutureKinds{"topic", "stream", "client", "api", "store"};
constexpr std::array<std::string_view, 6> kDists{"constant", "exponential", "uniform",
                                                 "normal",   "lognormal",   "erlang"};
constexpr std::array<std::string_view, 2> kConstantKeys{"dist", "value"};
constexpr std::array<std::string_view, 2> kMeanKeys{"dist", "mean"};
constexpr std::array<std::string_view, 3> kUniformKeys{"dist", "min", "max"};
constexpr std::array<std::string_view, 3> kSpreadKeys{"dist", "mean", "stddev"};
constexpr std::array<std::string_view, 3> kErlangKeys{"dist", "k", "mean"};

// Optimal string alignment distance: a swap of neighbours ("instnaces") counts as one edit.
std::size_t editDistance(std::string_view a, std::string_view b) {
  const std::size_t n = a.size();
  const std::size_t m = b.size();
  std::vector<std::size_t> d((n + 1) * (m + 1));
  auto at = [&](std::size_t i, std::size_t j) -> std::size_t& { return d[i * (m + 1) + j]; };
  for (std::size_t i = 0; i <= n; ++i) at(i, 0) = i;
  for (std::size_t j = 0; j <= m; ++j) at(0, j) = j;
  for (std::size_t i = 1; i <= n; ++i) {
    for (std::size_t j = 1; j <= m; ++j) {
      const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      at(i, j) = std::min({at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        at(i, j) = std::min(at(i, j), at(i - 2, j - 2) + 1);
      }
    }
  }
  return at(n, m);
}

}  // namespace

Words topLevelKeys() {
  return kTopLevel;
}
Words networkKeys() {
  return kNetwork;
}
Words layoutPointKeys() {
  return kPoint;
}
Words componentKeyOrder() {
  return kComponentOrder;
}
Words kindNames() {
  return kKinds;
}
Words distNames() {
  return kDists;
}

Words parametersOf(ComponentKind kind) {
  switch (kind) {
    case ComponentKind::Producer:
      return kProducer;
    case ComponentKind::Queue:
      return kQueue;
    case ComponentKind::Consumer:
      return kConsumer;
  }
  return {};
}

bool takesParameter(ComponentKind kind, std::string_view key) {
  const Words keys = parametersOf(kind);
  return std::find(keys.begin(), keys.end(), key) != keys.end();
}

std::string_view kindName(ComponentKind kind) {
  return kKinds[static_cast<std::size_t>(kind)];
}

std::string withArticle(ComponentKind kind) {
  return "a " + std::string(kindName(kind));
}

std::optional<ComponentKind> kindFromName(std::string_view name) {
  for (std::size_t i = 0; i < kKinds.size(); ++i) {
    if (kKinds[i] == name) return static_cast<ComponentKind>(i);
  }
  return std::nullopt;
}

bool isFutureKind(std::string_view name) {
  return std::find(kFutureKinds.begin(), kFutureKinds.end(), name) != kFutureKinds.end();
}

std::string_view distName(DistKind kind) {
  return kDists[static_cast<std::size_t>(kind)];
}

std::optional<DistKind> distFromName(std::string_view name) {
  for (std::size_t i = 0; i < kDists.size(); ++i) {
    if (kDists[i] == name) return static_cast<DistKind>(i);
  }
  return std::nullopt;
}

Words parametersOf(DistKind kind) {
  switch (kind) {
    case DistKind::Constant:
      return kConstantKeys;
    case DistKind::Exponential:
      return kMeanKeys;
    case DistKind::Uniform:
      return kUniformKeys;
    case DistKind::Normal:
    case DistKind::Lognormal:
      return kSpreadKeys;
    case DistKind::Erlang:
      return kErlangKeys;
  }
  return {};
}

std::string notAParameter(std::string_view key, ComponentKind kind) {
  return json::quoted(key) + " is not a parameter of " + withArticle(kind) + " (" +
         withArticle(kind) + " takes: " + joined(parametersOf(kind)) + ")";
}

std::string unknownKey(std::string_view key, Words known) {
  const std::string_view near = closest(key, known);
  if (!near.empty()) {
    return "unknown key " + json::quoted(key) + "; did you mean " + json::quoted(near) + "?";
  }
  return "unknown key " + json::quoted(key) + " (expected one of: " + joined(known) + ")";
}

std::string_view closest(std::string_view word, Words candidates) {
  // Long keys tolerate more typos; a short one with two edits is usually another word.
  const std::size_t allowed = word.size() <= 4 ? 1 : word.size() <= 8 ? 2 : 3;
  if (word.size() > 200) return {};  // keeps the quadratic distance cheap on hostile input
  std::string_view best;
  std::size_t bestDistance = allowed + 1;
  for (std::string_view candidate : candidates) {
    const std::size_t distance = editDistance(word, candidate);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

std::string integerRange(std::uint64_t min, std::uint64_t max) {
  std::string text = "must be an integer >= " + std::to_string(min);
  if (max != std::numeric_limits<std::uint64_t>::max() || min == 0) {
    text += " and <= " + std::to_string(max);
  }
  return text;
}

std::string joined(Words words) {
  std::string text;
  for (std::string_view word : words) {
    if (!text.empty()) text += ", ";
    text += word;
  }
  return text;
}

std::string quotedChoice(Words words) {
  std::string text;
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (i > 0) text += i + 1 == words.size() ? " or " : ", ";
    text += json::quoted(words[i]);
  }
  return text;
}

}  // namespace brokerlab::rules
