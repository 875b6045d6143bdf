// What-if changes of a setting from a time on: a consumer's prefetch (RabbitMQ's basic.qos on a
// live channel) and a client's poll interval, as "prefetch" and "poll" faults. Exact times on
// small deterministic cases; a change made live replays as the same fault in a saved scenario.

#include "RequestReplyFixtures.h"
#include "scenario/ScenarioReader.h"
#include "scenario/ScenarioWriter.h"

#include <QtTest>

using namespace brokerlab;
using namespace brokerlab::fixtures;

namespace {

constexpr SimTime kMs = kMillisecond;

FaultSpec prefetchFault(std::string target, SimTime at, std::uint32_t prefetch) {
  FaultSpec f;
  f.kind = FaultKind::Prefetch;
  f.target = std::move(target);
  f.at = at;
  f.prefetch = prefetch;
  return f;
}

FaultSpec pollFault(std::string target, SimTime at, SimTime interval) {
  FaultSpec f;
  f.kind = FaultKind::Poll;
  f.target = std::move(target);
  f.at = at;
  f.pollInterval = interval;
  return f;
}

// 10 messages, one every 10 ms from t = 10 ms; one consumer taking 1 s each (manual ack, zero
// latency), with the given prefetch. It starts message k at 10 ms + (k - 1) s and acks it 1 s
// later.
Scenario prefetchScenario(std::uint32_t prefetch) {
  Scenario s = scenario(secs(30));
  s.components = {producer("producer", "jobs", 10 * kMs, 10), queue("jobs"),
                  consumer("workers", "jobs", kSecond, 1, prefetch)};
  return s;
}

// The times of the deliveries, in order.
std::vector<SimTime> deliveryTimes(const std::vector<TraceRecord>& all) {
  std::vector<SimTime> out;
  for (const TraceRecord& r : only(all, TraceKind::Deliver)) out.push_back(r.time);
  return out;
}

void expectConserved(const Simulator& sim) {
  QVERIFY(sim.ledger().balanced());
  QCOMPARE(QString::fromStdString(sim.ledger().recount(sim.messages())), QString());
  QCOMPARE(QString::fromStdString(sim.invariantViolation()), QString());
}

// The client's status requests (polls), in order.
std::vector<SimTime> pollTimes(const std::vector<TraceRecord>& all) {
  std::vector<SimTime> out;
  for (const TraceRecord& r : only(all, TraceKind::Request)) {
    const HttpDetail d = detail(r);
    if (d.method == HttpMethod::Get && d.route == Route::JobStatus) out.push_back(r.time);
  }
  return out;
}

// One job submitted at 10 s, whose work takes 30 s: the client polls it every `interval`.
Scenario pollScenario(SimTime interval, double backoff = 1) {
  RequestReplyStack stack;
  stack.work = 30 * kSecond;
  stack.pollInterval = interval;
  Scenario s = stack.build(secs(60));
  if (backoff != 1) component(s, "client").pollBackoff = backoff;
  return s;
}

// Saved and read back: what a scenario file with the faults holds.
Scenario throughTheFile(const Scenario& s) {
  const ScenarioLoadResult loaded = parseScenario(writeScenario(s));
  if (!loaded.scenario)
    qFatal("the saved scenario does not load: %s", loaded.issues[0].message.c_str());
  return *loaded.scenario;
}

}  // namespace

class WhatIfChangesTest : public QObject {
  Q_OBJECT
 private slots:
  void lowerPrefetchTakesNothingBack();
  void higherPrefetchDeliversMoreAtOnce();
  void unlimitedPrefetchDeliversEverything();
  void streamConsumerPrefetchBoundsRecordsInFlight();
  void invariantStillCatchesTooManyUnacked();
  void pollIntervalAppliesFromTheNextPoll();
  void pollIntervalRestartsTheBackoff();
  void laterJobsPollAtTheNewInterval();
  void liveChangesReplayFromTheSavedScenario();
  void changeOfAnotherKindOrTargetIsRefused();
};

