#include "scenario/FaultValidation.h"

#include "scenario/DurationText.h"
#include "scenario/Json.h"
#include "scenario/JsonWriter.h"
#include "scenario/ScenarioRules.h"

#include <algorithm>
#include <array>
#include <climits>
#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace brokerlab::detail {

namespace {

// "a \"crash\" fault"
std::string aFault(FaultKind kind) {
  return std::string("a ").append(json::quoted(rules::faultKindName(kind))).append(" fault");
}

// What a kind may hit, as the message of a missing or wrong target says it.
std::string_view targetsOf(FaultKind kind) {
  switch (kind) {
    case FaultKind::Crash:
      return "a consumer (all its instances), or one instance of it like \"workers#2\"";
    case FaultKind::Close:
      return "a consumer of a queue or a topic (all its instances), or one instance of it like "
             "\"workers#2\"";
    case FaultKind::Spike:
      return "a producer or a client";
    case FaultKind::Poison:
      return "a producer";
    case FaultKind::Slow:
    case FaultKind::Scale:
    case FaultKind::Prefetch:
      return "a consumer";
    case FaultKind::Poll:
      return "a client";
    case FaultKind::Partition:
    case FaultKind::Degrade:
      return "a producer or a consumer (its link to the broker)";
    case FaultKind::Restart:
      break;
  }
  return {};
}

bool canHit(FaultKind fault, ComponentKind kind) {
  switch (fault) {
    case FaultKind::Crash:
    case FaultKind::Close:
    case FaultKind::Slow:
    case FaultKind::Scale:
    case FaultKind::Prefetch:
      return kind == ComponentKind::Consumer;
    case FaultKind::Poll:
      return kind == ComponentKind::Client;
    case FaultKind::Spike:
      return kind == ComponentKind::Producer || kind == ComponentKind::Client;
    case FaultKind::Poison:
      return kind == ComponentKind::Producer;
    case FaultKind::Partition:
    case FaultKind::Degrade:
      return kind == ComponentKind::Producer || kind == ComponentKind::Consumer;
    case FaultKind::Restart:
      break;
  }
  return false;
}

// Each parameter of a fault beyond at, kind and target by its JSON key, and whether it is set.
std::array<std::pair<std::string_view, bool>, 7> faultParameters(const FaultSpec& f) {
  return {{{"duration", f.duration.has_value()},
           {"restart_after", f.restartAfter.has_value()},
           {"factor", f.factor.has_value()},
           {"fraction", f.fraction.has_value()},
           {"instances", f.instances.has_value()},
           {"prefetch", f.prefetch.has_value()},
           {"poll_interval", f.pollInterval.has_value()}}};
}

// What a kind's required value is for, said when it is missing.
std::optional<std::pair<std::string_view, std::string_view>> requiredOf(FaultKind kind) {
  using Required = std::pair<std::string_view, std::string_view>;
  switch (kind) {
    case FaultKind::Spike:
      return Required{"factor",
                      "how many times the rate is multiplied while the spike lasts (0.001 to "
                      "1000; below 1 is a lull)"};
    case FaultKind::Slow:
      return Required{"factor",
                      "how many times longer each service takes while it lasts (0.001 to 1000)"};
    case FaultKind::Degrade:
      return Required{"factor",
                      "how many times the link's latency is multiplied while it lasts (0.001 to "
                      "1000)"};
    case FaultKind::Poison:
      return Required{"fraction",
                      "the fraction of the producer's messages that are poison while it lasts "
                      "(above 0, at most 1)"};
    case FaultKind::Partition:
      return Required{"duration", "how long the link stays cut (a partition always heals)"};
    case FaultKind::Scale:
      return Required{"instances", "the consumer's new number of instances (0 to 10000)"};
    case FaultKind::Prefetch:
      return Required{"prefetch",
                      "the consumer's new prefetch from then on (0 to 100000; 0 = unlimited)"};
    case FaultKind::Poll:
      return Required{"poll_interval",
                      "the client's new poll interval from then on, a positive duration like "
                      "\"500ms\""};
    case FaultKind::Crash:
    case FaultKind::Close:
    case FaultKind::Restart:
      break;
  }
  return std::nullopt;
}

// Checks the faults of one scenario, each at its path "faults[i]".
class FaultChecker {
 public:
  FaultChecker(Checks& checks, const Scenario& s, const ComponentIndex& ids)
      : checks_(checks), s_(s), ids_(ids) {
    // A scale fault to more instances than a consumer has reserves their slots from the start,
    // so a crash may name any of them.
    for (const FaultSpec& f : s.faults) {
      if (f.kind != FaultKind::Scale || !f.instances) continue;
      std::uint32_t& most = scaledTo_[f.target];
      most = std::max(most, *f.instances);
    }
  }

