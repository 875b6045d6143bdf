// What RabbitMQ does beyond a plain work queue, each on a small case worked out by hand: a quorum
// queue's delivery limit, rejects without requeue, requeues into a full queue, reject-publish-dlx,
// per-message TTL, fanout and direct topics, bindings with several patterns, a channel close, and
// the dead-letter reasons each of these leaves (docs/broker-fidelity.md).

#include "EngineFixtures.h"

using namespace brokerlab;
using namespace brokerlab::fixtures;

namespace {

std::uint64_t deadLettered(const Simulator& sim, std::size_t queue, DeadLetterReason why) {
  return sim.queueMetrics()[queue].deadLetteredBy[static_cast<std::size_t>(why)];
}

// One message, a consumer that always fails, and a dead-letter queue.
Scenario alwaysFailing(ComponentSpec jobs) {
  Scenario s = scenario(10 * kSecond);
  ComponentSpec worker = consumer("worker", "jobs", 10 * kMillisecond);
  worker.failureProbability = 1.0;
  jobs.deadLetter = "dlq";
  s.components = {producer("p", "jobs", kMillisecond, 1), jobs, queue("dlq"), worker};
  return s;
}

// Two messages before the consumer joins at 10 ms; it takes the first and fails it at 110 ms. A
// second producer fills the queue to max_length 2 at 20 ms, so the nack meets a full queue.
Scenario requeueIntoAFullQueue(Overflow overflow) {
  Scenario s = scenario(kSecond);
  ComponentSpec jobs = queue("jobs");
  jobs.maxLength = 2;
  jobs.overflow = overflow;
  jobs.deadLetter = "dlq";
  ComponentSpec worker = consumer("worker", "jobs", 100 * kMillisecond);
  worker.failureProbability = 1.0;
  worker.join = 10 * kMillisecond;
  ComponentSpec late = producer("late", "jobs", 20 * kMillisecond, 1);
  ComponentSpec later = producer("later", "jobs", 150 * kMillisecond, 1);
  s.components = {producer("p", "jobs", kMillisecond, 2), late, later, jobs, queue("dlq"), worker};
  return s;
}

}  // namespace

class tst_RabbitMqSemantics : public QObject {
  Q_OBJECT

 private slots:
  // x-delivery-limit N counts returns: N + 1 deliveries, then dead-lettered (delivery_limit).
  void aDeliveryLimitCountsReturns_data() {
    QTest::addColumn<std::uint32_t>("limit");
    QTest::newRow("limit 0") << 0u;
    QTest::newRow("limit 2") << 2u;
  }
  void aDeliveryLimitCountsReturns() {
    QFETCH(std::uint32_t, limit);
    ComponentSpec jobs = queue("jobs");
    jobs.queueType = QueueType::Quorum;
    jobs.deliveryLimit = limit;
    Simulator sim = simulator(alwaysFailing(jobs));
    const auto trace = runTraced(sim, 10 * kSecond);
    QCOMPARE(counters(sim).delivered, std::uint64_t{limit + 1});
    QCOMPARE(counters(sim).redelivered, std::uint64_t{limit});
    QCOMPARE(deadLettered(sim, 0, DeadLetterReason::DeliveryLimit), 1u);
    QCOMPARE(sim.queues()[1].ready.size(), 1u);
    const auto dead = only(trace, TraceKind::DeadLetter);
    QCOMPARE(dead.size(), std::size_t{1});
    QCOMPARE(dead[0].aux, static_cast<SimTime>(DeadLetterReason::DeliveryLimit));
  }

  // max_deliveries keeps BrokerLab's meaning: N deliveries in all (delivery_limit N - 1).
  void maxDeliveriesCountsDeliveries() {
    ComponentSpec jobs = queue("jobs");
    jobs.maxDeliveries = 3;
    Simulator sim = simulator(alwaysFailing(jobs));
    RUN(sim);
    QCOMPARE(counters(sim).delivered, 3u);
    QCOMPARE(deadLettered(sim, 0, DeadLetterReason::DeliveryLimit), 1u);
  }

  // basic.reject with requeue=false: dead-lettered as "rejected", or discarded; never "dropped".
  void aRejectWithoutRequeueDeadLetters_data() {
    QTest::addColumn<bool>("withDeadLetter");
    QTest::newRow("dead-lettered") << true;
    QTest::newRow("discarded") << false;
  }
  void aRejectWithoutRequeueDeadLetters() {
    QFETCH(bool, withDeadLetter);
    Scenario s = alwaysFailing(queue("jobs"));
    s.components[3].requeue = false;
    if (!withDeadLetter) s.components[1].deadLetter.reset();
    Simulator sim = simulator(s);
    const auto trace = runTraced(sim, s.duration);
    QCOMPARE(counters(sim).delivered, 1u);
    QCOMPARE(counters(sim).nacked, 1u);
    QCOMPARE(counters(sim).dropped, 0u);
    QCOMPARE(sim.queueMetrics()[0].rejectedNoRequeue, 1u);
    QCOMPARE(deadLettered(sim, 0, DeadLetterReason::Rejected), withDeadLetter ? 1u : 0u);
    QCOMPARE(outcome(sim, Outcome::RejectedByConsumer), withDeadLetter ? 0u : 1u);
    QCOMPARE(only(trace, TraceKind::Nack)[0].aux, SimTime{1});  // a reject, not a requeue
    QCOMPARE(only(trace, TraceKind::Requeue).size(), std::size_t{0});
  }