// Prefetch 5 lowered to 2 at 0.5 s, when the consumer holds five (one in processing): none goes
// back, and the next delivery waits until it holds fewer than two, at the fourth ack (4.01 s).
void WhatIfChangesTest::lowerPrefetchTakesNothingBack() {
  Scenario s = prefetchScenario(5);
  s.faults = {prefetchFault("workers", 500 * kMs, 2)};
  Simulator sim = simulator(s);
  sim.trace().setCapturing(true);
  RUN_UNTIL(sim, 600 * kMs);
  QCOMPARE(sim.instances()[0].unacked, std::uint32_t{5});  // nothing taken back
  QCOMPARE(sim.instances()[0].prefetch, std::uint32_t{2});
  QCOMPARE(sim.instances()[0].heldOverPrefetch, std::uint32_t{5});
  RUN_UNTIL(sim, 4500 * kMs);
  QCOMPARE(sim.instances()[0].unacked, std::uint32_t{2});
  QCOMPARE(sim.instances()[0].heldOverPrefetch, std::uint32_t{0});  // drained, then refilled
  const auto all = runTraced(sim, s.duration);
  QCOMPARE(only(all, TraceKind::Requeue).size(), std::size_t{0});
  QCOMPARE(only(all, TraceKind::Fault).size(), std::size_t{1});
  QCOMPARE(only(all, TraceKind::Fault)[0].aux, static_cast<SimTime>(FaultKind::Prefetch));
  const std::vector<SimTime> expected{10 * kMs,   20 * kMs,   30 * kMs,   40 * kMs,   50 * kMs,
                                      4010 * kMs, 5010 * kMs, 6010 * kMs, 7010 * kMs, 8010 * kMs};
  QCOMPARE(deliveryTimes(all), expected);
  QCOMPARE(counters(sim).acked, std::uint64_t{10});
  expectConserved(sim);

  // Without the change the sixth goes at the first ack, 1.01 s: the fault made the difference.
  Simulator plain = simulator(prefetchScenario(5));
  QCOMPARE(deliveryTimes(runTraced(plain, s.duration))[5], 1010 * kMs);
}

// Prefetch 1 raised to 4 at 0.5 s: the broker sends three more at once.
void WhatIfChangesTest::higherPrefetchDeliversMoreAtOnce() {
  Scenario s = prefetchScenario(1);
  s.faults = {prefetchFault("workers", 500 * kMs, 4)};
  Simulator sim = simulator(s);
  const auto all = runTraced(sim, s.duration);
  const std::vector<SimTime> times = deliveryTimes(all);
  QCOMPARE(times.size(), std::size_t{10});
  QCOMPARE(times[0], 10 * kMs);
  QCOMPARE(times[1], 500 * kMs);
  QCOMPARE(times[2], 500 * kMs);
  QCOMPARE(times[3], 500 * kMs);
  QCOMPARE(times[4], 1010 * kMs);  // then one per ack, four held
  QCOMPARE(counters(sim).acked, std::uint64_t{10});
  expectConserved(sim);
}

void WhatIfChangesTest::unlimitedPrefetchDeliversEverything() {
  Scenario s = prefetchScenario(1);
  s.faults = {prefetchFault("workers", 500 * kMs, 0)};
  Simulator sim = simulator(s);
  RUN_UNTIL(sim, 500 * kMs);
  QCOMPARE(sim.instances()[0].unacked, std::uint32_t{10});
  QCOMPARE(sim.queues()[0].ready.size(), std::size_t{0});
  RUN(sim);
  QCOMPARE(counters(sim).acked, std::uint64_t{10});
  expectConserved(sim);
}

// A stream consumer's prefetch bounds the records it has in flight: raised from 1 to 3, it fetches
// two more at once.
void WhatIfChangesTest::streamConsumerPrefetchBoundsRecordsInFlight() {
  Scenario s = scenario(secs(30));
  s.components = {producer("producer", "log", 10 * kMs, 10), stream("log", 1),
                  member("readers", "log", "g", kSecond)};
  component(s, "readers").startPosition = StartPosition::Earliest;
  s.faults = {prefetchFault("readers", 500 * kMs, 3)};
  Simulator sim = simulator(s);
  RUN_UNTIL(sim, 499 * kMs);
  QCOMPARE(sim.instances()[0].unacked, std::uint32_t{1});
  RUN_UNTIL(sim, 500 * kMs);
  QCOMPARE(sim.instances()[0].unacked, std::uint32_t{3});
  RUN(sim);
  QCOMPARE(sim.groups()[0].processed, std::uint64_t{10});
  expectConserved(sim);
}

