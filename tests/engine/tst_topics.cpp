// Publish-subscribe topics: every matching subscription gets its own copy; a non-durable one misses
// what is published while its consumer is offline, a durable one keeps it.

#include "EngineFixtures.h"
#include "model/RoutingKey.h"

using namespace brokerlab;
using namespace brokerlab::fixtures;

class tst_Topics : public QObject {
  Q_OBJECT

 private slots:
  void everySubscriberGetsEveryMessage_data() {
    QTest::addColumn<int>("subscribers");
    QTest::addColumn<int>("messages");
    QTest::newRow("1 x 10") << 1 << 10;
    QTest::newRow("4 x 50") << 4 << 50;
    QTest::newRow("7 x 13") << 7 << 13;
  }
  void everySubscriberGetsEveryMessage() {
    QFETCH(int, subscribers);
    QFETCH(int, messages);
    Scenario s = scenario(60 * kSecond);
    s.components = {producer("p", "events", 10 * kMillisecond, std::uint64_t(messages)),
                    topic("events")};
    for (int i = 0; i < subscribers; ++i)
      s.components.push_back(consumer("service" + std::to_string(i), "events", kMillisecond));
    Simulator sim = simulator(s);
    RUN(sim);
    QCOMPARE(sim.topics()[0].published, std::uint64_t(messages));
    QCOMPARE(sim.topics()[0].fannedOut, std::uint64_t(messages * subscribers));
    for (int i = 0; i < subscribers; ++i)
      QCOMPARE(sim.consumers()[std::size_t(i)].processed, std::uint64_t(messages));
    QCOMPARE(outcome(sim, Outcome::FannedOut), std::uint64_t(messages));
    QCOMPARE(outcome(sim, Outcome::Acked), std::uint64_t(messages * subscribers));
    QCOMPARE(sim.ledger().copies, std::uint64_t(messages * subscribers));
    const std::string diff = sim.ledger().recount(sim.messages());
    QVERIFY2(diff.empty(), diff.c_str());
  }

  void offlineNonDurableSubscriptionsMissDurableOnesBuffer() {
    Scenario s = scenario(60 * kSecond);
    ComponentSpec transient = consumer("dashboard", "events", kMillisecond);
    ComponentSpec durable = consumer("audit", "events", kMillisecond);
    transient.join = durable.join = 5 * kSecond;
    durable.durable = true;
    s.components = {producer("p", "events", 100 * kMillisecond, 100), topic("events"), transient,
                    durable};
    Simulator sim = simulator(s);
    RUN_UNTIL(sim, 5 * kSecond - 1);
    QCOMPARE(sim.queues()[1].ready.size(), 49u);  // audit's subscription holds 0.1 s .. 4.9 s
    RUN(sim);
    QCOMPARE(sim.topics()[0].missed, 49u);
    QCOMPARE(sim.topics()[0].missedBySubscription, (std::vector<std::uint64_t>{49, 0}));
    QCOMPARE(sim.consumers()[0].processed, 51u);
    QCOMPARE(sim.consumers()[1].processed, 100u);
    QVERIFY(sim.ledger().balanced());
  }

  void leavingStopsTheSubscriptionAndMissesWhatFollows() {
    Scenario s = scenario(60 * kSecond);
    ComponentSpec sub = consumer("dashboard", "events", kMillisecond);
    sub.leave = 3 * kSecond;
    s.components = {producer("p", "events", 100 * kMillisecond, 50), topic("events"), sub};
    Simulator sim = simulator(s);
    RUN(sim);
    QCOMPARE(sim.consumers()[0].processed, 29u);  // 0.1 s .. 2.9 s
    QCOMPARE(sim.topics()[0].missed, 21u);
    QCOMPARE(sim.topics()[0].unrouted, 21u);
  }

