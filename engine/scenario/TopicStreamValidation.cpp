#include "scenario/TopicStreamValidation.h"

#include "scenario/DurationText.h"
#include "scenario/Json.h"
#include "scenario/JsonWriter.h"
#include "scenario/QueueValidation.h"
#include "scenario/ScenarioRules.h"

#include <algorithm>
#include <array>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace brokerlab::detail {

namespace {

constexpr std::string_view kRoutingKeyRule =
    "must be words of letters, digits, '_' and '-' separated by '.', at most 255 bytes";

template <typename Enum>
std::string quotedName(std::span<const std::string_view> names, Enum value) {
  return json::quoted(names[static_cast<std::size_t>(value)]);
}

// The stream a consumer reads, or nullptr when its source is missing or not a stream.
const ComponentSpec* streamOf(const Scenario& s, const ComponentIndex& ids,
                              const ComponentSpec& c) {
  if (c.kind != ComponentKind::Consumer || !c.source) return nullptr;
  const auto it = ids.find(*c.source);
  if (it == ids.end() || s.components[it->second].kind != ComponentKind::Stream) return nullptr;
  return &s.components[it->second];
}

void checkConsumerOfTopic(Checks& checks, std::size_t i, const ComponentSpec& c,
                          const ComponentSpec& topic) {
  checkBinding(checks, i, c, topic);
  // its subscription is a queue of its own
  if (c.maxLength) checks.integerIn(componentField(i, "max_length"), *c.maxLength, 1, UINT64_MAX);
  if (c.ttl) checks.positiveDuration(componentField(i, "ttl"), *c.ttl);
}

void checkConsumerOfStream(Checks& checks, std::size_t i, const ComponentSpec& c) {
  if (!c.group) {
    checks.add(componentField(i, "group"),
               "is required: a consumer of a stream belongs to a consumer group");
  } else if (!rules::isGroupName(*c.group)) {
    checks.add(componentField(i, "group"),
               "must be 1 to 64 characters from letters, digits, '_', '.' and '-' (got " +
                   json::quoted(*c.group) + ")");
  }
  if (c.autoCommitInterval) {
    checks.positiveDuration(componentField(i, "auto_commit_interval"), *c.autoCommitInterval);
    if (c.commit == CommitMode::AfterProcessing) {
      checks.add(componentField(i, "auto_commit_interval"),
                 "is only for \"commit\": \"auto\" (this consumer commits after processing)");
    }
  }
  if (c.rebalancePause)
    checks.durationValue(componentField(i, "rebalance_pause"), *c.rebalancePause);
}

// What one member of a group says about a setting, as it reads in a message; nullopt if unset.
using Setting = std::function<std::optional<std::string>(const ComponentSpec&)>;

std::array<std::pair<std::string_view, Setting>, 5> groupSettings() {
  const auto duration = [](const std::optional<SimTime>& t) -> std::optional<std::string> {
    if (!t) return std::nullopt;
    return json::quoted(formatDuration(*t));
  };
  return {{
      {"assignment",
       [](const ComponentSpec& c) -> std::optional<std::string> {
         if (!c.assignment) return std::nullopt;
         return quotedName(rules::assignmentNames(), *c.assignment);
       }},
      {"commit",
       [](const ComponentSpec& c) -> std::optional<std::string> {
         if (!c.commit) return std::nullopt;
         return quotedName(rules::commitNames(), *c.commit);
       }},
      {"auto_commit_interval",
       [=](const ComponentSpec& c) { return duration(c.autoCommitInterval); }},
      {"start",
       [](const ComponentSpec& c) -> std::optional<std::string> {
         if (!c.startPosition) return std::nullopt;
         return quotedName(rules::startPositionNames(), *c.startPosition);
       }},
      {"rebalance_pause", [=](const ComponentSpec& c) { return duration(c.rebalancePause); }},
  }};
}

// `members` are the consumers of `stream` in `group`, in file order. Each setting is compared
// with the first member that sets it; a member that leaves a setting out takes the group's.
void checkGroup(Checks& checks, const Scenario& s, const std::string& stream,
                const std::string& group, const std::vector<std::size_t>& members) {
  const std::string who = "consumers in group " + json::quoted(group) + " of stream " +
                          json::quoted(stream) + " must agree: ";
  for (const auto& [key, value] : groupSettings()) {
    std::optional<std::size_t> first;
    for (std::size_t m : members) {
      const std::optional<std::string> mine = value(s.components[m]);
      if (!mine) continue;
      if (!first) {
        first = m;
        continue;
      }
      const std::optional<std::string> theirs = value(s.components[*first]);
      if (*mine != *theirs) {
        checks.add(componentField(m, key),
                   who + *mine + " here, but " + *theirs + " in " + namedComponent(s, *first));
      }
    }
  }
  const auto committer = std::find_if(members.begin(), members.end(), [&](std::size_t m) {
    return s.components[m].commit.has_value();
  });
  if (committer == members.end() ||
      *s.components[*committer].commit != CommitMode::AfterProcessing) {
    return;
  }
  for (std::size_t m : members) {
    const ComponentSpec& c = s.components[m];
    if (!c.autoCommitInterval || c.commit) continue;  // its own commit was checked with it
    checks.add(componentField(m, "auto_commit_interval"),
               "is only for \"commit\": \"auto\", but group " + json::quoted(group) +
                   " commits \"after-processing\" (set by " + namedComponent(s, *committer) + ")");
  }
}

// "no consumer of "orders" is in group "x" (its groups: a, b); did you mean "a"?" Long lists are
// cut short, and only a short one is searched for a suggestion (a hostile file may have many).
std::string unknownGroup(const std::string& stream, const std::string& group,
                         const std::vector<std::string_view>& groups) {
  constexpr std::size_t kListed = 10;
  constexpr std::size_t kSearched = 100;
  std::string text =
      "no consumer of " + json::quoted(stream) + " is in group " + json::quoted(group);
  if (groups.empty()) return text + " (no consumer of it has a group)";
  const std::size_t listed = std::min(groups.size(), kListed);
  text += " (its groups: " + rules::joined({groups.data(), listed}) +
          (groups.size() > listed ? ", ...)" : ")");
  const std::string_view near =
      groups.size() <= kSearched ? rules::closest(group, groups) : std::string_view{};
  return near.empty() ? text : text + "; did you mean " + json::quoted(near) + "?";
}

}  // namespace

