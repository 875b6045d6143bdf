// Event streams: partitioned logs, keyed partitioning, consumer groups with one owner per
// partition, independent groups, commits, rebalancing, retention and replay.

#include "EngineFixtures.h"

#include <map>
#include <set>

using namespace brokerlab;
using namespace brokerlab::fixtures;

namespace {

// Processed (group instance = component, partition) -> offsets in processing order, from the trace.
std::map<std::pair<std::uint32_t, std::uint32_t>, std::vector<std::uint64_t>> processedOffsets(
    const std::vector<TraceRecord>& trace) {
  std::map<std::pair<std::uint32_t, std::uint32_t>, std::vector<std::uint64_t>> out;
  for (const TraceRecord& r : only(trace, TraceKind::Complete))
    out[{r.component, r.partition}].push_back(static_cast<std::uint64_t>(r.aux));
  return out;
}

}  // namespace

class tst_Streams : public QObject {
  Q_OBJECT

 private slots:
  void keyedRecordsKeepTheirPartitionAndOrder() {
    Scenario s = scenario(30 * kSecond);
    ComponentSpec p = producer("p", "orders", 5 * kMillisecond, 2000);
    p.keys = 20;
    s.components = {p, stream("orders", 3),
                    member("billing", "orders", "billing", kMillisecond, 2)};
    Simulator sim = simulator(s);
    const auto trace = runTraced(sim, s.duration);
    // Every key lives in exactly one partition.
    std::map<std::uint32_t, std::set<std::uint32_t>> partitionsOfKey;
    const auto& logs = sim.streams()[0].partitions;
    std::uint64_t total = 0;
    for (std::uint32_t part = 0; part < logs.size(); ++part) {
      for (std::uint64_t o = logs[part].startOffset(); o < logs[part].endOffset(); ++o)
        partitionsOfKey[logs[part].at(o).key].insert(part);
      total += logs[part].records();
      QVERIFY(logs[part].records() > 0);
    }
    QCOMPARE(total, 2000u);
    QCOMPARE(partitionsOfKey.size(), std::size_t{20});
    for (const auto& [key, parts] : partitionsOfKey) QCOMPARE(parts.size(), std::size_t{1});
    // Within a partition the group processes offsets strictly in order, each once.
    for (const auto& [where, offsets] : processedOffsets(trace))
      for (std::size_t i = 1; i < offsets.size(); ++i) QCOMPARE(offsets[i], offsets[i - 1] + 1);
    QCOMPARE(sim.groups()[0].processed, 2000u);
    QCOMPARE(sim.groups()[0].duplicates, 0u);
  }

  void unkeyedRecordsGoRoundRobin() {
    Scenario s = scenario(10 * kSecond);
    s.components = {producer("p", "log", 10 * kMillisecond, 90), stream("log", 3)};
    Simulator sim = simulator(s);
    RUN(sim);
    for (const PartitionLog& log : sim.streams()[0].partitions) QCOMPARE(log.endOffset(), 30u);
  }

  void eachPartitionHasOneOwner_data() {
    QTest::addColumn<int>("assignment");
    QTest::addColumn<std::vector<std::uint32_t>>("owners");  // instance index per partition
    QTest::newRow("range 6 over 4")
        << int(Assignment::Range) << std::vector<std::uint32_t>{0, 0, 1, 1, 2, 3};
    QTest::newRow("round-robin 6 over 4")
        << int(Assignment::RoundRobin) << std::vector<std::uint32_t>{0, 1, 2, 3, 0, 1};
  }
  void eachPartitionHasOneOwner() {
    QFETCH(int, assignment);
    QFETCH(std::vector<std::uint32_t>, owners);
    Scenario s = scenario(10 * kSecond);
    ComponentSpec a = member("a", "log", "g", kMillisecond, 3),
                  b = member("b", "log", "g", kMillisecond, 1);
    a.assignment = b.assignment = Assignment(assignment);
    s.components = {producer("p", "log", 10 * kMillisecond, 0), stream("log", 6), a, b};
    Simulator sim = simulator(s);
    RUN(sim);
    std::vector<std::uint32_t> actual;
    for (const GroupPartition& gp : sim.groups()[0].partitions) actual.push_back(gp.owner);
    QCOMPARE(actual, owners);
  }