// The invariant allows what a lowered prefetch left above it, and no more.
void WhatIfChangesTest::invariantStillCatchesTooManyUnacked() {
  Scenario s = prefetchScenario(5);
  s.faults = {prefetchFault("workers", 500 * kMs, 2)};
  Simulator sim = simulator(s);
  RUN_UNTIL(sim, 600 * kMs);
  QCOMPARE(QString::fromStdString(sim.invariantViolation()), QString());
  Simulator broken = sim;
  // One more delivery than it held at the change, made behind the broker's back.
  broken.instancesForTesting()[0].unacked = 6;
  ++broken.queuesForTesting()[0].unacked;
  const QString why = QString::fromStdString(broken.invariantViolation());
  QVERIFY2(why.contains(QStringLiteral("6 unacked, above prefetch 2 and the 5 it held")),
           qPrintable(why));
}

// Polls every 1 s; at 15.5 s the interval becomes 4 s. The poll already scheduled (for 16 s and a
// few ms) still goes then; the next waits 4 s.
void WhatIfChangesTest::pollIntervalAppliesFromTheNextPoll() {
  Scenario s = pollScenario(kSecond);
  Simulator plain = simulator(s);
  const std::vector<SimTime> before = pollTimes(runTraced(plain, s.duration));
  s.faults = {pollFault("client", 15500 * kMs, 4 * kSecond)};
  Simulator sim = simulator(s);
  const auto all = runTraced(sim, s.duration);
  const std::vector<SimTime> polls = pollTimes(all);
  QVERIFY(polls.size() > 8);
  std::size_t first = 0;  // the first poll after the change
  while (polls[first] < 15500 * kMs) ++first;
  QVERIFY(first >= 3);
  QCOMPARE(polls[first], before[first]);  // already scheduled: unchanged
  const SimTime gap = polls[first] - polls[first - 1];
  for (std::size_t i = 1; i < first; ++i) QCOMPARE(polls[i] - polls[i - 1], gap);
  for (std::size_t i = first + 1; i < polls.size(); ++i)
    QCOMPARE(polls[i] - polls[i - 1], gap + 3 * kSecond);
  QCOMPARE(sim.clients()[0].pollInterval, 4 * kSecond);
  QCOMPARE(outcomeCount(sim, ClientOutcome::Result), std::uint64_t{1});
  QVERIFY(sim.clients()[0].polls < plain.clients()[0].polls);
  expectConserved(sim);
}

// With a backoff of 2 (1 s, 2 s, 4 s, ...), a change to 500 ms starts the growth again from it.
void WhatIfChangesTest::pollIntervalRestartsTheBackoff() {
  Scenario s = pollScenario(kSecond, 2);
  s.faults = {pollFault("client", 17500 * kMs, 500 * kMs)};
  Simulator sim = simulator(s);
  const std::vector<SimTime> polls = pollTimes(runTraced(sim, s.duration));
  std::size_t first = 0;
  while (polls[first] < 17500 * kMs) ++first;
  QVERIFY(first + 3 < polls.size());
  // The round trip of a poll, from the first gap.
  const SimTime roundTrip = polls[1] - polls[0] - 2 * kSecond;  // the second waits 2 s
  QVERIFY(roundTrip > 0 && roundTrip < 100 * kMs);
  QCOMPARE(polls[first + 1] - polls[first], 500 * kMs + roundTrip);
  QCOMPARE(polls[first + 2] - polls[first + 1], 1000 * kMs + roundTrip);
  QCOMPARE(polls[first + 3] - polls[first + 2], 2000 * kMs + roundTrip);
  expectConserved(sim);
}