void checkStream(Checks& checks, std::size_t i, const ComponentSpec& c) {
  if (c.partitions) {
    checks.integerIn(componentField(i, "partitions"), *c.partitions, 1, limits::kMaxPartitions);
  }
  if (c.retention) checks.positiveDuration(componentField(i, "retention"), *c.retention);
  if (c.retentionBytes) {
    checks.integerIn(componentField(i, "retention_bytes"), *c.retentionBytes, 1, UINT64_MAX);
  }
  if (c.segmentBytes) {
    checks.integerIn(componentField(i, "segment_bytes"), *c.segmentBytes, 1, UINT64_MAX);
  }
}

void checkMessageKeys(Checks& checks, std::size_t i, const ComponentSpec& c,
                      const ComponentSpec* target) {
  // A key meant for another kind of target is reported once, without checking its value.
  const auto misplaced = [&](std::string_view key, ComponentKind wanted) {
    if (target == nullptr || target->kind == wanted) return false;
    checks.add(componentField(i, key),
               json::quoted(key) + " is only for a producer whose target is " +
                   rules::withArticle(wanted) + " (" + json::quoted(target->id) + " is " +
                   rules::withArticle(target->kind) + ")");
    return true;
  };
  if (c.routingKey && !misplaced("routing_key", ComponentKind::Topic)) {
    const std::vector<std::string>& keys = *c.routingKey;
    const std::string path = componentField(i, "routing_key");
    if (keys.empty()) checks.add(path, "must name at least one routing key (got an empty list)");
    for (std::size_t k = 0; k < keys.size(); ++k) {
      if (rules::isRoutingKey(keys[k])) continue;
      checks.add(keys.size() == 1 ? path : json::indexPath(path, k),
                 std::string(kRoutingKeyRule) + " (got " + json::quoted(keys[k]) + ")");
    }
  }
  if (c.keys && !misplaced("keys", ComponentKind::Stream)) {
    checks.integerIn(componentField(i, "keys"), *c.keys, 1, limits::kMaxRecordKeys);
  }
  if (c.keySkew && !misplaced("key_skew", ComponentKind::Stream)) {
    const double skew = *c.keySkew;
    if (!c.keys) {
      checks.add(componentField(i, "key_skew"),
                 "needs \"keys\" (the number of distinct record keys whose use it skews)");
    }
    if (!(skew >= 0 && skew <= limits::kMaxKeySkew)) {
      checks.add(componentField(i, "key_skew"),
                 "must be a number from 0 (uniform) to 10 (got " + json::formatNumber(skew) + ")");
    }
  }
}