  void groupsReadIndependently() {
    Scenario s = scenario(60 * kSecond);
    ComponentSpec fast = member("fast", "orders", "analytics", kMillisecond),
                  slow = member("slow", "orders", "archive", 50 * kMillisecond);
    fast.commit = slow.commit = CommitMode::AfterProcessing;  // so that lag reads 0 once caught up
    s.components = {producer("p", "orders", 10 * kMillisecond, 1000), stream("orders", 2), fast,
                    slow};
    Simulator sim = simulator(s);
    RUN_UNTIL(sim, 10 * kSecond + 5 * kMillisecond);
    QCOMPARE(sim.groups()[0].processed, 1000u);
    QVERIFY(sim.groups()[1].processed < 300);  // 20 a second
    QVERIFY(sim.groups()[1].lag.value > 600);  // the slow group is far behind
    QCOMPARE(sim.groups()[0].lag.value, 0u);
    RUN(sim);
    QCOMPARE(sim.groups()[1].processed, 1000u);
    QCOMPARE(sim.groups()[1].lag.value, 0u);
    QCOMPARE(sim.streams()[0].appended, 1000u);  // reading removed nothing
    QCOMPARE(sim.streams()[0].partitions[0].records() + sim.streams()[0].partitions[1].records(),
             1000u);
  }

  void lagIsNeverNegative() {
    Scenario s = scenario(30 * kSecond);
    ComponentSpec p = producer("p", "orders", 0, 0);
    p.interarrival = Distribution::exponential(5 * kMillisecond);
    ComponentSpec g = member("g", "orders", "g", 0, 2);
    g.service = Distribution::exponential(9 * kMillisecond);
    g.commit = CommitMode::Auto;
    g.autoCommitInterval = kSecond;
    s.components = {p, stream("orders", 4), g};
    Simulator sim = simulator(s);
    StopReason why;
    while ((why = sim.runUntil(s.duration, 50)) == StopReason::EventBudget) {
      const GroupState& gs = sim.groups()[0];
      std::uint64_t lag = 0;
      for (std::size_t i = 0; i < gs.partitions.size(); ++i) {
        const std::uint64_t end = sim.streams()[0].partitions[i].endOffset();
        QVERIFY(gs.partitions[i].committed == kNoOffset || gs.partitions[i].committed <= end);
        lag += gs.partitions[i].committed == kNoOffset ? end : end - gs.partitions[i].committed;
      }
      QCOMPARE(gs.lag.value, lag);
    }
    QVERIFY2(why == StopReason::ReachedTime, stopText(sim).constData());
  }

  void joiningAndLeavingRebalance() {
    Scenario s = scenario(30 * kSecond);
    ComponentSpec a = member("a", "log", "g", kMillisecond),
                  b = member("b", "log", "g", kMillisecond);
    a.rebalancePause = b.rebalancePause = kSecond;
    b.join = 10 * kSecond;
    b.leave = 20 * kSecond;
    s.components = {producer("p", "log", 10 * kMillisecond, 0), stream("log", 4), a, b};
    Simulator sim = simulator(s);
    RUN_UNTIL(sim, 15 * kSecond);
    QCOMPARE(sim.groups()[0].rebalances, 2u);
    std::set<std::uint32_t> owners;
    for (const GroupPartition& gp : sim.groups()[0].partitions) owners.insert(gp.owner);
    QCOMPARE(owners, (std::set<std::uint32_t>{0, 1}));
    RUN(sim);
    QCOMPARE(sim.groups()[0].rebalances, 3u);
    for (const GroupPartition& gp : sim.groups()[0].partitions) QCOMPARE(gp.owner, 0u);
    // Nothing was consumed during the three one-second pauses; everything else was, once.
    QCOMPARE(sim.groups()[0].duplicates, 0u);
    QVERIFY(sim.groups()[0].processed >= sim.streams()[0].appended - 2);
  }

  void commitAfterProcessingKeepsUpAutoCommitTrails() {
    for (const CommitMode mode : {CommitMode::AfterProcessing, CommitMode::Auto}) {
      Scenario s = scenario(10 * kSecond + 505 * kMillisecond);
      ComponentSpec g = member("g", "log", "g", kMillisecond);
      g.commit = mode;
      g.autoCommitInterval = 2 * kSecond;
      s.components = {producer("p", "log", 10 * kMillisecond, 0), stream("log", 1), g};
      Simulator sim = simulator(s);
      RUN(sim);
      const std::uint64_t committed = sim.groups()[0].partitions[0].committed;
      const std::uint64_t end = sim.streams()[0].partitions[0].endOffset();
      if (mode == CommitMode::AfterProcessing) {
        QCOMPARE(committed, end);
      } else {
        // The commit at 10 s runs before the record appended at 10 s: 999 records (0.01 s .. 9.99
        // s).
        QCOMPARE(committed, 999u);
        QCOMPARE(end, 1050u);
      }
    }
  }

  void startPositionForANewGroup() {
    for (const StartPosition start : {StartPosition::Earliest, StartPosition::Latest}) {
      Scenario s = scenario(20 * kSecond);
      ComponentSpec g = member("late", "log", "g", kMillisecond);
      g.join = 10 * kSecond;
      g.startPosition = start;
      s.components = {producer("p", "log", 100 * kMillisecond, 150), stream("log", 1), g};
      Simulator sim = simulator(s);
      RUN(sim);
      // latest: from the end of the log at the assignment, which happens at 10 s just before the
      // record published at 10 s reaches the stream: 10.0 s .. 15.0 s.
      QCOMPARE(sim.groups()[0].processed, start == StartPosition::Earliest ? 150u : 51u);
    }
  }

