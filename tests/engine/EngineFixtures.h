#pragma once

// Small scenarios built in code for engine tests: constant times and zero latency by default, so
// every count in an assertion can be worked out by hand.

#include "model/ModelBuilder.h"
#include "scenario/ScenarioFile.h"
#include "sim/Simulator.h"

#include <QtTest>

#include <memory>
#include <vector>

namespace brokerlab::fixtures {

inline Scenario scenario(SimTime duration) {
  Scenario s;
  s.name = "test";
  s.duration = duration;
  s.networkLatency = Distribution::constant(0);
  return s;
}

inline ComponentSpec producer(std::string id, std::string target, SimTime every,
                              std::uint64_t count) {
  ComponentSpec c = ComponentSpec::make(std::move(id), ComponentKind::Producer);
  c.target = std::move(target);
  c.interarrival = Distribution::constant(every);
  if (count) c.count = count;
  return c;
}

inline ComponentSpec queue(std::string id) {
  return ComponentSpec::make(std::move(id), ComponentKind::Queue);
}

inline ComponentSpec consumer(std::string id, std::string source, SimTime service,
                              std::uint32_t instances = 1, std::uint32_t prefetch = 1,
                              AckMode ack = AckMode::Manual) {
  ComponentSpec c = ComponentSpec::make(std::move(id), ComponentKind::Consumer);
  c.source = std::move(source);
  c.service = Distribution::constant(service);
  c.instances = instances;
  c.prefetch = prefetch;
  c.ack = ack;
  return c;
}

inline Simulator simulator(const Scenario& s, std::optional<std::uint64_t> seed = {}) {
  ModelBuildResult r = buildModel(s, seed);
  if (!r.model) qFatal("model does not build: %s", r.error.c_str());
  Simulator sim(std::make_shared<const Model>(std::move(*r.model)));
  sim.setInvariantChecks(true);  // always on in tests
  return sim;
}

// A bundled scenario by its file name ("work-queue.json"), and a simulator of it.
inline Scenario bundledScenario(const QString& file) {
  const QString path = QStringLiteral(BROKERLAB_SOURCE_DIR "/scenarios/") + file;
  const ScenarioLoadResult loaded = loadScenarioFile(path);
  if (!loaded.scenario)
    qFatal("%s does not load: %s", qPrintable(path),
           loaded.issues.empty() ? "" : loaded.issues[0].message.c_str());
  return *loaded.scenario;
}
inline Simulator bundled(const QString& file, std::optional<std::uint64_t> seed = {}) {
  return simulator(bundledScenario(file), seed);
}

// A trace hash as the CLI prints it: 16 hex digits.
inline QString hex(std::uint64_t v) {
  return QString::number(v, 16).rightJustified(16, '0');
}

// Why a run stopped before its time, for a failing check: the broken invariant or the run limit.
inline QByteArray stopText(const Simulator& sim) {
  const std::string& why = sim.violation().empty() ? sim.limitReached() : sim.violation();
  return QByteArray::fromStdString(why.empty() ? "stopped early" : why);
}

}  // namespace brokerlab::fixtures

// Runs to a time and fails the test unless the run got there: a broken invariant or a run limit
// stops a run early (and for good), and a test must neither go on as if it had not nor spin.
#define RUN_UNTIL(sim, until)                                             \
  QVERIFY2((sim).runUntil(until) == ::brokerlab::StopReason::ReachedTime, \
           ::brokerlab::fixtures::stopText(sim).constData())
#define RUN(sim) RUN_UNTIL(sim, (sim).model().duration)

namespace brokerlab::fixtures {

// The same inside a helper that returns a value (where QVERIFY cannot return): aborts the test.
inline void runOrAbort(Simulator& sim) {
  if (sim.run() != StopReason::ReachedTime) qFatal("%s", stopText(sim).constData());
}

}  // namespace brokerlab::fixtures

namespace brokerlab::fixtures {

// Runs with trace capture on and returns every record.
inline std::vector<TraceRecord> runTraced(Simulator& sim, SimTime until) {
  sim.trace().setCapturing(true);
  std::vector<TraceRecord> all;
  for (StopReason why; (why = sim.runUntil(until)) != StopReason::ReachedTime;) {
    if (why == StopReason::InvariantViolated) qFatal("%s", sim.violation().c_str());
    if (why == StopReason::LimitReached) qFatal("%s", sim.limitReached().c_str());
    sim.trace().pull(all, sim.trace().size());
  }
  sim.trace().pull(all, sim.trace().size());
  return all;
}

inline std::vector<TraceRecord> only(const std::vector<TraceRecord>& all, TraceKind kind) {
  std::vector<TraceRecord> out;
  for (const TraceRecord& r : all)
    if (r.kind == kind) out.push_back(r);
  return out;
}

inline const QueueCounters& counters(const Simulator& sim, std::size_t queue = 0) {
  return sim.queues()[queue].counters;
}

inline std::uint64_t outcome(const Simulator& sim, Outcome o) {
  return sim.ledger().outcomes[static_cast<std::size_t>(o)];
}

inline std::uint64_t inState(const Simulator& sim, MessageState s) {
  return sim.ledger().inState[static_cast<std::size_t>(s)];
}

}  // namespace brokerlab::fixtures

namespace brokerlab::fixtures {

inline ComponentSpec topic(std::string id) {
  return ComponentSpec::make(std::move(id), ComponentKind::Topic);
}

inline ComponentSpec stream(std::string id, std::uint32_t partitions) {
  ComponentSpec c = ComponentSpec::make(std::move(id), ComponentKind::Stream);
  c.partitions = partitions;
  return c;
}

inline ComponentSpec member(std::string id, std::string source, std::string group, SimTime service,
                            std::uint32_t instances = 1) {
  ComponentSpec c = ComponentSpec::make(std::move(id), ComponentKind::Consumer);
  c.source = std::move(source);
  c.group = std::move(group);
  c.service = Distribution::constant(service);
  c.instances = instances;
  c.rebalancePause = 0;
  c.startPosition = StartPosition::Earliest;
  return c;
}

}  // namespace brokerlab::fixtures
