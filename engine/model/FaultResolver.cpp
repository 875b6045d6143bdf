#include "model/ModelBuilder.h"
#include "scenario/ScenarioRules.h"

namespace brokerlab {

namespace {

// The component named `id`, or kNone.
std::uint32_t componentNamed(const Model& m, const std::string& id) {
  for (std::uint32_t c = 0; c < m.components.size(); ++c)
    if (m.components[c].id == id) return c;
  return kNone;
}

}  // namespace

FaultDef resolveFault(const Model& m, const FaultSpec& spec, std::string& error) {
  FaultDef f;
  f.at = spec.at;
  f.kind = spec.kind;
  f.duration = spec.duration.value_or(0);
  f.restartAfter = spec.restartAfter.value_or(kNever);
  f.factor = spec.factor.value_or(1.0);
  f.fraction = spec.fraction.value_or(0.0);
  f.instances = spec.instances.value_or(0);
  f.prefetch = spec.prefetch.value_or(0);
  f.pollInterval = spec.pollInterval.value_or(0);
  if (spec.kind == FaultKind::Restart) {
    if (spec.target != "broker") error = "restart: the target must be \"broker\"";
    if (f.duration <= 0) error = "restart: the broker needs a duration (its downtime)";
    return f;
  }
  // "workers#2": one instance of a consumer.
  std::string id = spec.target;
  std::uint32_t number = 0;
  const std::size_t hash = id.rfind('#');
  if (hash != std::string::npos &&
      (spec.kind == FaultKind::Crash || spec.kind == FaultKind::Close)) {
    const std::string digits = id.substr(hash + 1);
    if (digits.empty() || digits.size() > 6 ||
        digits.find_first_not_of("0123456789") != std::string::npos) {
      error = "\"" + spec.target + "\": an instance is named consumer#number";
      return f;
    }
    number = static_cast<std::uint32_t>(std::stoul(digits));
    id = id.substr(0, hash);
  }
  f.component = componentNamed(m, id);
  if (f.component == kNone) {
    error = "no component \"" + id + "\"";
    return f;
  }
  const ComponentRef& ref = m.components[f.component];
  switch (spec.kind) {
    case FaultKind::Crash:
    case FaultKind::Close:
    case FaultKind::Slow:
    case FaultKind::Scale:
    case FaultKind::Prefetch:
      if (ref.kind != ComponentKind::Consumer) {
        error = "\"" + id + "\" is not a consumer";
        return f;
      }
      if (spec.kind == FaultKind::Close &&
          m.consumers[ref.index].sourceKind == ChannelKind::Stream) {
        error = "close: \"" + id + "\" reads a stream, which has no channel to close";
        return f;
      }
      f.consumer = ref.index;
      if (number != 0) {
        const ConsumerDef& c = m.consumers[ref.index];
        if (number > c.instanceSlots) {
          error = "\"" + spec.target + "\": " + id + " has instances 1 to " +
                  std::to_string(c.instanceSlots);
          return f;
        }
        f.instance = c.firstInstance + number - 1;
      }
      break;
    case FaultKind::Spike:
    case FaultKind::Poison:
      if (ref.kind == ComponentKind::Producer) {
        f.producer = ref.index;
      } else if (ref.kind == ComponentKind::Client && spec.kind == FaultKind::Spike) {
        f.client = ref.index;
      } else {
        error = "\"" + id + "\" is not a producer" +
                (spec.kind == FaultKind::Spike ? " or a client" : "");
        return f;
      }
      break;
    case FaultKind::Partition:
    case FaultKind::Degrade:
      if (ref.kind == ComponentKind::Producer)
        f.producer = ref.index;
      else if (ref.kind == ComponentKind::Consumer)
        f.consumer = ref.index;
      else {
        error = "\"" + id + "\" is not a producer or a consumer (their links reach the broker)";
        return f;
      }
      break;
    case FaultKind::Poll:
      if (ref.kind != ComponentKind::Client) {
        error = "\"" + id + "\" is not a client";
        return f;
      }
      if (!spec.pollInterval || *spec.pollInterval <= 0) {
        error = "poll: \"" + id + "\" needs a positive poll_interval";
        return f;
      }
      f.client = ref.index;
      break;
    case FaultKind::Restart:
      break;
  }
  if (spec.kind == FaultKind::Prefetch && (!spec.prefetch || *spec.prefetch > limits::kMaxPrefetch))
    error = "prefetch: \"" + id + "\" needs its new prefetch, 0 (unlimited) to " +
            std::to_string(limits::kMaxPrefetch);
  return f;
}

ActionDef resolveAction(const Model& m, const ActionSpec& spec, std::string& error) {
  ActionDef d{spec.at, kNone, spec.to, spec.offset, spec.time};
  for (std::uint32_t g = 0; g < m.groups.size(); ++g)
    if (m.groups[g].name == spec.group &&
        m.components[m.streams[m.groups[g].stream].component].id == spec.target)
      d.group = g;
  if (d.group == kNone)
    error = "actions: no group \"" + spec.group + "\" on stream \"" + spec.target + "\"";
  return d;
}

}  // namespace brokerlab