  void check(std::size_t i) {
    const FaultSpec& f = s_.faults[i];
    path_ = json::indexPath("faults", i);
    checkAt(f);
    if (f.kind == FaultKind::Restart) {
      // Said of the fault as a whole: a fault whose kind could not be read comes back from the
      // reader as a restart, and the reader's own message at "kind" then hides these.
      if (f.target != "broker")
        checks_.add(path_,
                    "a restart's target must be \"broker\" (the broker restarts; to stop a "
                    "consumer, use \"crash\")");
      if (!f.duration)
        checks_.add(path_, "a restart needs a duration: how long the broker is down");
      checkValues(f);  // (the reader refused keys a restart does not take)
      return;
    }
    checkTarget(f);
    const auto parameters = faultParameters(f);
    for (const auto& [key, set] : parameters) {
      if (set && !rules::faultTakes(f.kind, key))
        add(key, rules::notAParameterOfFault(key, f.kind));
    }
    if (const auto required = requiredOf(f.kind)) {
      const bool present = std::any_of(parameters.begin(), parameters.end(), [&](const auto& p) {
        return p.first == required->first && p.second;
      });
      if (!present) add(required->first, std::string("is required: ").append(required->second));
    }
    checkValues(f);
  }

 private:
  std::string field(std::string_view key) const { return json::childPath(path_, key); }
  void add(std::string_view key, std::string message) {
    checks_.add(field(key), std::move(message));
  }

  void checkAt(const FaultSpec& f) {
    checks_.durationValue(field("at"), f.at);
    if (s_.duration > 0 && f.at >= s_.duration) {
      add("at", std::string("must be earlier than the scenario's duration (got ")
                    .append(formatDuration(f.at))
                    .append(" >= ")
                    .append(formatDuration(s_.duration))
                    .append("): a fault at or after the end never happens"));
    }
  }

  void checkValues(const FaultSpec& f) {
    if (f.duration && rules::faultTakes(f.kind, "duration")) {
      checks_.positiveDuration(field("duration"), *f.duration);
    }
    if (f.restartAfter && rules::faultTakes(f.kind, "restart_after")) {
      checks_.positiveDuration(field("restart_after"), *f.restartAfter);
    }
    if (f.factor && rules::faultTakes(f.kind, "factor") &&
        !(*f.factor >= limits::kMinFaultFactor && *f.factor <= limits::kMaxFaultFactor)) {
      add("factor", std::string("must be a number from 0.001 to 1000 (got ")
                        .append(json::formatNumber(*f.factor))
                        .append(")"));
    }
    if (f.fraction && rules::faultTakes(f.kind, "fraction") &&
        !(*f.fraction > 0 && *f.fraction <= 1)) {
      add("fraction", std::string("must be a number above 0 and at most 1 (got ")
                          .append(json::formatNumber(*f.fraction))
                          .append(")"));
    }
    if (f.instances && rules::faultTakes(f.kind, "instances")) {
      checks_.integerIn(field("instances"), *f.instances, 0, limits::kMaxInstances);
    }
    if (f.prefetch && rules::faultTakes(f.kind, "prefetch")) {
      checks_.integerIn(field("prefetch"), *f.prefetch, 0, limits::kMaxPrefetch);
    }
    if (f.pollInterval && rules::faultTakes(f.kind, "poll_interval")) {
      checks_.positiveDuration(field("poll_interval"), *f.pollInterval);
    }
  }