  void retentionDeletesWholeOldSegments() {
    Scenario s = scenario(20 * kSecond);
    ComponentSpec p = producer("p", "log", 10 * kMillisecond, 0);
    p.sizeBytes = 100;
    ComponentSpec log = stream("log", 2);
    log.retention = 2 * kSecond;
    log.segmentBytes = 1000;  // ten records a segment
    s.components = {p, log};
    Simulator sim = simulator(s);
    RUN(sim);
    const StreamState& st = sim.streams()[0];
    QVERIFY(st.deletedByRetention > 1500);
    std::uint64_t retained = 0;
    for (const PartitionLog& l : st.partitions) {
      retained += l.records();
      QCOMPARE(l.startOffset() % 10, 0u);        // whole segments only
      QVERIFY(l.records() <= 2 * 100 + 2 * 10);  // about two seconds' worth, give or take a segment
    }
    QCOMPARE(st.appended, retained + st.deletedByRetention);
  }

  void replayReprocessesFromTheResetPoint() {
    Scenario s = scenario(20 * kSecond);
    s.components = {producer("p", "log", 10 * kMillisecond, 1000), stream("log", 2),
                    member("g", "log", "analytics", kMillisecond)};
    ActionSpec replay;
    replay.at = 15 * kSecond;
    replay.target = "log";
    replay.group = "analytics";
    replay.to = ActionSpec::To::Time;
    replay.time = 5 * kSecond;
    s.actions = {replay};
    Simulator sim = simulator(s);
    RUN_UNTIL(sim, 14 * kSecond);
    QCOMPARE(sim.groups()[0].processed, 1000u);
    RUN(sim);
    // Records appended at or after 5 s: 10 s' worth at 100 a second (the last at 10.0 s).
    QCOMPARE(sim.groups()[0].duplicates, 501u);
    QCOMPARE(sim.groups()[0].processed, 1501u);
    QCOMPARE(sim.groups()[0].rebalances, 2u);
  }

  // A reset applied live (the window's replay button) is the scenario's action at that time.
  void liveResetReplaysAsAScenarioAction() {
    Scenario s = scenario(20 * kSecond);
    s.components = {producer("p", "log", 10 * kMillisecond, 1000), stream("log", 2),
                    member("g", "log", "analytics", kMillisecond)};
    Simulator live = simulator(s);
    live.runUntil(15 * kSecond);
    ActionSpec replay;
    replay.target = "log";
    replay.group = "analytics";
    replay.to = ActionSpec::To::Time;
    replay.time = 5 * kSecond;
    QCOMPARE(QString::fromStdString(live.injectAction(replay)), QString());
    QCOMPARE(live.liveActions().size(), std::size_t{1});
    QCOMPARE(live.liveActions()[0].at, 15 * kSecond + 1);
    live.run();
    QCOMPARE(live.groups()[0].duplicates, 501u);

    s.actions = live.liveActions();
    Simulator again = simulator(s);
    again.run();
    QCOMPARE(again.traceHash(), live.traceHash());

    ActionSpec wrong = replay;
    wrong.group = "nobody";
    QVERIFY(!live.injectAction(wrong).empty());
  }

  void everyReadIsAccountedFor() {
    Scenario s = scenario(20 * kSecond);
    ComponentSpec p = producer("p", "log", 0, 0);
    p.interarrival = Distribution::exponential(4 * kMillisecond);
    p.keys = 50;
    p.keySkew = 1.1;
    ComponentSpec a = member("a", "log", "g1", 0, 2), b = member("b", "log", "g2", 0, 1);
    a.service = Distribution::exponential(3 * kMillisecond);
    b.service = Distribution::exponential(2 * kMillisecond);
    b.leave = 12 * kSecond;
    a.prefetch = 5;
    s.components = {p, stream("log", 5), a, b};
    Simulator sim = simulator(s);
    StopReason why;
    while ((why = sim.runUntil(s.duration, 101)) == StopReason::EventBudget) {
      const std::string diff = sim.ledger().recount(sim.messages());
      QVERIFY2(diff.empty(), diff.c_str());
    }
    QVERIFY2(why == StopReason::ReachedTime, stopText(sim).constData());
    QCOMPARE(sim.ledger().reads,
             sim.groups()[0].processed + sim.groups()[1].processed + sim.ledger().live());
  }
};

QTEST_APPLESS_MAIN(tst_Streams)
#include "tst_streams.moc"
