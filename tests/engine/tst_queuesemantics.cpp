// Point-to-point queue semantics, each on a small case whose counts can be worked out by hand.

#include "EngineFixtures.h"

using namespace brokerlab;
using namespace brokerlab::fixtures;

class tst_QueueSemantics : public QObject {
  Q_OBJECT

 private slots:
  void competingConsumersTakeTurns() {
    Scenario s = scenario(10 * kSecond);
    s.components = {producer("p", "q", 1 * kMillisecond, 9), queue("q"),
                    consumer("c", "q", 100 * kMillisecond, 3)};
    Simulator sim = simulator(s);
    const auto delivers = only(runTraced(sim, s.duration), TraceKind::Deliver);
    QCOMPARE(delivers.size(), std::size_t{9});
    for (std::size_t i = 0; i < delivers.size(); ++i) {
      QCOMPARE(delivers[i].message, i + 1);
      QCOMPARE(int(delivers[i].instance), int(i % 3) + 1);
    }
    QCOMPARE(sim.consumers()[0].processed, 9u);
    QCOMPARE(counters(sim).acked, 9u);
  }

  void prefetchBoundsUnackedDeliveries_data() {
    QTest::addColumn<std::uint32_t>("prefetch");
    QTest::addColumn<std::uint32_t>("unacked");
    QTest::addColumn<std::uint32_t>("ready");
    QTest::newRow("prefetch 1") << 1u << 1u << 9u;
    QTest::newRow("prefetch 4") << 4u << 4u << 6u;
    QTest::newRow("prefetch 0 is unlimited") << 0u << 10u << 0u;
  }
  void prefetchBoundsUnackedDeliveries() {
    QFETCH(std::uint32_t, prefetch);
    QFETCH(std::uint32_t, unacked);
    QFETCH(std::uint32_t, ready);
    Scenario s = scenario(100 * kSecond);
    s.components = {producer("p", "q", 1, 10), queue("q"),
                    consumer("c", "q", 10 * kSecond, 1, prefetch)};
    Simulator sim = simulator(s);
    RUN_UNTIL(sim, 1 * kSecond);  // all published, the first still in service
    QCOMPARE(sim.queues()[0].unacked, unacked);
    QCOMPARE(sim.queues()[0].ready.size(), ready);
    QCOMPARE(sim.instances()[0].unacked, unacked);
  }

  void autoAckRemovesOnDeliveryAndIgnoresPrefetch() {
    Scenario s = scenario(100 * kSecond);
    s.components = {producer("p", "q", 1, 10), queue("q"),
                    consumer("c", "q", 1 * kSecond, 1, 1, AckMode::Auto)};
    Simulator sim = simulator(s);
    RUN_UNTIL(sim, kMillisecond);
    QCOMPARE(sim.queues()[0].ready.size(), 0u);  // all pushed to the consumer at once
    QCOMPARE(counters(sim).delivered, 10u);
    QCOMPARE(sim.queues()[0].unacked, 0u);
    QCOMPARE(inState(sim, MessageState::Buffered), 9u);
    RUN(sim);
    QCOMPARE(outcome(sim, Outcome::Consumed), 10u);
    QCOMPARE(counters(sim).acked, 0u);
  }

  void manualAckKeepsTheMessageUntilTheAckArrives() {
    Scenario s = scenario(10 * kSecond);
    s.components = {producer("p", "q", 1, 1), queue("q"), consumer("c", "q", 1 * kSecond)};
    s.components[2].latency = Distribution::constant(10 * kMillisecond);
    Simulator sim = simulator(s);
    RUN_UNTIL(sim,
              1 * kSecond + 15 * kMillisecond);  // processed at 1.010 s, ack arrives at 1.020 s
    QCOMPARE(inState(sim, MessageState::AckToBroker), 1u);
    QCOMPARE(sim.queues()[0].unacked, 1u);
    RUN_UNTIL(sim, 1 * kSecond + 20 * kMillisecond + 1);  // published at 1 ns
    QCOMPARE(outcome(sim, Outcome::Acked), 1u);
    QCOMPARE(sim.queues()[0].unacked, 0u);
    QCOMPARE(sim.producerMetrics()[0].endToEnd.max(), 1 * kSecond + 20 * kMillisecond);
  }

