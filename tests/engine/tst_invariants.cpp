// The invariant checker: it stays quiet on healthy runs full of faults, and it trips, naming the
// rule and the event, when the books are broken on purpose.

#include "EngineFixtures.h"

#include <QtTest>

using namespace brokerlab;
using namespace brokerlab::fixtures;

class InvariantsTest : public QObject {
  Q_OBJECT
 private slots:
  void healthyRunWithCrashesNeverTrips();
  void brokenLedgerStopsTheRun();
  void violationIsStickyAndCopied();
  void checksCanBeSwitchedOff();
  void autoAckInstanceHoldsNothing();
};

namespace {

Scenario busy() {
  Scenario s = scenario(120 * kSecond);
  ComponentSpec jobs = queue("jobs");
  jobs.maxLength = 50;
  jobs.ttl = 5 * kSecond;
  jobs.maxDeliveries = 4;
  jobs.deadLetter = "dlq";
  ComponentSpec workers = consumer("workers", "jobs", 0, 3, 4);
  workers.service = Distribution::exponential(300 * kMillisecond);
  workers.failureProbability = 0.2;
  workers.heartbeat = 2 * kSecond;
  ComponentSpec p = ComponentSpec::make("producer", ComponentKind::Producer);
  p.target = "jobs";
  p.rate = 12;
  s.components = {p, jobs, queue("dlq"), workers};
  for (int k = 1; k <= 6; ++k) {
    FaultSpec crash;
    crash.kind = FaultKind::Crash;
    crash.target = "workers#" + std::to_string(1 + k % 3);
    crash.at = k * 15 * kSecond;
    crash.restartAfter = 4 * kSecond;
    s.faults.push_back(crash);
  }
  return s;
}

}  // namespace

void InvariantsTest::healthyRunWithCrashesNeverTrips() {
  Simulator sim = simulator(busy());
  QVERIFY(sim.invariantChecks());
  QVERIFY2(sim.run() == StopReason::ReachedTime, sim.violation().c_str());
  QVERIFY(sim.violation().empty());
  QVERIFY(sim.consumers()[0].requeuedAfterCrash > 0);
}

void InvariantsTest::brokenLedgerStopsTheRun() {
  Simulator sim = simulator(busy());
  RUN_UNTIL(sim, 10 * kSecond);
  const std::uint64_t before = sim.eventsProcessed();
  ++sim.ledgerForTesting().inState[static_cast<std::size_t>(MessageState::Ready)];
  QCOMPARE(sim.runUntil(sim.model().duration), StopReason::InvariantViolated);
  QCOMPARE(sim.eventsProcessed(), before + 1);  // stopped right after the next event
  const QString why = QString::fromStdString(sim.violation());
  QVERIFY2(why.contains("conservation"), qPrintable(why));
  QVERIFY2(why.contains(QString("event #%1").arg(before + 1)), qPrintable(why));
}

void InvariantsTest::violationIsStickyAndCopied() {
  Simulator sim = simulator(busy());
  RUN_UNTIL(sim, 5 * kSecond);
  ++sim.ledgerForTesting().published;
  QCOMPARE(sim.runUntil(6 * kSecond), StopReason::InvariantViolated);
  const std::uint64_t events = sim.eventsProcessed();
  QCOMPARE(sim.runUntil(60 * kSecond), StopReason::InvariantViolated);  // it cannot go on
  QCOMPARE(sim.eventsProcessed(), events);
  Simulator copy = sim;
  QCOMPARE(copy.violation(), sim.violation());
}

void InvariantsTest::checksCanBeSwitchedOff() {
  Simulator sim = simulator(busy());
  sim.setInvariantChecks(false);
  RUN_UNTIL(sim, 5 * kSecond);
  ++sim.ledgerForTesting().published;
  QCOMPARE(sim.runUntil(6 * kSecond), StopReason::ReachedTime);
  QVERIFY(sim.violation().empty());
  QVERIFY(!sim.invariantViolation().empty());  // the state check still sees it when asked
}

// Dispatch's credit test relies on an auto-ack instance holding no unacked delivery: a healthy
// run with crashes keeps it, and a count planted behind the broker's back is caught.
void InvariantsTest::autoAckInstanceHoldsNothing() {
  Scenario s = busy();
  s.components[3].ack = AckMode::Auto;
  Simulator sim = simulator(s);
  RUN_UNTIL(sim, 60 * kSecond);
  QVERIFY2(sim.violation().empty(), sim.violation().c_str());
  QVERIFY(sim.consumers()[0].crashes > 0);
  QCOMPARE(QString::fromStdString(sim.invariantViolation()), QString());
  Simulator broken = sim;
  broken.instancesForTesting()[1].unacked = 1;
  const QString why = QString::fromStdString(broken.invariantViolation());
  QVERIFY2(why.contains(QStringLiteral("workers#2: an auto-ack instance holds 1 unacked")),
           qPrintable(why));
}

QTEST_APPLESS_MAIN(InvariantsTest)

#include "tst_invariants.moc"