  void bindingPatterns_data() {
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<QString>("key");
    QTest::addColumn<bool>("matches");
    QTest::newRow("exact") << "orders.eu"
                           << "orders.eu" << true;
    QTest::newRow("exact differs") << "orders.eu"
                                   << "orders.us" << false;
    QTest::newRow("star one word") << "orders.*"
                                   << "orders.eu" << true;
    QTest::newRow("star not two words") << "orders.*"
                                        << "orders.eu.west" << false;
    QTest::newRow("star not zero words") << "orders.*"
                                         << "orders" << false;
    QTest::newRow("hash two words") << "orders.#"
                                    << "orders.eu.west" << true;
    QTest::newRow("hash zero words") << "orders.#"
                                     << "orders" << true;
    QTest::newRow("hash alone") << "#"
                                << "anything.at.all" << true;
    QTest::newRow("hash in the middle") << "orders.#.paid"
                                        << "orders.eu.west.paid" << true;
    QTest::newRow("hash in the middle, zero") << "orders.#.paid"
                                              << "orders.paid" << true;
    QTest::newRow("leading star") << "*.eu"
                                  << "payments.eu" << true;
    QTest::newRow("leading star wrong") << "*.eu"
                                        << "payments.us" << false;
    QTest::newRow("empty key, hash") << "#"
                                     << "" << true;
  }
  void bindingPatterns() {
    QFETCH(QString, pattern);
    QFETCH(QString, key);
    QFETCH(bool, matches);
    QCOMPARE(bindingMatches(pattern.toStdString(), key.toStdString()), matches);
  }

  void routingKeysReachOnlyMatchingSubscriptions() {
    Scenario s = scenario(60 * kSecond);
    ComponentSpec p = producer("p", "events", 10 * kMillisecond, 400);
    p.routingKey = std::vector<std::string>{"orders.eu", "orders.us.west", "payments.eu", "orders"};
    ComponentSpec eu = consumer("eu", "events", kMillisecond),
                  orders = consumer("orders", "events", kMillisecond),
                  all = consumer("all", "events", kMillisecond),
                  none = consumer("none", "events", kMillisecond);
    eu.binding = std::vector<std::string>{"*.eu"};
    orders.binding = std::vector<std::string>{"orders.#"};
    all.binding = std::vector<std::string>{"#"};
    none.binding = std::vector<std::string>{"refunds.*"};
    s.components = {p, topic("events"), eu, orders, all, none};
    Simulator sim = simulator(s);
    RUN(sim);
    const auto& c = sim.consumers();
    QCOMPARE(c[2].processed, 400u);
    QCOMPARE(c[3].processed, 0u);
    // Keys are drawn uniformly: each of the four about 100 times.
    QVERIFY(c[0].processed > 150 && c[0].processed < 250);  // orders.eu + payments.eu
    QVERIFY(c[1].processed > 250 && c[1].processed < 350);  // three of the four keys
    QCOMPARE(sim.topics()[0].fannedOut, c[0].processed + c[1].processed + c[2].processed);
    QCOMPARE(sim.topics()[0].unrouted, 0u);
  }

  void aSubscriptionIsAQueueWithItsLimits() {
    Scenario s = scenario(10 * kSecond);
    ComponentSpec slow = consumer("slow", "events", kSecond);
    slow.maxLength = 5;
    slow.durable = true;
    s.components = {producer("p", "events", 10 * kMillisecond, 100), topic("events"), slow,
                    consumer("fast", "events", kMillisecond)};
    Simulator sim = simulator(s);
    RUN(sim);
    QCOMPARE(sim.consumers()[1].processed, 100u);
    // Arrivals end at 1 s, before the first message is done: one in service, the last five wait,
    // drop-head pushed out the other 94; the five are served by 6 s.
    QCOMPARE(sim.queues()[0].counters.dropped, 94u);
    QCOMPARE(sim.consumers()[0].processed, 6u);
    QVERIFY(sim.queues()[0].depth.max <= 5);
    QVERIFY(sim.ledger().balanced());
  }
};

QTEST_APPLESS_MAIN(tst_Topics)
#include "tst_topics.moc"
