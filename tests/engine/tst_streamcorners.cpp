// Stream behaviour that had no behavioural test: the rebalance pause, retention by size, records
// retention deleted before a group read them, and offset resets to earliest, latest and an offset
// (Kafka's consumer-group semantics, docs/broker-fidelity.md).

#include "EngineFixtures.h"

using namespace brokerlab;
using namespace brokerlab::fixtures;

class tst_StreamCorners : public QObject {
  Q_OBJECT

 private slots:
  // Nothing is consumed while the group rebalances: for rebalance_pause after the first member
  // joins at 0, and again after a second one joins at 10 s.
  void nothingIsConsumedDuringARebalance() {
    Scenario s = scenario(20 * kSecond);
    ComponentSpec a = member("a", "log", "g", kMillisecond);
    ComponentSpec b = member("b", "log", "g", kMillisecond);
    a.rebalancePause = b.rebalancePause = 2 * kSecond;
    b.join = 10 * kSecond;
    s.components = {producer("p", "log", 10 * kMillisecond, 0), stream("log", 2), a, b};
    Simulator sim = simulator(s);
    const auto trace = runTraced(sim, s.duration);
    std::size_t before = 0, paused = 0, after = 0;
    for (const TraceRecord& r : only(trace, TraceKind::Process)) {
      QVERIFY2(r.time >= 2 * kSecond, "processed during the first rebalance");
      if (r.time < 10 * kSecond) ++before;
      if (r.time >= 10 * kSecond && r.time < 12 * kSecond) ++paused;
      if (r.time >= 12 * kSecond) ++after;
    }
    QCOMPARE(paused, std::size_t{0});
    QVERIFY(before > 700 && after > 700);  // 100 a second, caught up after each pause
    QCOMPARE(sim.groups()[0].rebalances, 2u);
    QCOMPARE(only(trace, TraceKind::Rebalance).size(), std::size_t{2});
  }

  // retention_bytes: whole closed segments go, oldest first, while a partition exceeds it by a
  // segment. 100-byte records, ten to a 1000-byte segment, 3000 bytes kept: 30 to 40 records.
  // (With a day's retention the check runs every 5 minutes, as Kafka's.)
  void retentionBytesKeepsAPartitionSmall() {
    Scenario s = scenario(6 * 60 * kSecond);
    ComponentSpec p = producer("p", "log", 10 * kMillisecond, 1000);
    p.sizeBytes = 100;
    ComponentSpec log = stream("log", 1);
    log.segmentBytes = 1000;
    log.retentionBytes = 3000;
    log.retention = 24 * 3600 * kSecond;  // time never deletes here
    s.components = {p, log};
    Simulator sim = simulator(s);
    RUN_UNTIL(sim, 299 * kSecond);
    QCOMPARE(sim.streams()[0].deletedByRetention, 0u);  // not checked yet
    RUN(sim);
    const PartitionLog& l = sim.streams()[0].partitions[0];
    QCOMPARE(sim.streams()[0].appended, 1000u);
    QVERIFY2(l.records() >= 30 && l.records() <= 40, qPrintable(QString::number(l.records())));
    QCOMPARE(l.startOffset() % 10, 0u);
    QCOMPARE(sim.streams()[0].deletedByRetention, 1000 - l.records());
  }

  // A group too slow for the retention: what was deleted before it read it is skipped (counted),
  // never delivered; it goes on from the log's new start.
  void recordsDeletedBeforeAGroupReadThemAreSkipped() {
    Scenario s = scenario(20 * kSecond);
    ComponentSpec p = producer("p", "log", 10 * kMillisecond, 0);
    p.sizeBytes = 100;
    ComponentSpec log = stream("log", 1);
    log.segmentBytes = 1000;
    log.retention = kSecond;
    ComponentSpec slow = member("slow", "log", "g", 50 * kMillisecond);  // 20 of the 100 a second
    slow.prefetch = 1;
    s.components = {p, log, slow};
    Simulator sim = simulator(s);
    RUN(sim);
    const GroupState& g = sim.groups()[0];
    QVERIFY(g.skippedByRetention > 500);
    QVERIFY(g.processed > 300 && g.processed <= 400);  // 20 a second
    QVERIFY(g.processed + g.skippedByRetention <= sim.streams()[0].appended);
    QCOMPARE(g.duplicates, 0u);
  }

  // reset-offsets to earliest, latest or an offset, once a group has read all 100 records.
  void offsetResets_data() {
    QTest::addColumn<int>("to");
    QTest::addColumn<quint64>("offset");
    QTest::addColumn<quint64>("duplicates");
    QTest::newRow("earliest") << int(ActionSpec::To::Earliest) << 0ull << 100ull;
    QTest::newRow("latest") << int(ActionSpec::To::Latest) << 0ull << 0ull;
    QTest::newRow("offset 40") << int(ActionSpec::To::Offset) << 40ull << 60ull;
    QTest::newRow("offset beyond the end") << int(ActionSpec::To::Offset) << 500ull << 0ull;
  }
  void offsetResets() {
    QFETCH(int, to);
    QFETCH(quint64, offset);
    QFETCH(quint64, duplicates);
    Scenario s = scenario(20 * kSecond);
    s.components = {producer("p", "log", 10 * kMillisecond, 100), stream("log", 1),
                    member("m", "log", "g", kMillisecond)};
    // (aggregate initialisation: GCC 12 misreports assigning these strings one by one)
    const ActionSpec reset{5 * kSecond,
                           ActionKind::ResetOffsets,
                           std::string("log"),
                           std::string("g"),
                           static_cast<ActionSpec::To>(to),
                           offset,
                           0};
    s.actions = {reset};
    Simulator sim = simulator(s);
    RUN_UNTIL(sim, 4 * kSecond);
    QCOMPARE(sim.groups()[0].processed, 100u);
    RUN(sim);
    QCOMPARE(sim.groups()[0].duplicates, duplicates);
    QCOMPARE(sim.groups()[0].processed, 100 + duplicates);
    QCOMPARE(sim.groups()[0].partitions[0].committed, 100u);  // caught up again
  }
};

QTEST_APPLESS_MAIN(tst_StreamCorners)
#include "tst_streamcorners.moc"
