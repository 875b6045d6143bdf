#pragma once

// What the scenario editor does to a scenario, as plain functions on plain data: add a component
// (from a blueprint, with what it needs connected to its nearest partner), connect two components,
// remove one with everything that depends on it, rename one everywhere it is named, set or clear
// one parameter. Each returns a new scenario that the validator (and, for parameters, the reader)
// accepts, or the reason it cannot, in their own words: the editor never holds a scenario that
// `brokerlab-cli validate` would refuse. No Qt: the window's undo commands and the tests call it.

#include "scenario/Json.h"
#include "scenario/Scenario.h"

#include <array>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace brokerlab::edits {

// What the palette offers: the component kinds, and a worker (a consumer with role "worker").
enum class Blueprint { Producer, Queue, Topic, Stream, Consumer, Worker, Client, Api, Store };
inline constexpr int kBlueprintCount = 9;
std::string_view blueprintName(Blueprint b);     // "producer", ..., "worker"
std::string_view blueprintSummary(Blueprint b);  // one line for the palette's tooltip

struct EditResult {
  std::optional<Scenario> scenario;  // the edited scenario, valid; nothing when refused
  std::string error;                 // why it was refused: "components[3].id: must ..."
  std::string added;                 // addComponent: the new component's id
  std::vector<std::string> removed;  // removeComponent: every id taken out, the asked one first
  bool ok() const { return scenario.has_value(); }
};

using Positions = std::map<std::string, LayoutPoint>;

// A new component from `b` at `at`. What it must be connected to (a producer's target, a
// consumer's source, an api's queue and store...) is the nearest fitting component by `positions`
// (every component's place on the canvas); the layout becomes `positions` plus the new place, so
// that nothing else moves. Refused, with what to add first, when nothing fits.
EditResult addComponent(const Scenario& s, Blueprint b, LayoutPoint at, const Positions& positions);

// What a drag from `from` to `to` means, and the parameter it sets: a producer's target (a queue,
// topic or stream), a consumer's source (either direction), a client's target api, an api's queue
// or store, a worker's store, a queue's dead-letter queue.
struct Connection {
  std::string owner;  // the component whose parameter is set
  std::string key;    // "target", "source", "queue", "store", "dead_letter"
  std::string value;  // the id it is set to
};
std::optional<Connection> connectionBetween(const Scenario& s, std::string_view from,
                                            std::string_view to, std::string* why = nullptr);
// The ids `from` can be connected to (in document order), each giving a valid scenario.
std::vector<std::string> connectableFrom(const Scenario& s, std::string_view from);
EditResult connectComponents(const Scenario& s, std::string_view from, std::string_view to);

// What removing `id` takes with it, in document order: the components that cannot exist without it
// (a producer without its target, a consumer without its source, an api without its queue or
// store, a client without its api, a worker without its store), transitively. A queue that
// dead-letters to it only loses its dead_letter.
std::vector<std::string> dependentsOf(const Scenario& s, std::string_view id);
// Removes `id`, its dependents, their layout entries, and the faults and actions aimed at them.
EditResult removeComponent(const Scenario& s, std::string_view id);

// Gives component `from` the id `to`, and every reference to it (targets, sources, queues, stores,
// dead-letter targets, faults, actions, the layout) with it; the validator checks the new id.
EditResult renameComponent(const Scenario& s, std::string_view from, std::string_view to);

// Sets component `index`'s `key` to `value` as the file would hold it (the string "100ms", the
// number 4, an object {"dist": ...}), or removes it (nullopt: the default), and reads the changed
// document with the loader: its own rules and messages. An error's path names the parameter.
EditResult setParameter(const Scenario& s, std::size_t index, std::string_view key,
                        const std::optional<json::Value>& value);
// The scenario's own fields the editor changes, as the file names them.
inline constexpr std::array<std::string_view, 5> kScenarioFields{"name", "description", "seed",
                                                                 "duration", "sample_interval"};
// Sets or removes one of them, read again by the loader (as setParameter).
EditResult setScenarioField(const Scenario& s, std::string_view key,
                            const std::optional<json::Value>& value);
std::optional<json::Value> scenarioFieldValue(const Scenario& s, std::string_view key);

// The value `key` of component `index` has in the file as the writer writes it; nullopt if unset.
std::optional<json::Value> parameterValue(const Scenario& s, std::size_t index,
                                          std::string_view key);

// The parameters component `index` takes (after "id" and "kind"), in the writer's order: a
// consumer's are those of its source's kind.
std::vector<std::string_view> parametersOf(const Scenario& s, std::size_t index);

// A new design to start from: a producer sending to a queue read by one consumer, for a minute.
Scenario starterScenario();

// An id not used yet: `base`, or `base-2`, `base-3`...
std::string freshId(const Scenario& s, std::string_view base);

}  // namespace brokerlab::edits
