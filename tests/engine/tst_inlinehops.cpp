// A zero-delay hop that would be the very next event runs inside the event that causes it
// (Simulator::claimInline) only where nothing can tell: the same trace, events and state as when
// every hop is an event of its own, which is how it runs while invariants are checked (as the
// other engine tests always do) or the trace is captured (as the window always does). A run's event
// budget still stops it after the same events.

#include "EngineFixtures.h"

#include <QDir>

using namespace brokerlab;
using namespace brokerlab::fixtures;

namespace {

// The long bundled runs (mm1, mmc: millions of events) are cut here, in both runs alike.
constexpr SimTime kAtMost = 10 * kMinute;

SimTime endOf(const Simulator& sim) {
  return std::min(sim.model().duration, kAtMost);
}

// A bundled scenario with links that take no time (the network's default is 1 ms): every publish
// reaches the broker, and every ack the queue, at the moment it is sent, the hops that can run
// inline. Its faults, crashes, nacks, topics, streams and request-reply stay as they are.
Scenario withoutLatency(const QString& file) {
  Scenario s = bundledScenario(file);
  s.networkLatency = Distribution::constant(0);
  for (ComponentSpec& c : s.components) c.latency.reset();
  return s;
}

// Invariants checked: every hop an event of its own.
Simulator checkedRun(const QString& file, std::uint64_t seed) {
  return simulator(withoutLatency(file), seed);
}

// Invariants not checked, as the command line runs: hops may run inline.
Simulator inlineRun(const QString& file, std::uint64_t seed) {
  Simulator sim = checkedRun(file, seed);
  sim.setInvariantChecks(false);
  return sim;
}

}  // namespace

class tst_InlineHops : public QObject {
  Q_OBJECT

  int inlinedSomewhere_ = 0;
  int stoppedByALimit_ = 0;

 private slots:
  void aRunIsTheSameWithItsHopsInline_data() {
    QTest::addColumn<QString>("file");
    QTest::addColumn<quint64>("seed");
    const QStringList files = QDir(QStringLiteral(BROKERLAB_SOURCE_DIR "/scenarios"))
                                  .entryList({"*.json"}, QDir::Files, QDir::Name);
    QVERIFY(files.size() >= 20);
    for (const QString& f : files)
      for (const quint64 seed : {1, 6})
        QTest::addRow("%s seed %llu", qPrintable(f), seed) << f << seed;
  }
  void aRunIsTheSameWithItsHopsInline() {
    QFETCH(QString, file);
    QFETCH(quint64, seed);
    Simulator checked = checkedRun(file, seed);
    Simulator inlined = inlineRun(file, seed);
    RUN_UNTIL(checked, endOf(checked));
    RUN_UNTIL(inlined, endOf(inlined));
    QCOMPARE(checked.eventsRunInline(), quint64(0));
    QCOMPARE(hex(inlined.traceHash()), hex(checked.traceHash()));
    QCOMPARE(inlined.eventsProcessed(), checked.eventsProcessed());
    QVERIFY(inlined == checked);  // every bit of the state, the pending events among it
    inlinedSomewhere_ += inlined.eventsRunInline() > 0;
  }
  // Most of them had hops to run inline (request-reply's clients publish no messages).
  void mostScenariosHadHopsInline() {
    QVERIFY2(inlinedSomewhere_ >= 30, qPrintable(QString::number(inlinedSomewhere_)));
  }