  void failedProcessingRequeuesWithTheRedeliveredFlag() {
    Scenario s = scenario(10 * kSecond);
    s.components = {producer("p", "q", 1, 1), queue("q"), consumer("c", "q", 10 * kMillisecond)};
    s.components[2].failureProbability = 1.0;
    Simulator sim = simulator(s);
    const auto trace = runTraced(sim, 35 * kMillisecond);  // deliveries at ~0, 10, 20, 30 ms
    const auto delivers = only(trace, TraceKind::Deliver);
    QCOMPARE(delivers.size(), std::size_t{4});
    QCOMPARE(int(delivers[0].redelivered), 0);
    for (std::size_t i = 1; i < delivers.size(); ++i) QCOMPARE(int(delivers[i].redelivered), 1);
    QCOMPARE(counters(sim).redelivered, 3u);
    QCOMPARE(counters(sim).nacked, 3u);
    QCOMPARE(only(trace, TraceKind::Requeue).size(), std::size_t{3});
  }

  // Under auto ack the broker let the message go at delivery: a failed processing loses it.
  void autoAckFailureLosesTheMessage() {
    Scenario s = scenario(10 * kSecond);
    s.components = {producer("p", "q", kMillisecond, 5), queue("q"),
                    consumer("c", "q", 10 * kMillisecond, 1, 1, AckMode::Auto)};
    s.components[2].failureProbability = 1.0;
    Simulator sim = simulator(s);
    const auto trace = runTraced(sim, s.duration);
    QCOMPARE(outcome(sim, Outcome::LostAutoAckFailure), 5u);
    QCOMPARE(only(trace, TraceKind::Fail).size(), std::size_t{5});
    QCOMPARE(counters(sim).nacked, 0u);
    QCOMPARE(counters(sim).delivered, 5u);
    QCOMPARE(sim.consumers()[0].failed, 5u);
  }

  void deliveryLimitDeadLetters() {
    Scenario s = scenario(10 * kSecond);
    s.components = {producer("p", "q", kMillisecond, 5), queue("q"), queue("dlq"),
                    consumer("c", "q", 10 * kMillisecond)};
    s.components[1].maxDeliveries = 3;
    s.components[1].deadLetter = "dlq";
    s.components[3].failureProbability = 1.0;
    Simulator sim = simulator(s);
    RUN(sim);
    const QueueCounters& q = counters(sim, 0);
    QCOMPARE(q.delivered, 15u);
    QCOMPARE(q.nacked, 15u);
    QCOMPARE(q.redelivered, 10u);
    QCOMPARE(q.deadLettered, 5u);
    QCOMPARE(q.dropped, 0u);  // dead-lettered, not dropped: counted once
    QCOMPARE(counters(sim, 1).deadLetteredIn, 5u);
    QCOMPARE(sim.queues()[1].ready.size(), 5u);
    QVERIFY(sim.ledger().balanced());
  }

  void deliveryLimitWithoutDeadLetterQueueDrops() {
    Scenario s = scenario(10 * kSecond);
    s.components = {producer("p", "q", kMillisecond, 4), queue("q"),
                    consumer("c", "q", kMillisecond)};
    s.components[1].maxDeliveries = 2;
    s.components[2].failureProbability = 1.0;
    Simulator sim = simulator(s);
    RUN(sim);
    QCOMPARE(outcome(sim, Outcome::DroppedDeliveryLimit), 4u);
    QCOMPARE(counters(sim).dropped, 4u);
    QCOMPARE(counters(sim).delivered, 8u);
  }

  void ttlExpiresWaitingMessages_data() {
    QTest::addColumn<bool>("withDeadLetter");
    QTest::newRow("counted expired") << false;
    QTest::newRow("dead-lettered") << true;
  }
  void ttlExpiresWaitingMessages() {
    QFETCH(bool, withDeadLetter);
    Scenario s = scenario(10 * kSecond);
    s.components = {producer("p", "q", kMillisecond, 10), queue("q"), queue("dlq")};
    s.components[1].ttl = 100 * kMillisecond;
    if (withDeadLetter) s.components[1].deadLetter = "dlq";
    Simulator sim = simulator(s);
    RUN_UNTIL(sim, 100 * kMillisecond + 5 * kMillisecond);  // published at 1..10 ms: 5 expired
    QCOMPARE(counters(sim).expired, 5u);
    RUN(sim);
    QCOMPARE(counters(sim).expired, 10u);
    QCOMPARE(outcome(sim, Outcome::Expired), withDeadLetter ? 0u : 10u);
    QCOMPARE(sim.queues()[1].ready.size(), withDeadLetter ? 10u : 0u);
  }

  void anExpiredMessageIsNeverDelivered() {
    Scenario s = scenario(60 * kSecond);
    s.components = {producer("p", "q", 10 * kMillisecond, 1000), queue("q"),
                    consumer("c", "q", 50 * kMillisecond)};
    s.components[1].ttl = 200 * kMillisecond;
    Simulator sim = simulator(s);
    RUN(sim);
    QVERIFY(counters(sim).expired > 0);
    QVERIFY(sim.queueMetrics()[0].wait.max() <= 200 * kMillisecond);
    QCOMPARE(counters(sim).delivered + counters(sim).expired, 1000u);
  }