  // RabbitMQ 3.10.8: a return that takes a drop-head queue over max_length drops from the head at
  // once, which is where the returned message is.
  void aRequeueIntoAFullDropHeadQueueDropsTheReturned() {
    Simulator sim = simulator(requeueIntoAFullQueue(Overflow::DropHead));
    const auto trace = runTraced(sim, 120 * kMillisecond);
    QCOMPARE(counters(sim).dropped, 0u);  // it goes on to the dead-letter queue: counted there
    QCOMPARE(deadLettered(sim, 0, DeadLetterReason::MaxLength), 1u);
    const auto drops = only(trace, TraceKind::Drop);
    QCOMPARE(drops.size(), std::size_t{1});
    QCOMPARE(drops[0].message, 1u);  // the returned one
    QCOMPARE(drops[0].time, 110 * kMillisecond);
    QCOMPARE(sim.queues()[0].ready.size(), 1u);  // 3 ready; 2 taken by the next delivery
  }

  // A reject-publish queue takes its returns back above max_length (the limit refuses publishes
  // only), and refuses the next publish.
  void aRequeueIntoAFullRejectPublishQueueKeepsIt() {
    Simulator sim = simulator(requeueIntoAFullQueue(Overflow::RejectPublish));
    RUN_UNTIL(sim, 140 * kMillisecond);
    QCOMPARE(counters(sim).dropped, 0u);
    QCOMPARE(sim.queues()[0].ready.size(), 2u);  // 1, 2, 3 back; 1 delivered again
    RUN_UNTIL(sim, 160 * kMillisecond);
    QCOMPARE(counters(sim).rejected, 1u);  // "later" at 150 ms: 2 ready, the queue is full
    QCOMPARE(sim.producers()[2].rejected, 1u);
  }

  // reject-publish-dlx: the publisher is told and the refused message is dead-lettered (maxlen).
  void rejectPublishDlxDeadLettersWhatItRefuses() {
    Scenario s = scenario(kSecond);
    ComponentSpec jobs = queue("jobs");
    jobs.maxLength = 2;
    jobs.overflow = Overflow::RejectPublishDlx;
    jobs.deadLetter = "dlq";
    s.components = {producer("p", "jobs", kMillisecond, 5), jobs, queue("dlq")};
    Simulator sim = simulator(s);
    RUN(sim);
    QCOMPARE(sim.producers()[0].rejected, 3u);
    QCOMPARE(counters(sim).rejected, 3u);
    QCOMPARE(deadLettered(sim, 0, DeadLetterReason::MaxLength), 3u);
    QCOMPARE(sim.messages()[sim.queues()[0].ready.front()].serial, 1u);  // the oldest stay
    QCOMPARE(sim.messages()[sim.queues()[1].ready.front()].serial, 3u);
    QCOMPARE(outcome(sim, Outcome::Rejected), 0u);  // they live on in the dead-letter queue
  }

  // A message's own expiration beside the queue's TTL; expired messages leave from the head only.
  void perMessageTtlExpiresAtTheHeadOnly() {
    Scenario s = scenario(10 * kSecond);
    ComponentSpec shortLived = producer("short", "jobs", 2 * kMillisecond, 1);
    shortLived.expiration = 100 * kMillisecond;
    ComponentSpec worker = consumer("worker", "jobs", 10 * kMillisecond);
    worker.join = kSecond;
    s.components = {producer("long", "jobs", kMillisecond, 1), shortLived, queue("jobs"), worker};
    Simulator sim = simulator(s);
    RUN_UNTIL(sim, 500 * kMillisecond);
    QCOMPARE(sim.queues()[0].ready.size(), 2u);  // expired, but behind a message that is not
    QCOMPARE(counters(sim).expired, 0u);
    RUN(sim);
    QCOMPARE(counters(sim).delivered, 1u);  // only the first; the second expired at the head
    QCOMPARE(counters(sim).expired, 1u);
  }

  void theSoonerOfQueueTtlAndExpirationApplies() {
    Scenario s = scenario(10 * kSecond);
    ComponentSpec p = producer("p", "jobs", kMillisecond, 2);
    p.expiration = 300 * kMillisecond;
    ComponentSpec jobs = queue("jobs");
    jobs.ttl = 100 * kMillisecond;
    s.components = {p, jobs};
    Simulator sim = simulator(s);
    RUN_UNTIL(sim, 102 * kMillisecond);
    QCOMPARE(counters(sim).expired, 2u);  // at 101 and 102 ms: the queue's TTL was sooner
  }

