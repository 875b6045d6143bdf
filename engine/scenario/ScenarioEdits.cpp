#include "scenario/ScenarioEdits.h"

#include "scenario/ScenarioReader.h"
#include "scenario/ScenarioRules.h"
#include "scenario/ScenarioValidation.h"
#include "scenario/ScenarioWriter.h"

#include <algorithm>
#include <array>
#include <limits>
#include <set>

namespace brokerlab::edits {

namespace {

constexpr std::array<std::string_view, kBlueprintCount> kBlueprintNames{
    "producer", "queue", "topic", "stream", "consumer", "worker", "client", "api", "store"};

const ComponentSpec* find(const Scenario& s, std::string_view id) {
  for (const ComponentSpec& c : s.components)
    if (c.id == id) return &c;
  return nullptr;
}

std::optional<std::size_t> indexOf(const Scenario& s, std::string_view id) {
  for (std::size_t i = 0; i < s.components.size(); ++i)
    if (s.components[i].id == id) return i;
  return std::nullopt;
}

bool isDestination(ComponentKind k) {
  return k == ComponentKind::Queue || k == ComponentKind::Topic || k == ComponentKind::Stream;
}

bool isWorker(const ComponentSpec& c) {
  return c.kind == ComponentKind::Consumer && c.role == ConsumerRole::Worker;
}

std::string issueText(const ScenarioIssue& issue) {
  return issue.path.empty() ? issue.message : issue.path + ": " + issue.message;
}

// The scenario when the validator accepts it, else its first complaint.
EditResult checked(Scenario s) {
  const std::vector<ScenarioIssue> issues = validateScenario(s);
  EditResult out;
  if (issues.empty()) {
    out.scenario = std::move(s);
  } else {
    out.error = issueText(issues.front());
  }
  return out;
}

EditResult refused(std::string why) {
  EditResult out;
  out.error = std::move(why);
  return out;
}

// The component nearest to `at` among those `fits` accepts (document order breaks ties); one
// without a place counts as farthest. Empty when none fits.
template <typename Fits>
std::string nearest(const Scenario& s, LayoutPoint at, const Positions& positions, Fits fits) {
  std::string best;
  double bestDistance = std::numeric_limits<double>::infinity();
  bool any = false;
  for (const ComponentSpec& c : s.components) {
    if (!fits(c)) continue;
    const auto it = positions.find(c.id);
    const double d = it == positions.end() ? std::numeric_limits<double>::max()
                                           : (it->second.x - at.x) * (it->second.x - at.x) +
                                                 (it->second.y - at.y) * (it->second.y - at.y);
    if (!any || d < bestDistance) {
      best = c.id;
      bestDistance = d;
      any = true;
    }
  }
  return best;
}

struct MemberChange {
  std::string key;
  std::optional<json::Value> value;  // nothing: remove the member
};

json::Value* member(json::Value& object, std::string_view key) {
  for (json::Member& m : object.members)
    if (m.key == key) return &m.value;
  return nullptr;
}

// Changes one object of the scenario's document (the document itself, or component `index`) and
// reads the document again, so that the loader checks the change with its own rules and messages.
// `allowed`, when given, is every key the object may keep (others are removed: those of a
// consumer's former source kind, say).
EditResult throughDocument(const Scenario& s, std::optional<std::size_t> index,
                           const std::vector<MemberChange>& changes,
                           std::optional<std::span<const std::string_view>> allowed = {}) {
  json::ParseResult parsed = json::parse(writeScenario(s));
  if (!parsed.root) return refused("the scenario could not be written as a document");
  json::Value root = std::move(*parsed.root);
  json::Value* object = &root;
  if (index) {
    json::Value* components = member(root, "components");
    if (!components || *index >= components->items.size()) return refused("no such component");
    object = &components->items[*index];
  }
  for (const MemberChange& change : changes) {
    auto& ms = object->members;
    const auto at = std::find_if(ms.begin(), ms.end(),
                                 [&](const json::Member& m) { return m.key == change.key; });
    if (!change.value) {
      if (at != ms.end()) ms.erase(at);
    } else if (at != ms.end()) {
      at->value = *change.value;
    } else {
      ms.push_back({change.key, {}, *change.value});
    }
  }
  if (allowed) {
    std::erase_if(object->members, [&](const json::Member& m) {
      return std::find(allowed->begin(), allowed->end(), m.key) == allowed->end();
    });
  }
  ScenarioLoadResult loaded = parseScenario(json::compactText(root));
  if (loaded.ok()) {
    EditResult out;
    out.scenario = std::move(loaded.scenario);
    return out;
  }
  // No line and column: they would point into text that is nowhere on disk.
  return refused(issueText(loaded.issues.front()));
}

bool namesComponent(const std::string& target, std::string_view id) {
  // A fault may aim at one instance: "workers#2".
  return target == id || (target.size() > id.size() && target.compare(0, id.size(), id) == 0 &&
                          target[id.size()] == '#');
}

}  // namespace

std::string_view blueprintName(Blueprint b) {
  return kBlueprintNames[static_cast<std::size_t>(b)];
}

std::string_view blueprintSummary(Blueprint b) {
  switch (b) {
    case Blueprint::Producer:
      return "sends messages to a queue, topic or stream";
    case Blueprint::Queue:
      return "holds messages until one consumer takes each (point to point)";
    case Blueprint::Topic:
      return "copies each message to every matching subscription (publish-subscribe)";
    case Blueprint::Stream:
      return "an append-only log read by consumer groups at their own offsets";
    case Blueprint::Consumer:
      return "takes messages from a queue, topic subscription or stream and processes them";
    case Blueprint::Worker:
      return "runs the jobs an api queued and writes their status and result to a store";
    case Blueprint::Client:
      return "submits jobs to an api over HTTP and polls for their result";
    case Blueprint::Api:
      return "answers 202 Accepted, queues the job and serves its status";
    case Blueprint::Store:
      return "keeps the status and result of each job";
  }
  return {};
}

Scenario starterScenario() {
  Scenario s;
  s.name = "Untitled design";
  s.description = "A producer sends to a queue; a consumer takes the messages. Edit it (Ctrl+E).";
  s.duration = 1 * kMinute;
  ComponentSpec producer = ComponentSpec::make("producer", ComponentKind::Producer);
  producer.target = "queue";
  producer.rate = 10;
  ComponentSpec consumer = ComponentSpec::make("consumer", ComponentKind::Consumer);
  consumer.source = "queue";
  consumer.service = Distribution::exponential(50 * kMillisecond);
  s.components = {producer, ComponentSpec::make("queue", ComponentKind::Queue), consumer};
  return s;
}

std::string freshId(const Scenario& s, std::string_view base) {
  std::string id(base);
  for (int n = 2; find(s, id) != nullptr; ++n) id = std::string(base) + "-" + std::to_string(n);
  return id;
}

EditResult addComponent(const Scenario& s, Blueprint b, LayoutPoint at,
                        const Positions& positions) {
  const auto kinded = [](ComponentKind k) {
    return [k](const ComponentSpec& c) { return c.kind == k; };
  };
  const auto destination = [](const ComponentSpec& c) { return isDestination(c.kind); };
  const auto near = [&](auto fits) { return nearest(s, at, positions, fits); };
  ComponentSpec c;
  c.id = freshId(s, blueprintName(b));
  switch (b) {
    case Blueprint::Producer:
      c.kind = ComponentKind::Producer;
      c.target = near(destination);
      if (c.target->empty())
        return refused("a producer needs a queue, topic or stream to send to: add one first");
      c.rate = 10;
      break;
    case Blueprint::Queue:
      c.kind = ComponentKind::Queue;
      break;
    case Blueprint::Topic:
      c.kind = ComponentKind::Topic;
      break;
    case Blueprint::Stream:
      c.kind = ComponentKind::Stream;
      break;
    case Blueprint::Store:
      c.kind = ComponentKind::Store;
      break;
    case Blueprint::Consumer: {
      c.kind = ComponentKind::Consumer;
      c.source = near(destination);
      if (c.source->empty())
        return refused("a consumer needs a queue, topic or stream to read: add one first");
      c.service = Distribution::exponential(50 * kMillisecond);
      if (find(s, *c.source)->kind == ComponentKind::Stream) c.group = c.id;
      break;
    }
    case Blueprint::Worker: {
      c.kind = ComponentKind::Consumer;
      c.role = ConsumerRole::Worker;
      // The queue an api publishes its jobs to, else any queue.
      std::set<std::string> jobQueues;
      for (const ComponentSpec& a : s.components)
        if (a.kind == ComponentKind::Api && a.queue) jobQueues.insert(*a.queue);
      c.source = near([&](const ComponentSpec& q) {
        return q.kind == ComponentKind::Queue && jobQueues.count(q.id) > 0;
      });
      if (c.source->empty()) c.source = near(kinded(ComponentKind::Queue));
      c.store = near(kinded(ComponentKind::Store));
      if (c.source->empty() || c.store->empty())
        return refused("a worker needs a job queue and a status store: add them first");
      c.service = Distribution::constant(1 * kSecond);
      break;
    }
    case Blueprint::Client:
      c.kind = ComponentKind::Client;
      c.target = near(kinded(ComponentKind::Api));
      if (c.target->empty()) return refused("a client needs an api to call: add one first");
      c.rate = 1;
      break;
    case Blueprint::Api:
      c.kind = ComponentKind::Api;
      c.queue = near(kinded(ComponentKind::Queue));
      c.store = near(kinded(ComponentKind::Store));
      if (c.queue->empty() || c.store->empty())
        return refused("an api needs a queue for its jobs and a status store: add them first");
      break;
  }
  Scenario out = s;
  out.components.push_back(c);
  out.layout.clear();
  for (const ComponentSpec& existing : s.components) {
    const auto it = positions.find(existing.id);
    if (it != positions.end()) out.layout[existing.id] = it->second;
  }
  out.layout[c.id] = at;
  EditResult result = checked(std::move(out));
  if (result.ok()) result.added = c.id;
  return result;
}

std::optional<Connection> connectionBetween(const Scenario& s, std::string_view from,
                                            std::string_view to, std::string* why) {
  const ComponentSpec* a = find(s, from);
  const ComponentSpec* b = find(s, to);
  const auto no = [&](std::string text) -> std::optional<Connection> {
    if (why) *why = std::move(text);
    return std::nullopt;
  };
  if (!a || !b) return no("no such component");
  if (a == b) return no("a component cannot be connected to itself");
  const auto as = [](const ComponentSpec& owner, std::string key, const ComponentSpec& value) {
    return Connection{owner.id, std::move(key), value.id};
  };
  const ComponentKind ka = a->kind;
  const ComponentKind kb = b->kind;
  using K = ComponentKind;
  if (ka == K::Producer && isDestination(kb)) return as(*a, "target", *b);
  if (kb == K::Producer && isDestination(ka)) return as(*b, "target", *a);
  if (ka == K::Client && kb == K::Api) return as(*a, "target", *b);
  if (kb == K::Client && ka == K::Api) return as(*b, "target", *a);
  if (ka == K::Consumer && isDestination(kb)) return as(*a, "source", *b);
  if (kb == K::Consumer && isDestination(ka)) return as(*b, "source", *a);
  if (ka == K::Api && kb == K::Queue) return as(*a, "queue", *b);
  if (kb == K::Api && ka == K::Queue) return as(*b, "queue", *a);
  if (ka == K::Api && kb == K::Store) return as(*a, "store", *b);
  if (kb == K::Api && ka == K::Store) return as(*b, "store", *a);
  if (isWorker(*a) && kb == K::Store) return as(*a, "store", *b);
  if (isWorker(*b) && ka == K::Store) return as(*b, "store", *a);
  if (ka == K::Queue && kb == K::Queue) return as(*a, "dead_letter", *b);
  if ((ka == K::Consumer && kb == K::Store) || (kb == K::Consumer && ka == K::Store))
    return no("only a worker writes to a store: make the consumer a worker (its role) first");
  return no(rules::withArticle(ka) + " cannot be connected to " + rules::withArticle(kb));
}

std::vector<std::string> connectableFrom(const Scenario& s, std::string_view from) {
  std::vector<std::string> ids;
  for (const ComponentSpec& c : s.components) {
    const std::optional<Connection> link = connectionBetween(s, from, c.id);
    if (!link) continue;
    const ComponentSpec* owner = find(s, link->owner);
    const std::optional<std::string>* current = nullptr;
    if (link->key == "target") current = &owner->target;
    if (link->key == "source") current = &owner->source;
    if (link->key == "queue") current = &owner->queue;
    if (link->key == "store") current = &owner->store;
    if (link->key == "dead_letter") current = &owner->deadLetter;
    if (current && *current == link->value) continue;  // already so
    ids.push_back(c.id);
  }
  return ids;
}

EditResult connectComponents(const Scenario& s, std::string_view from, std::string_view to) {
  std::string why;
  const std::optional<Connection> link = connectionBetween(s, from, to, &why);
  if (!link) return refused(why);
  const std::size_t owner = *indexOf(s, link->owner);
  const ComponentSpec& o = s.components[owner];
  const ComponentSpec& value = *find(s, link->value);
  std::vector<MemberChange> changes{{link->key, json::stringValue(link->value)}};
  std::optional<std::span<const std::string_view>> allowed;
  if (o.kind == ComponentKind::Producer && link->key == "target") {
    // Keys meant for the former target's kind go: routing keys are for topics, record keys for
    // streams.
    if (value.kind != ComponentKind::Topic) changes.push_back({"routing_key", std::nullopt});
    if (value.kind != ComponentKind::Stream) {
      changes.push_back({"keys", std::nullopt});
      changes.push_back({"key_skew", std::nullopt});
    }
  }
  if (o.kind == ComponentKind::Consumer && link->key == "source") {
    if (isWorker(o) && value.kind != ComponentKind::Queue)
      return refused("a worker reads jobs from a queue, not from " +
                     rules::withArticle(value.kind));
    allowed = rules::consumerParametersFor(value.kind);
    if (value.kind == ComponentKind::Stream && !o.group)
      changes.push_back({"group", json::stringValue(o.id)});
  }
  return throughDocument(s, owner, changes, allowed);
}

std::vector<std::string> dependentsOf(const Scenario& s, std::string_view id) {
  std::set<std::string> gone{std::string(id)};
  const auto in = [&](const std::optional<std::string>& ref) { return ref && gone.count(*ref); };
  for (bool more = true; more;) {
    more = false;
    for (const ComponentSpec& c : s.components) {
      if (gone.count(c.id)) continue;
      const bool without =
          ((c.kind == ComponentKind::Producer || c.kind == ComponentKind::Client) &&
           in(c.target)) ||
          (c.kind == ComponentKind::Consumer && (in(c.source) || in(c.store))) ||
          (c.kind == ComponentKind::Api && (in(c.queue) || in(c.store)));
      if (without) {
        gone.insert(c.id);
        more = true;
      }
    }
  }
  std::vector<std::string> ids;
  for (const ComponentSpec& c : s.components)
    if (c.id != id && gone.count(c.id)) ids.push_back(c.id);
  return ids;
}

EditResult removeComponent(const Scenario& s, std::string_view id) {
  if (!find(s, id)) return refused("no component has the id \"" + std::string(id) + "\"");
  std::vector<std::string> removed{std::string(id)};
  for (std::string& d : dependentsOf(s, id)) removed.push_back(std::move(d));
  if (removed.size() == s.components.size())
    return refused("a scenario needs at least one component: add another one first");
  const auto isRemoved = [&](std::string_view c) {
    return std::find(removed.begin(), removed.end(), c) != removed.end();
  };
  Scenario out = s;
  std::erase_if(out.components, [&](const ComponentSpec& c) { return isRemoved(c.id); });
  for (ComponentSpec& c : out.components)
    if (c.deadLetter && isRemoved(*c.deadLetter)) c.deadLetter.reset();
  std::erase_if(out.faults, [&](const FaultSpec& f) {
    return std::any_of(removed.begin(), removed.end(),
                       [&](const std::string& r) { return namesComponent(f.target, r); });
  });
  std::erase_if(out.actions, [&](const ActionSpec& a) { return isRemoved(a.target); });
  for (const std::string& r : removed) out.layout.erase(r);
  EditResult result = checked(std::move(out));
  if (result.ok()) result.removed = std::move(removed);
  return result;
}

EditResult renameComponent(const Scenario& s, std::string_view from, std::string_view to) {
  if (!find(s, from)) return refused("no component has the id \"" + std::string(from) + "\"");
  if (from == to) return refused("that is its id already");
  const std::string next(to);
  Scenario out = s;
  const auto rename = [&](std::optional<std::string>& ref) {
    if (ref && *ref == from) *ref = next;
  };
  for (ComponentSpec& c : out.components) {
    if (c.id == from) c.id = next;
    rename(c.target);
    rename(c.source);
    rename(c.deadLetter);
    rename(c.store);
    rename(c.queue);
  }
  for (FaultSpec& f : out.faults)
    if (namesComponent(f.target, from)) f.target = next + f.target.substr(from.size());
  for (ActionSpec& a : out.actions)
    if (a.target == from) a.target = next;
  if (const auto it = out.layout.find(std::string(from)); it != out.layout.end()) {
    const LayoutPoint place = it->second;
    out.layout.erase(it);
    out.layout[next] = place;
  }
  return checked(std::move(out));
}

EditResult setParameter(const Scenario& s, std::size_t index, std::string_view key,
                        const std::optional<json::Value>& value) {
  if (index >= s.components.size()) return refused("no such component");
  if (key == "id") return refused("the id is changed by renaming the component");
  if (key == "kind") return refused("the kind is changed by replacing the component");
  return throughDocument(s, index, {{std::string(key), value}});
}

EditResult setScenarioField(const Scenario& s, std::string_view key,
                            const std::optional<json::Value>& value) {
  if (std::find(kScenarioFields.begin(), kScenarioFields.end(), key) == kScenarioFields.end())
    return refused("\"" + std::string(key) + "\" is not one of the scenario's own fields");
  return throughDocument(s, std::nullopt, {{std::string(key), value}});
}

std::optional<json::Value> scenarioFieldValue(const Scenario& s, std::string_view key) {
  json::ParseResult parsed = json::parse(writeScenario(s));
  if (!parsed.root) return std::nullopt;
  const json::Value* v = parsed.root->find(key);
  return v ? std::optional<json::Value>(*v) : std::nullopt;
}

std::optional<json::Value> parameterValue(const Scenario& s, std::size_t index,
                                          std::string_view key) {
  if (index >= s.components.size()) return std::nullopt;
  json::ParseResult parsed = json::parse(writeComponentSpec(s.components[index]));
  if (!parsed.root) return std::nullopt;
  const json::Value* v = parsed.root->find(key);
  return v ? std::optional<json::Value>(*v) : std::nullopt;
}

std::vector<std::string_view> parametersOf(const Scenario& s, std::size_t index) {
  std::vector<std::string_view> keys;
  if (index >= s.components.size()) return keys;
  const ComponentSpec& c = s.components[index];
  std::span<const std::string_view> all = rules::parametersOf(c.kind);
  if (c.kind == ComponentKind::Consumer && c.source) {
    const ComponentSpec* source = find(s, *c.source);
    if (source && isDestination(source->kind)) all = rules::consumerParametersFor(source->kind);
  }
  for (const std::string_view key : all)
    if (key != "id" && key != "kind") keys.push_back(key);
  return keys;
}

}  // namespace brokerlab::edits