  void dropHeadKeepsTheNewest_data() {
    QTest::addColumn<bool>("withDeadLetter");
    QTest::newRow("dropped") << false;
    QTest::newRow("dead-lettered") << true;
  }
  void dropHeadKeepsTheNewest() {
    QFETCH(bool, withDeadLetter);
    Scenario s = scenario(kSecond);
    s.components = {producer("p", "q", kMillisecond, 20), queue("q"), queue("dlq")};
    s.components[1].maxLength = 5;
    if (withDeadLetter) s.components[1].deadLetter = "dlq";
    Simulator sim = simulator(s);
    RUN(sim);
    QCOMPARE(sim.queues()[0].ready.size(), 5u);
    QCOMPARE(sim.messages()[sim.queues()[0].ready.front()].serial, 16u);
    // Each pushed-out message counts once: dropped when it ends here, dead-lettered when it
    // goes on (the ledger has it once, so the report does).
    QCOMPARE(counters(sim).dropped, withDeadLetter ? 0u : 15u);
    QCOMPARE(counters(sim).deadLettered, withDeadLetter ? 15u : 0u);
    QCOMPARE(sim.queues()[0].depth.max, 5u);
    QCOMPARE(outcome(sim, Outcome::DroppedOverflow), withDeadLetter ? 0u : 15u);
    QCOMPARE(sim.queues()[1].ready.size(), withDeadLetter ? 15u : 0u);
  }

  void rejectPublishRefusesTheNewestAndTellsTheProducer() {
    Scenario s = scenario(kSecond);
    s.components = {producer("p", "q", kMillisecond, 20), queue("q")};
    s.components[1].maxLength = 5;
    s.components[1].overflow = Overflow::RejectPublish;
    Simulator sim = simulator(s);
    RUN(sim);
    QCOMPARE(sim.messages()[sim.queues()[0].ready.front()].serial, 1u);
    QCOMPARE(counters(sim).rejected, 15u);
    QCOMPARE(sim.producers()[0].rejected, 15u);
    QCOMPARE(outcome(sim, Outcome::Rejected), 15u);
  }

  void linksTakeTheirLatencyAndStayInOrder() {
    Scenario s = scenario(10 * kSecond);
    s.components = {producer("p", "q", kMillisecond, 200), queue("q")};
    Distribution jitter = Distribution::uniform(0, 20 * kMillisecond);
    s.components[0].latency = jitter;
    Simulator sim = simulator(s);
    const auto trace = runTraced(sim, s.duration);
    const auto arrivals = only(trace, TraceKind::Arrive);
    const auto publishes = only(trace, TraceKind::Publish);
    QCOMPARE(arrivals.size(), std::size_t{200});
    for (std::size_t i = 0; i < arrivals.size(); ++i) {
      QCOMPARE(arrivals[i].message, i + 1);  // FIFO: no overtaking on one link
      QCOMPARE(arrivals[i].time, publishes[i].aux);
      QVERIFY(arrivals[i].time >= publishes[i].time);
    }
  }

  void ledgerBalancesAfterEveryStep() {
    Scenario s = scenario(5 * kSecond);
    s.components = {producer("p", "q", kMillisecond, 0), queue("q"), queue("dlq"),
                    consumer("c", "q", 3 * kMillisecond, 2, 2)};
    s.components[0].interarrival = Distribution::exponential(kMillisecond);
    s.components[1].maxLength = 20;
    s.components[1].ttl = 30 * kMillisecond;
    s.components[1].deadLetter = "dlq";
    s.components[1].maxDeliveries = 2;
    s.components[3].failureProbability = 0.2;
    s.components[3].service = Distribution::exponential(3 * kMillisecond);
    Simulator sim = simulator(s);
    StopReason why;
    while ((why = sim.runUntil(s.duration, 97)) == StopReason::EventBudget) {
      const std::string diff = sim.ledger().recount(sim.messages());
      QVERIFY2(diff.empty(), diff.c_str());
      QVERIFY(sim.queues()[0].unacked <= 4);
    }
    QVERIFY2(why == StopReason::ReachedTime, stopText(sim).constData());
    QVERIFY(sim.ledger().published > 4000);
    // Dead letters beyond the expired ones: drop-head and the delivery limit were reached too.
    QVERIFY(counters(sim).expired > 0 && counters(sim).deadLettered > counters(sim).expired &&
            counters(sim).redelivered > 0);
  }
};

QTEST_APPLESS_MAIN(tst_QueueSemantics)
#include "tst_queuesemantics.moc"