  void checkTarget(const FaultSpec& f) {
    if (f.target.empty()) {
      add("target", std::string("is required: ").append(targetsOf(f.kind)));
      return;
    }
    // "workers#2": one instance of a consumer (ids never contain '#')
    const std::size_t hash = f.target.find('#');
    const std::string id = f.target.substr(0, hash);
    const auto it = ids_.find(id);
    if (it == ids_.end()) {
      std::string message = std::string("no component with id ").append(json::quoted(id));
      if (hash != std::string::npos)
        message.append(" (in ").append(json::quoted(f.target)).append(")");
      add("target", std::move(message));
      return;
    }
    const ComponentSpec& c = s_.components[it->second];
    if (!canHit(f.kind, c.kind)) {
      add("target", json::quoted(id)
                        .append(" is ")
                        .append(rules::withArticle(c.kind))
                        .append(", but the target of ")
                        .append(aFault(f.kind))
                        .append(" must be ")
                        .append(targetsOf(f.kind)));
      return;
    }
    if (f.kind == FaultKind::Partition && f.fraction && c.kind == ComponentKind::Consumer) {
      add("fraction",
          json::quoted(id).append(
              " is a consumer: a partition drops a fraction of what a producer sends, but "
              "a consumer's link only holds (a lost delivery means a lost connection: use "
              "\"crash\")"));
    }
    if (f.kind == FaultKind::Close && closesNoChannel(c)) {
      add("target", json::quoted(id).append(
                        " reads a stream: a consumer group member has no channel to close (a "
                        "\"scale\" fault makes members leave the group)"));
      return;
    }
    if (hash == std::string::npos) return;
    if (f.kind != FaultKind::Crash && f.kind != FaultKind::Close) {
      add("target", json::quoted(f.target)
                        .append(" is one instance, which only a \"crash\" or a \"close\" fault "
                                "can hit; ")
                        .append(aFault(f.kind))
                        .append(" hits the whole component, like ")
                        .append(json::quoted(id)));
      return;
    }
    checkInstance(f.target, hash, c);
  }

  // "workers#k" with k from 1 to the consumer's instance slots.
  void checkInstance(const std::string& target, std::size_t hash, const ComponentSpec& c) {
    const std::string digits = target.substr(hash + 1);
    const std::uint32_t instanceSlots = slotsOf(c);
    const bool number =
        !digits.empty() && digits.find_first_not_of("0123456789") == std::string::npos;
    // more digits than any number of instances can have: out of range, without converting
    const unsigned long k = !number ? 0 : digits.size() > 6 ? ULONG_MAX : std::stoul(digits);
    if (number && k >= 1 && k <= instanceSlots) return;
    if (!number) {
      add("target", json::quoted(target)
                        .append(": one instance is named consumer#number, like ")
                        .append(json::quoted(c.id + "#1")));
      return;
    }
    std::string message = json::quoted(target)
                              .append(" is not an instance of ")
                              .append(json::quoted(c.id))
                              .append(", which has instances 1 to ")
                              .append(std::to_string(instanceSlots));
    if (instanceSlots > c.instances.value_or(defaults::kInstances)) {
      message.append(" (counting those its scale faults add)");
    }
    add("target", std::move(message));
  }

  // True for a consumer of a stream (a close is for consumers of queues and topics).
  bool closesNoChannel(const ComponentSpec& c) const {
    const auto source = c.source ? ids_.find(*c.source) : ids_.end();
    return source != ids_.end() && s_.components[source->second].kind == ComponentKind::Stream;
  }

  std::uint32_t slotsOf(const ComponentSpec& c) const {
    const std::uint32_t instances = c.instances.value_or(defaults::kInstances);
    const auto it = scaledTo_.find(c.id);
    return it == scaledTo_.end() ? instances : std::max(instances, it->second);
  }

  Checks& checks_;
  const Scenario& s_;
  const ComponentIndex& ids_;
  std::map<std::string, std::uint32_t, std::less<>> scaledTo_;  // consumer id -> most instances
  std::string path_;
};

}  // namespace

void checkFaults(Checks& checks, const Scenario& s, const ComponentIndex& ids) {
  if (s.faults.size() > limits::kMaxFaults) {
    checks.add("faults", "has " + std::to_string(s.faults.size()) + " faults; the limit is " +
                             std::to_string(limits::kMaxFaults));
    return;
  }
  FaultChecker checker(checks, s, ids);
  for (std::size_t i = 0; i < s.faults.size(); ++i) checker.check(i);
}

}  // namespace brokerlab::detail