// A job submitted after the change polls at the new interval from its first poll.
void WhatIfChangesTest::laterJobsPollAtTheNewInterval() {
  RequestReplyStack stack;
  stack.work = 5 * kSecond;
  stack.jobs = 2;
  stack.every = 20 * kSecond;  // jobs at 20 s and 40 s
  Scenario s = stack.build(secs(60));
  s.faults = {pollFault("client", 30 * kSecond, 2 * kSecond)};
  Simulator sim = simulator(s);
  const std::vector<SimTime> polls = pollTimes(runTraced(sim, s.duration));
  std::vector<SimTime> first, second;
  for (const SimTime t : polls) (t > 40 * kSecond ? second : first).push_back(t);
  QVERIFY(first.size() >= 2);
  for (std::size_t i = 1; i < first.size(); ++i)
    QVERIFY(first[i] - first[i - 1] > kSecond && first[i] - first[i - 1] < 2 * kSecond);
  QVERIFY(second.size() >= 2);
  for (std::size_t i = 1; i < second.size(); ++i)
    QVERIFY(second[i] - second[i - 1] > 2 * kSecond && second[i] - second[i - 1] < 3 * kSecond);
  QCOMPARE(outcomeCount(sim, ClientOutcome::Result), std::uint64_t{2});
}

// Both changes made live, then saved with the scenario (written and read back) and run again: the
// same trace, bit for bit; and a different one from the run without them.
void WhatIfChangesTest::liveChangesReplayFromTheSavedScenario() {
  Scenario s = pollScenario(kSecond);
  s.components.push_back(producer("orders", "work", 10 * kMs, 10));
  s.components.push_back(queue("work"));
  s.components.push_back(consumer("handlers", "work", kSecond, 2, 4));
  Simulator plain = simulator(s);
  RUN(plain);

  Simulator live = simulator(s);
  RUN_UNTIL(live, 55 * kMs);  // the handlers hold five of the orders
  QCOMPARE(QString::fromStdString(live.injectFault(prefetchFault("handlers", 0, 1))), QString());
  RUN_UNTIL(live, 15 * kSecond + 300 * kMs);
  QCOMPARE(QString::fromStdString(live.injectFault(pollFault("client", 0, 3 * kSecond))),
           QString());
  QCOMPARE(live.liveFaults().size(), std::size_t{2});
  QCOMPARE(live.liveFaults()[0].at, 55 * kMs + 1);
  QVERIFY(live.liveFaults()[1].at > 15 * kSecond + 300 * kMs);
  RUN(live);
  expectConserved(live);
  QVERIFY(live.traceHash() != plain.traceHash());

  s.faults = live.liveFaults();
  const Scenario saved = throughTheFile(s);
  QCOMPARE(saved.faults, s.faults);
  Simulator replay = simulator(saved);
  RUN(replay);
  QCOMPARE(replay.traceHash(), live.traceHash());
  QCOMPARE(replay.ledger().outcomes, live.ledger().outcomes);
  QCOMPARE(replay.clients()[0].polls, live.clients()[0].polls);

  // Each change on its own makes a difference: neither is a no-op the hash would not see.
  for (std::size_t i = 0; i < 2; ++i) {
    Scenario one = s;
    one.faults.erase(one.faults.begin() + static_cast<std::ptrdiff_t>(i));
    Simulator partial = simulator(one);
    RUN(partial);
    QVERIFY(partial.traceHash() != live.traceHash());
    QVERIFY(partial.traceHash() != plain.traceHash());
  }
}

void WhatIfChangesTest::changeOfAnotherKindOrTargetIsRefused() {
  Scenario s = pollScenario(kSecond);
  s.components.push_back(producer("orders", "work", 10 * kMs, 10));
  s.components.push_back(queue("work"));
  s.components.push_back(consumer("handlers", "work", kSecond, 2, 4));
  Simulator sim = simulator(s);
  RUN_UNTIL(sim, kSecond);
  const Simulator before = sim;
  QVERIFY(!sim.injectFault(prefetchFault("client", 0, 3)).empty());
  QVERIFY(!sim.injectFault(prefetchFault("handlers#1", 0, 3)).empty());
  FaultSpec noValue = prefetchFault("handlers", 0, 3);
  noValue.prefetch.reset();
  QVERIFY(!sim.injectFault(noValue).empty());
  QVERIFY(!sim.injectFault(prefetchFault("handlers", 0, 100'001)).empty());
  QVERIFY(!sim.injectFault(pollFault("handlers", 0, kSecond)).empty());
  QVERIFY(!sim.injectFault(pollFault("client", 0, 0)).empty());
  QVERIFY(sim == before);
}

QTEST_APPLESS_MAIN(WhatIfChangesTest)
#include "tst_whatifchanges.moc"