  // A run limit reached within an event (a topic's copies, say) stops the run before the next
  // event: a hop claimed inline before the count grew must not run either, in either run.
  void aLimitStopsBothRunsAtTheSameEvent_data() { aRunIsTheSameWithItsHopsInline_data(); }
  void aLimitStopsBothRunsAtTheSameEvent() {
    QFETCH(QString, file);
    QFETCH(quint64, seed);
    RunLimits limits;
    limits.liveMessages = 12;
    limits.retainedRecords = 200;
    limits.jobs = 40;
    limits.liveRequests = 6;
    Simulator checked = checkedRun(file, seed);
    Simulator inlined = inlineRun(file, seed);
    checked.setLimits(limits);
    inlined.setLimits(limits);
    const StopReason why = checked.runUntil(endOf(checked));
    QCOMPARE(inlined.runUntil(endOf(inlined)), why);
    QCOMPARE(inlined.limitReached(), checked.limitReached());
    QCOMPARE(inlined.eventsProcessed(), checked.eventsProcessed());
    QVERIFY(inlined == checked);
    stoppedByALimit_ += why == StopReason::LimitReached;
  }
  // The sharpest case: a topic's first copy is delivered (its arrival claimed inline), and a later
  // copy of the same publish brings the live count to its limit. Every limit from 3 to 60 in two
  // scenarios with topics, so that some publish's copies cross it.
  void aLimitReachedWithinAFanOut() {
    int stopped = 0;
    for (const char* file : {"fanout-notifications.json", "queue-vs-topic-vs-stream.json"}) {
      for (std::uint64_t live = 3; live <= 60; ++live) {
        RunLimits limits;
        limits.liveMessages = live;
        Simulator checked = checkedRun(file, 1);
        Simulator inlined = inlineRun(file, 1);
        checked.setLimits(limits);
        inlined.setLimits(limits);
        const StopReason why = checked.runUntil(endOf(checked));
        stopped += why == StopReason::LimitReached;
        QCOMPARE(inlined.runUntil(endOf(inlined)), why);
        QCOMPARE(inlined.eventsProcessed(), checked.eventsProcessed());
        QVERIFY2(inlined == checked,
                 qPrintable(QStringLiteral("%1, limit %2").arg(file).arg(live)));
      }
    }
    QVERIFY2(stopped >= 60, qPrintable(QString::number(stopped)));
  }
  void mostScenariosReachedALimit() {
    QVERIFY2(stoppedByALimit_ >= 30, qPrintable(QString::number(stoppedByALimit_)));
  }

  // Where producers publish over links without latency and consumers ack, three of a message's
  // five events can run inline: its arrival at the broker, its arrival at the instance it is
  // delivered to, and the ack; the rest are the publish and the end of the service, which take
  // time.
  void aWorkQueuesHopsRunInline() {
    Simulator sim = inlineRun("work-queue.json", 1);
    RUN(sim);
    const std::uint64_t published = sim.ledger().published;
    QVERIFY(published > 1000);
    const std::uint64_t inlined = sim.eventsRunInline();
    QVERIFY2(inlined > 2 * published && inlined <= 3 * published,
             qPrintable(QStringLiteral("%1 of %2 messages").arg(inlined).arg(published)));
  }

  // The window captures the trace and steps by events: it sees every hop as an event of its own.
  void noHopRunsInlineWhileTheTraceIsCaptured() {
    Simulator sim = inlineRun("work-queue.json", 1);
    sim.trace().setCapturing(true);
    std::vector<TraceRecord> records;
    for (StopReason why; (why = sim.runUntil(sim.model().duration)) != StopReason::ReachedTime;) {
      QCOMPARE(why, StopReason::TraceFull);
      sim.trace().pull(records, sim.trace().size());
    }
    QCOMPARE(sim.eventsRunInline(), quint64(0));
  }

  // A budget of N events stops a run after N, inline hops counted: steps of a few events land
  // where steps of every hop as an event land, and end in the same run.
  void budgetsStopAfterTheSameEvents_data() {
    QTest::addColumn<quint64>("budget");
    QTest::newRow("2") << quint64(2);
    QTest::newRow("3") << quint64(3);
    QTest::newRow("7") << quint64(7);
    QTest::newRow("1000") << quint64(1000);
  }
  void budgetsStopAfterTheSameEvents() {
    QFETCH(quint64, budget);
    Simulator whole = checkedRun("poison-dead-letter.json", 1);  // acks, nacks, dead letters
    RUN(whole);
    Simulator stepped = inlineRun("poison-dead-letter.json", 1);
    Simulator checked = checkedRun("poison-dead-letter.json", 1);
    for (;;) {
      const std::uint64_t before = stepped.eventsProcessed();
      const StopReason why = stepped.runUntil(stepped.model().duration, budget);
      QCOMPARE(checked.runUntil(checked.model().duration, budget), why);
      QVERIFY(stepped == checked);
      if (why == StopReason::ReachedTime) break;
      QCOMPARE(why, StopReason::EventBudget);
      QCOMPARE(stepped.eventsProcessed() - before, budget);
    }
    QVERIFY(stepped.eventsRunInline() > 0);
    QCOMPARE(hex(stepped.traceHash()), hex(whole.traceHash()));
    QCOMPARE(stepped.eventsProcessed(), whole.eventsProcessed());
  }
};

QTEST_APPLESS_MAIN(tst_InlineHops)
#include "tst_inlinehops.moc"
