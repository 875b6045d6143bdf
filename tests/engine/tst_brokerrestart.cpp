// A broker restart, case by case (docs/scenario-format.md, restart): durable or transient queues
// crossed with publisher confirms or none, auto-ack deliveries on the wire, non-durable topic
// subscriptions, streams (untouched), and checkpoints that see the restart state.

#include "EngineFixtures.h"

using namespace brokerlab;
using namespace brokerlab::fixtures;

namespace {

FaultSpec restartAt(SimTime at, SimTime downtime) {
  FaultSpec f;
  f.kind = FaultKind::Restart;
  f.target = "broker";
  f.at = at;
  f.duration = downtime;
  return f;
}

}  // namespace

class tst_BrokerRestart : public QObject {
  Q_OBJECT

 private slots:
  // 20 messages every 500 ms from 0.5 s; one consumer, 1 s each, prefetch 2. The broker restarts
  // at 5.25 s for 2 s: 4 were acked, 5 is in processing and 6 prefetched, 7 to 10 are ready, and
  // 11 to 14 are sent while it is down.
  void durableAndConfirmsCrossed_data() {
    QTest::addColumn<bool>("durable");
    QTest::addColumn<bool>("confirm");
    QTest::addColumn<quint64>("lost");
    QTest::addColumn<quint64>("redelivered");
    QTest::newRow("durable, confirms: nothing lost") << true << true << 0ull << 2ull;
    QTest::newRow("durable, no confirms: what was sent while down")
        << true << false << 4ull << 2ull;
    QTest::newRow("transient, confirms: ready and held") << false << true << 6ull << 0ull;
    QTest::newRow("transient, no confirms: all three") << false << false << 10ull << 0ull;
  }
  void durableAndConfirmsCrossed() {
    QFETCH(bool, durable);
    QFETCH(bool, confirm);
    QFETCH(quint64, lost);
    QFETCH(quint64, redelivered);
    Scenario s = scenario(60 * kSecond);
    ComponentSpec p = producer("p", "q", 500 * kMillisecond, 20);
    p.confirm = confirm;
    ComponentSpec q = queue("q");
    q.durable = durable;
    s.components = {p, q, consumer("c", "q", kSecond, 1, 2)};
    s.faults = {restartAt(5250 * kMillisecond, 2 * kSecond)};
    Simulator sim = simulator(s);
    RUN(sim);
    QCOMPARE(outcome(sim, Outcome::LostBrokerRestart), lost);
    QCOMPARE(sim.lostInBrokerRestarts(), lost);
    QCOMPARE(counters(sim).acked, 20 - lost);
    QCOMPARE(counters(sim).redelivered, redelivered);
    QCOMPARE(sim.brokerDownUntil(), 7250 * kMillisecond);
  }

  // Auto ack: what a consumer had received is its own and it goes on; what was on the wire is
  // lost. Five messages at 10..50 ms over a 100 ms link; the restart at 125 ms finds 1 and 2 there.
  void autoAckDeliveriesOnTheWireAreLost() {
    Scenario s = scenario(10 * kSecond);
    ComponentSpec c = consumer("c", "q", kSecond, 1, 1, AckMode::Auto);
    c.latency = Distribution::constant(100 * kMillisecond);
    s.components = {producer("p", "q", 10 * kMillisecond, 5), queue("q"), c};
    s.faults = {restartAt(125 * kMillisecond, kSecond)};
    Simulator sim = simulator(s);
    const auto trace = runTraced(sim, s.duration);
    QCOMPARE(outcome(sim, Outcome::LostBrokerRestart), 3u);
    QCOMPARE(outcome(sim, Outcome::Consumed), 2u);
    for (const TraceRecord& r : only(trace, TraceKind::Lost)) QVERIFY(r.message >= 3);
  }

  // A non-durable subscription's queue is gone with what it held; a durable one keeps it.
  void nonDurableSubscriptionsLoseTheirQueue() {
    Scenario s = scenario(30 * kSecond);
    ComponentSpec p = producer("p", "t", 10 * kMillisecond, 10);
    p.confirm = true;
    ComponentSpec keep = consumer("keep", "t", 0);
    keep.durable = true;
    keep.join = 5 * kSecond;  // offline until then: its durable queue holds the ten
    ComponentSpec drop = consumer("drop", "t", kSecond, 1, 1);  // 1 s each: at 2 s it holds 2
    s.components = {p, topic("t"), keep, drop};
    s.faults = {restartAt(2 * kSecond, kSecond)};
    Simulator sim = simulator(s);
    RUN(sim);
    // 1 acked; 2 in processing and 3 to 10 waiting are gone with the queue
    QCOMPARE(outcome(sim, Outcome::LostBrokerRestart), 9u);
    QCOMPARE(counters(sim, 0).acked, 10u);  // the durable subscription's
    QCOMPARE(counters(sim, 1).acked, 1u);
  }

  // Streams are replicated logs on other brokers in this model: a restart does not touch them.
  void streamsAreUnaffected() {
    Scenario s = scenario(30 * kSecond);
    s.components = {producer("p", "log", 100 * kMillisecond, 100), stream("log", 2),
                    member("m", "log", "g", 10 * kMillisecond)};
    s.faults = {restartAt(3 * kSecond, 2 * kSecond)};
    Simulator sim = simulator(s);
    const auto trace = runTraced(sim, s.duration);
    QCOMPARE(sim.streams()[0].appended, 100u);
    QCOMPARE(sim.groups()[0].processed, 100u);
    QCOMPARE(outcome(sim, Outcome::LostBrokerRestart), 0u);
    QCOMPARE(only(trace, TraceKind::Lost).size(), std::size_t{0});
  }

  // A checkpoint taken while the broker is down runs on identically; and the comparison sees the
  // restart state itself (it once left it out).
  void checkpointsSeeTheRestartState() {
    Scenario s = scenario(30 * kSecond);
    s.components = {producer("p", "q", 500 * kMillisecond, 20), queue("q"),
                    consumer("c", "q", kSecond, 1, 2)};
    s.faults = {restartAt(5250 * kMillisecond, 2 * kSecond)};
    Simulator a = simulator(s);
    RUN_UNTIL(a, 6 * kSecond);
    Simulator b = a;
    QVERIFY(a == b);
    b.setBrokerDownUntilForTesting(a.brokerDownUntil() + 1);
    QVERIFY(!(a == b));
    b = a;
    RUN(a);
    RUN(b);
    QVERIFY(a == b);
  }
};

QTEST_APPLESS_MAIN(tst_BrokerRestart)
#include "tst_brokerrestart.moc"