void checkConsumerOf(Checks& checks, std::size_t i, const ComponentSpec& c,
                     const ComponentSpec& source) {
  for (const auto& [key, set] : presentParameters(c)) {
    // keys that no consumer takes are reported with the component's kind; a worker's keys with
    // the worker (checkConsumerRole)
    const bool workerKey = key == "store" || (key == "role" && c.role == ConsumerRole::Worker);
    if (set && !workerKey && rules::takesParameter(ComponentKind::Consumer, key) &&
        !rules::consumerTakes(source.kind, key)) {
      checks.add(componentField(i, key),
                 rules::notAParameterOfConsumerOf(key, source.kind, source.id));
    }
  }
  if (source.kind == ComponentKind::Topic) checkConsumerOfTopic(checks, i, c, source);
  if (source.kind == ComponentKind::Stream) checkConsumerOfStream(checks, i, c);
}

void checkConsumerGroups(Checks& checks, const Scenario& s, const ComponentIndex& ids) {
  std::map<std::pair<std::string, std::string>, std::vector<std::size_t>> groups;
  for (std::size_t i = 0; i < s.components.size(); ++i) {
    const ComponentSpec& c = s.components[i];
    const ComponentSpec* stream = c.group ? streamOf(s, ids, c) : nullptr;
    if (stream) groups[{stream->id, *c.group}].push_back(i);
  }
  for (const auto& [key, members] : groups) checkGroup(checks, s, key.first, key.second, members);
}

void checkActions(Checks& checks, const Scenario& s, const ComponentIndex& ids) {
  if (s.actions.empty()) return;
  // The groups reading each stream: in file order for messages, in a set to look them up.
  std::map<std::string_view, std::vector<std::string_view>> groupsOf;
  std::set<std::pair<std::string_view, std::string_view>> readers;  // (stream id, group)
  for (const ComponentSpec& c : s.components) {
    const ComponentSpec* stream = c.group ? streamOf(s, ids, c) : nullptr;
    if (stream == nullptr) continue;
    if (readers.emplace(stream->id, *c.group).second) groupsOf[stream->id].push_back(*c.group);
  }
  for (std::size_t i = 0; i < s.actions.size(); ++i) {
    const ActionSpec& a = s.actions[i];
    const std::string path = json::indexPath("actions", i);
    const auto field = [&](std::string_view key) { return json::childPath(path, key); };
    checks.durationValue(field("at"), a.at);
    if (s.duration > 0 && a.at > s.duration) {
      checks.add(field("at"), "must not be later than the scenario's duration (got " +
                                  formatDuration(a.at) + " > " + formatDuration(s.duration) + ")");
    }
    const auto it = ids.find(a.target);
    const bool isStream = it != ids.end() && s.components[it->second].kind == ComponentKind::Stream;
    if (a.target.empty()) {
      checks.add(field("target"), "is required: the id of a stream");
    } else if (it == ids.end()) {
      checks.add(field("target"), "no component with id " + json::quoted(a.target));
    } else if (!isStream) {
      checks.add(field("target"), json::quoted(a.target) + " is " +
                                      rules::withArticle(s.components[it->second].kind) +
                                      ", but the target of \"reset-offsets\" must be a stream");
    }
    if (a.group.empty()) {
      checks.add(field("group"), "is required: a consumer group that reads the target");
    } else if (isStream && !readers.contains({a.target, a.group})) {
      static const std::vector<std::string_view> kNone;
      const auto known = groupsOf.find(a.target);
      const std::vector<std::string_view>& groups =
          known == groupsOf.end() ? kNone : known->second;  // a reference: no copy per action
      checks.add(field("group"), unknownGroup(a.target, a.group, groups));
    }
    if (a.to == ActionSpec::To::Time) {
      checks.durationValue(json::childPath(field("to"), "time"), a.time);
    }
  }
}

}  // namespace brokerlab::detail
