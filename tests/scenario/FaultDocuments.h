#pragma once

// The documents of the fault format tests: a valid base scenario with one component of each kind a
// fault can hit, and tables of mistakes, each a bad document with the JSON path its issue names and
// a piece of its message. `row(name, text, path, message)` receives each.

#include "ScenarioText.h"

#include "scenario/ScenarioRules.h"

#include <string>

namespace brokerlab::test::faults {

// `{base, extra}`. (Built by appending: GCC 12 warns falsely of overlap on "{" + string.)
inline std::string object(const std::string& base, const std::string& extra) {
  std::string text = "{";
  text += j(base);
  if (!extra.empty()) text.append(", ").append(extra);
  text += '}';
  return text;
}

// A 60 s run. Producer "p" -> queue "q" -> consumer "w" (2 instances); client "c" -> api "a" ->
// queue "jobs" -> worker "k", with store "s"; stream "st" read by group "g" of consumer "r";
// topic "t" read by consumer "sub". Indices: p 0, q 1, w 2, c 3, a 4, jobs 5, k 6, s 7, st 8,
// r 9, t 10, sub 11. `faults` is the inside of the "faults" array; the others add members to their
// component.
inline std::string faultsDoc(const std::string& faults = "", const std::string& w = "",
                             const std::string& p = "", const std::string& r = "",
                             const std::string& sub = "") {
  std::string list = object("'id': 'p', 'kind': 'producer', 'target': 'q', 'rate': 8", p);
  list.append(", ").append(j("{'id': 'q', 'kind': 'queue'}"));
  list.append(", ").append(object(
      "'id': 'w', 'kind': 'consumer', 'source': 'q', 'instances': 2, 'service': '100ms'", w));
  list.append(", ").append(
      j("{'id': 'c', 'kind': 'client', 'target': 'a', 'rate': 1}, "
        "{'id': 'a', 'kind': 'api', 'queue': 'jobs', 'store': 's'}, "
        "{'id': 'jobs', 'kind': 'queue'}, "
        "{'id': 'k', 'kind': 'consumer', 'source': 'jobs', 'role': 'worker', 'store': 's', "
        "'service': '1s'}, {'id': 's', 'kind': 'store'}, "
        "{'id': 'st', 'kind': 'stream', 'partitions': 4}"));
  list.append(", ").append(
      object("'id': 'r', 'kind': 'consumer', 'source': 'st', 'group': 'g', 'service': '10ms'", r));
  list.append(", ").append(j("{'id': 't', 'kind': 'topic'}"));
  list.append(", ").append(
      object("'id': 'sub', 'kind': 'consumer', 'source': 't', 'service': '10ms'", sub));
  std::string text = j("{'format': 'brokerlab-scenario', 'version': 1, 'name': 'f', ");
  text.append(j("'duration': '60s', 'components': [")).append(list).append("]");
  if (!faults.empty()) text.append(j(", 'faults': [")).append(j(faults)).append("]");
  return text.append("}");
}

// A document with one fault: its members, single-quoted.
inline std::string oneFault(const std::string& members) {
  return faultsDoc("{" + members + "}");
}

template <typename Row>
void everyFaultRows(const Row& row) {
  row("faults not an array", with(faultsDoc(), "]}", j("], 'faults': {}}")), "faults",
      "must be an array (got an object)");
  row("a fault not an object", with(faultsDoc(), "]}", j("], 'faults': [1]}")), "faults[0]",
      "must be an object (got the number 1)");
  row("no at", oneFault("'kind': 'crash', 'target': 'w'"), "faults[0].at",
      "is required: when the fault happens, like \"30s\"");
  row("no kind", oneFault("'at': '1s', 'target': 'w'"), "faults[0].kind",
      "is required: one of \"crash\", \"close\", \"restart\", \"spike\", \"slow\", "
      "\"poison\", \"partition\", \"degrade\", \"scale\", \"prefetch\" or \"poll\"");
  row("no target", oneFault("'at': '1s', 'kind': 'crash'"), "faults[0].target",
      "is required: the id of the component the fault hits");
  row("target as a number", oneFault("'at': '1s', 'kind': 'crash', 'target': 5"),
      "faults[0].target", "must be a string (got the number 5)");
  row("target of nothing", oneFault("'at': '1s', 'kind': 'slow', 'target': 'x', 'factor': 2"),
      "faults[0].target", "no component with id \"x\"");
  row("empty target", oneFault("'at': '1s', 'kind': 'crash', 'target': ''"), "faults[0].target",
      "is required: a consumer (all its instances), or one instance of it like \"workers#2\"");
  row("negative at", oneFault("'at': '-1s', 'kind': 'crash', 'target': 'w'"), "faults[0].at",
      "must not be negative");
  row("at the end", oneFault("'at': 60, 'kind': 'crash', 'target': 'w'"), "faults[0].at",
      "must be earlier than the scenario's duration (got 1m >= 1m): a fault at or after the "
      "end never happens");
  row("after the end", oneFault("'at': '2m', 'kind': 'crash', 'target': 'w'"), "faults[0].at",
      "(got 2m >= 1m)");
  row("at in words", oneFault("'at': 'soon', 'kind': 'crash', 'target': 'w'"), "faults[0].at",
      "is not a duration");
  row("misspelt kind", oneFault("'at': '1s', 'kind': 'crsh', 'target': 'w'"), "faults[0].kind",
      "must be one of \"crash\", \"close\", \"restart\", \"spike\", \"slow\", \"poison\", "
      "\"partition\", \"degrade\", \"scale\", \"prefetch\" or \"poll\" (got the string "
      "\"crsh\"); did you mean \"crash\"?");
  // nothing else is said about a fault of an unknown kind: its keys mean nothing yet
  row("unknown kind", oneFault("'at': '1s', 'kind': 'explode', 'target': 'q', 'factor': 0"),
      "faults[0].kind", "(got the string \"explode\")");
  row("kind as a number", oneFault("'at': '1s', 'kind': 1, 'target': 'w'"), "faults[0].kind",
      "(got the number 1)");
  row("broker restart without a target",
      oneFault("'at': '1s', 'kind': 'restart', 'duration': '5s'"), "faults[0]",
      "a restart's target must be \"broker\"");
  row("broker restart of a consumer",
      oneFault("'at': '1s', 'kind': 'restart', 'target': 'w', 'duration': '5s'"), "faults[0]",
      "a restart's target must be \"broker\" (the broker restarts; to stop a consumer, use "
      "\"crash\")");
  row("broker restart without a duration",
      oneFault("'at': '1s', 'kind': 'restart', 'target': 'broker'"), "faults[0]",
      "a restart needs a duration: how long the broker is down");
  row("broker restart with a factor",
      oneFault("'at': '1s', 'kind': 'restart', 'target': 'broker', 'duration': '5s', "
               "'factor': 2"),
      "faults[0].factor", "is not a parameter of a \"restart\" fault");
  row("unknown key", oneFault("'at': '1s', 'kind': 'crash', 'target': 'w', 'when': 1"),
      "faults[0].when", "unknown key \"when\" (expected one of: at, kind, target, restart_after)");
  row("second fault",
      faultsDoc("{'at': '1s', 'kind': 'crash', 'target': 'w'}, {'at': '1s', 'kind': 'crash'}"),
      "faults[1].target", "is required");
}

template <typename Row>
void crashRows(const Row& row) {
  row("crash of a queue", oneFault("'at': '1s', 'kind': 'crash', 'target': 'q'"),
      "faults[0].target",
      "\"q\" is a queue, but the target of a \"crash\" fault must be a consumer (all its "
      "instances), or one instance of it like \"workers#2\"");
  row("crash of a producer", oneFault("'at': '1s', 'kind': 'crash', 'target': 'p'"),
      "faults[0].target", "\"p\" is a producer, but the target of a \"crash\" fault");
  row("crash of an instance of a producer",
      oneFault("'at': '1s', 'kind': 'crash', 'target': 'p#1'"), "faults[0].target",
      "\"p\" is a producer, but the target of a \"crash\" fault");
  row("crash of an instance of nothing", oneFault("'at': '1s', 'kind': 'crash', 'target': 'x#1'"),
      "faults[0].target", "no component with id \"x\" (in \"x#1\")");
  row("crash of an instance too many", oneFault("'at': '1s', 'kind': 'crash', 'target': 'w#3'"),
      "faults[0].target", "\"w#3\" is not an instance of \"w\", which has instances 1 to 2");
  row("crash of instance 0", oneFault("'at': '1s', 'kind': 'crash', 'target': 'w#0'"),
      "faults[0].target", "\"w#0\" is not an instance of \"w\", which has instances 1 to 2");
  row("crash of a huge instance",
      oneFault("'at': '1s', 'kind': 'crash', 'target': 'w#99999999999999999999999'"),
      "faults[0].target", "is not an instance of \"w\", which has instances 1 to 2");
  row("crash beyond the scaled instances",
      faultsDoc("{'at': '1s', 'kind': 'crash', 'target': 'w#5'}, "
                "{'at': '2s', 'kind': 'scale', 'target': 'w', 'instances': 4}"),
      "faults[0].target",
      "\"w#5\" is not an instance of \"w\", which has instances 1 to 4 (counting those its "
      "scale faults add)");
  row("crash of a named instance", oneFault("'at': '1s', 'kind': 'crash', 'target': 'w#two'"),
      "faults[0].target", "\"w#two\": one instance is named consumer#number, like \"w#1\"");
  row("crash of an unnumbered instance", oneFault("'at': '1s', 'kind': 'crash', 'target': 'w#'"),
      "faults[0].target", "one instance is named consumer#number");
  row("restart_after 0", oneFault("'at': '1s', 'kind': 'crash', 'target': 'w', 'restart_after': 0"),
      "faults[0].restart_after", "must be > 0 (got 0s)");
  row("misspelt restart_after",
      oneFault("'at': '1s', 'kind': 'crash', 'target': 'w', 'restart_afer': '1s'"),
      "faults[0].restart_afer", "did you mean \"restart_after\"?");
  row("factor on a crash", oneFault("'at': '1s', 'kind': 'crash', 'target': 'w', 'factor': 2"),
      "faults[0].factor",
      "\"factor\" is not a parameter of a \"crash\" fault (a \"crash\" fault takes: at, kind, "
      "target, restart_after)");
  row("duration on a crash",
      oneFault("'at': '1s', 'kind': 'crash', 'target': 'w', 'duration': '5s'"),
      "faults[0].duration", "\"duration\" is not a parameter of a \"crash\" fault");
}

template <typename Row>
void factorAndFractionRows(const Row& row) {
  row("spike without factor", oneFault("'at': '1s', 'kind': 'spike', 'target': 'p'"),
      "faults[0].factor",
      "is required: how many times the rate is multiplied while the spike lasts (0.001 to "
      "1000; below 1 is a lull)");
  row("spike factor 0", oneFault("'at': '1s', 'kind': 'spike', 'target': 'p', 'factor': 0"),
      "faults[0].factor", "must be a number from 0.001 to 1000 (got 0)");
  row("spike factor 0.0009",
      oneFault("'at': '1s', 'kind': 'spike', 'target': 'p', 'factor': 0.0009"), "faults[0].factor",
      "must be a number from 0.001 to 1000 (got 9e-04)");
  row("spike factor -2", oneFault("'at': '1s', 'kind': 'spike', 'target': 'p', 'factor': -2"),
      "faults[0].factor", "(got -2)");
  row("spike factor 1001", oneFault("'at': '1s', 'kind': 'spike', 'target': 'p', 'factor': 1001"),
      "faults[0].factor", "must be a number from 0.001 to 1000 (got 1001)");
  row("spike factor in words",
      oneFault("'at': '1s', 'kind': 'spike', 'target': 'p', 'factor': '3x'"), "faults[0].factor",
      "must be a number (got the string \"3x\")");
  row("spike duration 0",
      oneFault("'at': '1s', 'kind': 'spike', 'target': 'p', 'factor': 2, 'duration': 0"),
      "faults[0].duration", "must be > 0 (got 0s)");
  row("spike of a consumer", oneFault("'at': '1s', 'kind': 'spike', 'target': 'w', 'factor': 2"),
      "faults[0].target",
      "\"w\" is a consumer, but the target of a \"spike\" fault must be a producer or a client");
  row("spike of an api", oneFault("'at': '1s', 'kind': 'spike', 'target': 'a', 'factor': 2"),
      "faults[0].target", "\"a\" is an api, but the target of a \"spike\" fault");
  row("spike of an instance", oneFault("'at': '1s', 'kind': 'spike', 'target': 'p#1', 'factor': 2"),
      "faults[0].target",
      "\"p#1\" is one instance, which only a \"crash\" or a \"close\" fault can hit; a "
      "\"spike\" fault hits the whole component, like \"p\"");
  row("fraction on a spike",
      oneFault("'at': '1s', 'kind': 'spike', 'target': 'p', 'factor': 2, 'fraction': 0.5"),
      "faults[0].fraction",
      "\"fraction\" is not a parameter of a \"spike\" fault (a \"spike\" fault takes: at, kind, "
      "target, duration, factor)");
  row("slow without factor", oneFault("'at': '1s', 'kind': 'slow', 'target': 'w'"),
      "faults[0].factor", "is required: how many times longer each service takes");
  row("slow factor 1e4", oneFault("'at': '1s', 'kind': 'slow', 'target': 'w', 'factor': 1e4"),
      "faults[0].factor", "(got 10000)");
  row("slow of a producer", oneFault("'at': '1s', 'kind': 'slow', 'target': 'p', 'factor': 2"),
      "faults[0].target",
      "\"p\" is a producer, but the target of a \"slow\" fault must be a "
      "consumer");
  row("slow of an instance", oneFault("'at': '1s', 'kind': 'slow', 'target': 'w#1', 'factor': 2"),
      "faults[0].target", "a \"slow\" fault hits the whole component, like \"w\"");
  row("poison without fraction", oneFault("'at': '1s', 'kind': 'poison', 'target': 'p'"),
      "faults[0].fraction",
      "is required: the fraction of the producer's messages that are poison while it lasts "
      "(above 0, at most 1)");
  row("poison fraction 0", oneFault("'at': '1s', 'kind': 'poison', 'target': 'p', 'fraction': 0"),
      "faults[0].fraction", "must be a number above 0 and at most 1 (got 0)");
  row("poison fraction 1.5",
      oneFault("'at': '1s', 'kind': 'poison', 'target': 'p', 'fraction': 1.5"),
      "faults[0].fraction", "(got 1.5)");
  row("poison of a client",
      oneFault("'at': '1s', 'kind': 'poison', 'target': 'c', 'fraction': 0.5"), "faults[0].target",
      "\"c\" is a client, but the target of a \"poison\" fault must be a "
      "producer");
  row("factor on poison",
      oneFault("'at': '1s', 'kind': 'poison', 'target': 'p', 'fraction': 0.5, 'factor': 2"),
      "faults[0].factor", "\"factor\" is not a parameter of a \"poison\" fault");
}

template <typename Row>
void linkAndScaleRows(const Row& row) {
  row("drop fraction on a consumer's partition",
      oneFault("'at': '1s', 'kind': 'partition', 'target': 'w', 'duration': '1s', "
               "'fraction': 0.5"),
      "faults[0].fraction",
      "\"w\" is a consumer: a partition drops a fraction of what a producer sends, but a "
      "consumer's link only holds (a lost delivery means a lost connection: use \"crash\")");
  row("partition drop fraction 0",
      oneFault("'at': '1s', 'kind': 'partition', 'target': 'p', 'duration': '1s', "
               "'fraction': 0"),
      "faults[0].fraction", "must be a number above 0 and at most 1 (got 0)");
  row("partition without duration", oneFault("'at': '1s', 'kind': 'partition', 'target': 'p'"),
      "faults[0].duration", "is required: how long the link stays cut (a partition always heals)");
  row("partition duration 0",
      oneFault("'at': '1s', 'kind': 'partition', 'target': 'p', 'duration': '0ms'"),
      "faults[0].duration", "must be > 0 (got 0s)");
  row("partition of a queue",
      oneFault("'at': '1s', 'kind': 'partition', 'target': 'q', 'duration': '1s'"),
      "faults[0].target",
      "\"q\" is a queue, but the target of a \"partition\" fault must be a producer or a "
      "consumer (its link to the broker)");
  row("partition of a client",
      oneFault("'at': '1s', 'kind': 'partition', 'target': 'c', 'duration': '1s'"),
      "faults[0].target", "\"c\" is a client, but the target of a \"partition\" fault");
  row("partition of an instance",
      oneFault("'at': '1s', 'kind': 'partition', 'target': 'w#1', 'duration': '1s'"),
      "faults[0].target", "\"w#1\" is one instance");
  row("degrade without factor", oneFault("'at': '1s', 'kind': 'degrade', 'target': 'w'"),
      "faults[0].factor", "is required: how many times the link's latency is multiplied");
  row("degrade factor 0", oneFault("'at': '1s', 'kind': 'degrade', 'target': 'w', 'factor': 0"),
      "faults[0].factor", "must be a number from 0.001 to 1000 (got 0)");
  row("degrade of a store", oneFault("'at': '1s', 'kind': 'degrade', 'target': 's', 'factor': 2"),
      "faults[0].target",
      "\"s\" is a store, but the target of a \"degrade\" fault must be a producer or a consumer");
  row("scale without instances", oneFault("'at': '1s', 'kind': 'scale', 'target': 'w'"),
      "faults[0].instances", "is required: the consumer's new number of instances (0 to 10000)");
  row("scale to 10001", oneFault("'at': '1s', 'kind': 'scale', 'target': 'w', 'instances': 10001"),
      "faults[0].instances", "must be an integer >= 0 and <= 10000 (got 10001)");
  row("scale to -1", oneFault("'at': '1s', 'kind': 'scale', 'target': 'w', 'instances': -1"),
      "faults[0].instances", "(got -1)");
  row("scale to 2.5", oneFault("'at': '1s', 'kind': 'scale', 'target': 'w', 'instances': 2.5"),
      "faults[0].instances", "(got 2.5)");
  row("scale of a producer", oneFault("'at': '1s', 'kind': 'scale', 'target': 'p', 'instances': 2"),
      "faults[0].target",
      "\"p\" is a producer, but the target of a \"scale\" fault must be a consumer");
  row("scale of an instance",
      oneFault("'at': '1s', 'kind': 'scale', 'target': 'w#1', 'instances': 2"), "faults[0].target",
      "a \"scale\" fault hits the whole component");
  row("duration on a scale",
      oneFault("'at': '1s', 'kind': 'scale', 'target': 'w', 'instances': 2, 'duration': 5"),
      "faults[0].duration",
      "\"duration\" is not a parameter of a \"scale\" fault (a \"scale\" fault takes: at, kind, "
      "target, instances)");
}

// What-if changes: a consumer's prefetch, a client's poll interval.
template <typename Row>
void whatIfRows(const Row& row) {
  row("prefetch without prefetch", oneFault("'at': '1s', 'kind': 'prefetch', 'target': 'w'"),
      "faults[0].prefetch",
      "is required: the consumer's new prefetch from then on (0 to 100000; 0 = unlimited)");
  row("prefetch 100001",
      oneFault("'at': '1s', 'kind': 'prefetch', 'target': 'w', 'prefetch': 100001"),
      "faults[0].prefetch", "must be an integer >= 0 and <= 100000 (got 100001)");
  row("prefetch -1", oneFault("'at': '1s', 'kind': 'prefetch', 'target': 'w', 'prefetch': -1"),
      "faults[0].prefetch", "(got -1)");
  row("prefetch in words",
      oneFault("'at': '1s', 'kind': 'prefetch', 'target': 'w', 'prefetch': 'many'"),
      "faults[0].prefetch", "must be an integer");
  row("prefetch of a producer",
      oneFault("'at': '1s', 'kind': 'prefetch', 'target': 'p', 'prefetch': 2"), "faults[0].target",
      "\"p\" is a producer, but the target of a \"prefetch\" fault must be a consumer");
  row("prefetch of an instance",
      oneFault("'at': '1s', 'kind': 'prefetch', 'target': 'w#1', 'prefetch': 2"),
      "faults[0].target", "a \"prefetch\" fault hits the whole component");
  row("duration on a prefetch",
      oneFault("'at': '1s', 'kind': 'prefetch', 'target': 'w', 'prefetch': 2, 'duration': 5"),
      "faults[0].duration",
      "\"duration\" is not a parameter of a \"prefetch\" fault (a \"prefetch\" fault takes: at, "
      "kind, target, prefetch)");
  row("poll_interval on a prefetch",
      oneFault("'at': '1s', 'kind': 'prefetch', 'target': 'w', 'prefetch': 2, "
               "'poll_interval': '1s'"),
      "faults[0].poll_interval", "\"poll_interval\" is not a parameter of a \"prefetch\" fault");
  row("prefetch on a scale",
      oneFault("'at': '1s', 'kind': 'scale', 'target': 'w', 'instances': 2, 'prefetch': 2"),
      "faults[0].prefetch", "\"prefetch\" is not a parameter of a \"scale\" fault");
  row("poll without poll_interval", oneFault("'at': '1s', 'kind': 'poll', 'target': 'c'"),
      "faults[0].poll_interval",
      "is required: the client's new poll interval from then on, a positive duration like "
      "\"500ms\"");
  row("poll interval 0", oneFault("'at': '1s', 'kind': 'poll', 'target': 'c', 'poll_interval': 0"),
      "faults[0].poll_interval", "must be > 0 (got 0s)");
  row("poll interval in words",
      oneFault("'at': '1s', 'kind': 'poll', 'target': 'c', 'poll_interval': 'soon'"),
      "faults[0].poll_interval", "is not a duration");
  row("poll of a consumer",
      oneFault("'at': '1s', 'kind': 'poll', 'target': 'w', 'poll_interval': '1s'"),
      "faults[0].target",
      "\"w\" is a consumer, but the target of a \"poll\" fault must be a client");
  row("poll of an api", oneFault("'at': '1s', 'kind': 'poll', 'target': 'a', 'poll_interval': 1"),
      "faults[0].target", "\"a\" is an api, but the target of a \"poll\" fault must be a client");
  row("factor on a poll",
      oneFault("'at': '1s', 'kind': 'poll', 'target': 'c', 'poll_interval': 1, 'factor': 2"),
      "faults[0].factor",
      "\"factor\" is not a parameter of a \"poll\" fault (a \"poll\" fault takes: at, kind, "
      "target, poll_interval)");
  row("poll at the end",
      oneFault("'at': '60s', 'kind': 'poll', 'target': 'c', 'poll_interval': '1s'"), "faults[0].at",
      "must be earlier than the scenario's duration");
}

template <typename Row>
void heartbeatRows(const Row& row) {
  row("heartbeat 0", faultsDoc("", j("'heartbeat': 0")), "components[2].heartbeat",
      "must be > 0 (got 0s)");
  row("heartbeat in words", faultsDoc("", j("'heartbeat': 'often'")), "components[2].heartbeat",
      "is not a duration");
  row("heartbeat of a stream consumer 0", faultsDoc("", "", "", j("'heartbeat': '0s'")),
      "components[9].heartbeat", "must be > 0");
  row("heartbeat on a producer", faultsDoc("", "", j("'heartbeat': '5s'")),
      "components[0].heartbeat", "\"heartbeat\" is not a parameter of a producer");
  row("misspelt heartbeat", faultsDoc("", j("'heartbeats': '5s'")), "components[2].heartbeats",
      "did you mean \"heartbeat\"?");
  // publisher confirms: what a producer re-sends after a broker restart or a lossy partition
  row("confirm not a boolean", faultsDoc("", "", j("'confirm': 'yes'")), "components[0].confirm",
      "must be true or false");
}

}  // namespace brokerlab::test::faults