  // RabbitMQ 3.10.8's quorum queues put a returned message at their back; a drop-head one over
  // max_length then drops its head, which is not the returned message.
  void aQuorumQueueReturnsToItsBack() {
    Scenario s = requeueIntoAFullQueue(Overflow::DropHead);
    s.components[3].queueType = QueueType::Quorum;
    Simulator sim = simulator(s);
    const auto trace = runTraced(sim, 120 * kMillisecond);
    const auto drops = only(trace, TraceKind::Drop);
    QCOMPARE(drops.size(), std::size_t{1});
    QCOMPARE(drops[0].message, 2u);  // the head; 1 went back behind 3
    QCOMPARE(sim.messages()[sim.queues()[0].ready.front()].serial, 1u);  // 3 was delivered
  }

  // Fanout: every subscription takes every message. Direct: an equal routing key. A binding with
  // several patterns takes a message that matches any of them once.
  void exchangeTypesAndSeveralBindings_data() {
    QTest::addColumn<ExchangeType>("type");
    QTest::addColumn<std::vector<std::string>>("bindings");
    QTest::addColumn<std::uint64_t>("taken");
    using Keys = std::vector<std::string>;
    // keys sent: eu.created, us.created, eu.cancelled, eu (25 each)
    QTest::newRow("fanout") << ExchangeType::Fanout << Keys{} << std::uint64_t{100};
    QTest::newRow("direct, one key") << ExchangeType::Direct << Keys{"eu"} << std::uint64_t{25};
    QTest::newRow("direct, two keys")
        << ExchangeType::Direct << Keys{"eu", "us.created"} << std::uint64_t{50};
    QTest::newRow("topic, overlapping patterns")
        << ExchangeType::Topic << Keys{"eu.*", "*.created"} << std::uint64_t{75};
  }
  void exchangeTypesAndSeveralBindings() {
    QFETCH(ExchangeType, type);
    QFETCH(std::vector<std::string>, bindings);
    QFETCH(std::uint64_t, taken);
    Scenario s = scenario(10 * kSecond);
    ComponentSpec events = topic("events");
    events.exchangeType = type;
    std::vector<ComponentSpec> senders;
    for (const char* key : {"eu.created", "us.created", "eu.cancelled", "eu"}) {
      ComponentSpec p = producer(std::string("p-") + key, "events", kMillisecond, 25);
      p.routingKey = std::vector<std::string>{key};
      s.components.push_back(p);
    }
    ComponentSpec sub = consumer("sub", "events", 0);
    if (!bindings.empty()) sub.binding = bindings;
    s.components.push_back(events);
    s.components.push_back(sub);
    Simulator sim = simulator(s);
    RUN(sim);
    QCOMPARE(sim.topics()[0].fannedOut, taken);  // one copy per message, however many match
    QCOMPARE(counters(sim).acked, taken);
  }

  // A channel close returns what the instance held the moment the close reaches the broker; an
  // ack sent before it gets through (one FIFO link). 10 messages every 100 ms, 1 s each, prefetch
  // 5, 10 ms links: the ack of message 2 is on its way (2.11 to 2.12 s) when the close is sent at
  // 2.115 s; the close arrives at 2.125 s.
  void aChannelCloseReturnsAtOnce() {
    Scenario s = scenario(60 * kSecond);
    ComponentSpec worker = consumer("worker", "jobs", kSecond, 1, 5);
    worker.latency = Distribution::constant(10 * kMillisecond);
    s.components = {producer("p", "jobs", 100 * kMillisecond, 10), queue("jobs"), worker};
    FaultSpec close;
    close.kind = FaultKind::Close;
    close.target = "worker#1";
    close.at = 2115 * kMillisecond;
    close.restartAfter = kSecond;
    s.faults = {close};
    Simulator sim = simulator(s);
    const auto trace = runTraced(sim, s.duration);
    QCOMPARE(only(trace, TraceKind::Close).size(), std::size_t{1});
    QCOMPARE(only(trace, TraceKind::Crash).size(), std::size_t{0});
    const auto requeued = only(trace, TraceKind::Requeue);
    // 3 in processing, 4 to 6 prefetched (7 would have followed the ack of 2)
    QCOMPARE(requeued.size(), std::size_t{4});
    for (const TraceRecord& r : requeued) {
      QCOMPARE(r.time, 2125 * kMillisecond);
      QVERIFY(r.message >= 3 && r.message <= 6);
    }
    QCOMPARE(counters(sim).acked, 10u);
    QCOMPARE(counters(sim).redelivered, 4u);  // not 2: its ack got through
    QCOMPARE(sim.consumers()[0].closes, 1u);
    QCOMPARE(sim.consumers()[0].crashes, 0u);
    QCOMPARE(sim.consumers()[0].requeuedAfterCrash, 4u);
  }
};

QTEST_APPLESS_MAIN(tst_RabbitMqSemantics)
#include "tst_rabbitmqsemantics.moc"
