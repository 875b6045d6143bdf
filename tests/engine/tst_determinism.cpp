// Same scenario + same seed = the same run, bit for bit: pinned fingerprints of the bundled
// scenarios, repeatability, seeds that matter, and checkpoints (a copied simulator) that run on
// identically. A deliberate change in behaviour updates the pinned hashes in the same commit.

#include "EngineFixtures.h"
#include "scenario/ScenarioFile.h"
#include "sim/JobLedger.h"

#include <QDir>

#include <algorithm>
#include <iterator>

using namespace brokerlab;
using namespace brokerlab::fixtures;

namespace {

// Regenerate after a deliberate change in behaviour: `brokerlab-cli run FILE --json` prints
// trace_hash and events.
struct Fingerprint {
  const char* file;
  const char* hash;
  std::uint64_t events;
};
constexpr Fingerprint kFingerprints[] = {
    {"work-queue.json", "e2c4f076597b7538", 6069},
    {"traffic-spike.json", "7f63c09499de01d6", 7502},
    {"poison-dead-letter.json", "6dca1e75b7ae5bb5", 7694},
    {"overflow-policies.json", "9647acb3e611cfd4", 14066},
    {"mm1.json", "20d6bb21de48a0aa", 1442349},
    {"mmc.json", "49f5142a4b82bc49", 2158862},
    {"fanout-notifications.json", "2175947954c6fad3", 3479},
    {"order-events-stream.json", "1bda5485c56b36ca", 20708},
    {"stream-replay.json", "89fe4b4a0693da3d", 12034},
    {"queue-vs-topic-vs-stream.json", "ef4507fb30de1743", 14423},
    {"async-request-reply.json", "a74b070d03cfc16b", 1896},
    {"polling-vs-webhook.json", "8873b52e4931f5f5", 6253},
    {"push-alternatives.json", "a864ec0bce4ee2e9", 1803},
    {"poll-storm.json", "5899cae73c2cad78", 108481},
    {"failed-and-unknown-jobs.json", "4a2a058847da8d0f", 9482},
    {"consumer-crash-manual-ack.json", "0a2b3e8e461dba8d", 9819},
    {"consumer-crash-auto-ack.json", "db264224cf995db3", 7797},
    {"spike-and-drain.json", "5b1abda5b57a2e54", 33296},
    {"scale-out.json", "04755a969f4076fb", 21984},
    {"stream-consumer-crash.json", "44ad8d23971e725f", 28744},
    {"broker-restart-durability.json", "9bd64b49326e7f4a", 14025},
};

}  // namespace

class tst_Determinism : public QObject {
  Q_OBJECT

 private slots:
  void bundledScenariosKeepTheirFingerprints_data() {
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("fingerprint");
    QTest::addColumn<quint64>("events");
    for (const Fingerprint& f : kFingerprints)
      QTest::newRow(f.file) << QString(f.file) << QString(f.hash) << quint64(f.events);
  }
  void bundledScenariosKeepTheirFingerprints() {
    QFETCH(QString, file);
    QFETCH(QString, fingerprint);
    QFETCH(quint64, events);
    Simulator sim = bundled(file);
    QVERIFY2(sim.run() == StopReason::ReachedTime, sim.violation().c_str());
    QCOMPARE(hex(sim.traceHash()), fingerprint);
    QCOMPARE(quint64(sim.eventsProcessed()), events);
    // Nothing silently lost: the ledger balances and agrees with the messages themselves.
    const std::string diff = sim.ledger().recount(sim.messages());
    QVERIFY2(diff.empty(), diff.c_str());
    // And every request-reply job is in exactly one state on each side.
    const std::string jobs = checkJobs(sim);
    QVERIFY2(jobs.empty(), jobs.c_str());
  }

  void everyBundledScenarioHasAFingerprint() {
    const QStringList files = QDir(QStringLiteral(BROKERLAB_SOURCE_DIR "/scenarios"))
                                  .entryList({"*.json"}, QDir::Files, QDir::Name);
    int scenarios = 0;
    for (const QString& f : files) {
      ++scenarios;
      const bool pinned = std::any_of(std::begin(kFingerprints), std::end(kFingerprints),
                                      [&](const Fingerprint& p) { return f == p.file; });
      QVERIFY2(pinned, qPrintable(f + " has no pinned fingerprint"));
    }
    QVERIFY(scenarios >= 10);
  }

  void sameSeedSameRunDifferentSeedDifferentRun() {
    Simulator a = bundled("work-queue.json", 7), b = bundled("work-queue.json", 7),
              c = bundled("work-queue.json", 8);
    RUN(a);
    RUN(b);
    RUN(c);
    QCOMPARE(a.traceHash(), b.traceHash());
    QVERIFY(a == b);
    QVERIFY(a.traceHash() != c.traceHash());
  }

  void aCheckpointRunsOnIdentically_data() {
    QTest::addColumn<QString>("file");
    QTest::newRow("queue with dead letters") << "poison-dead-letter.json";
    QTest::newRow("topic, queue and streams") << "queue-vs-topic-vs-stream.json";
    QTest::newRow("stream replay") << "stream-replay.json";
  }
  void aCheckpointRunsOnIdentically() {
    QFETCH(QString, file);
    Simulator sim = bundled(file);
    RUN_UNTIL(sim, 40 * kSecond);
    const Simulator checkpoint = sim;  // a plain copy is the whole state
    QVERIFY(checkpoint == sim);
    RUN(sim);
    Simulator resumed = checkpoint;
    RUN(resumed);
    QCOMPARE(resumed.traceHash(), sim.traceHash());
    QVERIFY(resumed == sim);
  }

  void steppingInBudgetsAndCapturingTheTraceChangeNothing() {
    Simulator whole = bundled("traffic-spike.json");
    RUN(whole);
    Simulator stepped = bundled("traffic-spike.json");
    stepped.trace().setCapturing(true);
    stepped.trace().setCapacity(1000);
    std::vector<TraceRecord> records;
    for (StopReason why;
         (why = stepped.runUntil(stepped.model().duration, 333)) != StopReason::ReachedTime;) {
      QVERIFY2(why == StopReason::EventBudget || why == StopReason::TraceFull,
               stopText(stepped).constData());
      stepped.trace().pull(records, 500);
    }
    stepped.trace().pull(records, stepped.trace().size());
    QCOMPARE(stepped.traceHash(), whole.traceHash());
    QCOMPARE(stepped.eventsProcessed(), whole.eventsProcessed());
    TraceHash rehash;
    for (const TraceRecord& r : records) rehash.add(r);
    QCOMPARE(rehash.value(), whole.traceHash());  // the captured records are the whole trace
  }

  // The run loop's look-ahead (prefetches for the events ahead, Simulator::lookAhead) is on only
  // for models too large for a core's cache; forced on for the bundled ones (their faults, topics,
  // streams and request-reply among them) it must change nothing: the same state, bit for bit.
  // (Under AddressSanitizer this also checks every line it reads on the way.)
  void lookingAheadChangesNothing_data() {
    QTest::addColumn<QString>("file");
    for (const Fingerprint& f : kFingerprints)
      if (f.events < 200'000) QTest::newRow(f.file) << QString(f.file);
  }
  void lookingAheadChangesNothing() {
    QFETCH(QString, file);
    Simulator plain = bundled(file);
    QVERIFY(!plain.looksAhead());
    Simulator ahead = bundled(file);
    ahead.setLookAhead(true);
    QCOMPARE(plain.run(), StopReason::ReachedTime);
    QCOMPARE(ahead.run(), StopReason::ReachedTime);
    QCOMPARE(hex(ahead.traceHash()), hex(plain.traceHash()));
    QVERIFY(ahead == plain);
  }

  // Which models look ahead: a thousand or more M/M/1 trios (about 1 MiB of what the handlers
  // read), not a few.
  void largeModelsLookAhead() {
    const auto trios = [](int n) {
      Scenario s = scenario(kSecond);
      for (int i = 0; i < n; ++i) {
        const std::string q = "q" + std::to_string(i);
        s.components.push_back(producer("p" + std::to_string(i), q, kSecond, 0));
        s.components.push_back(queue(q));
        s.components.push_back(consumer("c" + std::to_string(i), q, kMillisecond));
      }
      return s;
    };
    QVERIFY(!simulator(trios(10)).looksAhead());
    QVERIFY(simulator(trios(2000)).looksAhead());
  }

  // Latencies reach their histograms in batches (sim/LatencyLog.h): whenever runUntil returns,
  // every delivery so far has its wait recorded, however the run was cut into steps.
  void latenciesAreCompleteWheneverARunReturns() {
    Scenario s = scenario(30 * kSecond);  // 30,000 messages, random waits
    s.components = {producer("p", "q", kMillisecond, 0), queue("q"), consumer("c", "q", 0, 1, 10)};
    s.components[2].service = Distribution::exponential(900 * kMicrosecond);
    Simulator whole = simulator(s);
    RUN(whole);
    QVERIFY(whole.queues()[0].counters.delivered > 2 * LatencyLog::kBatch);  // flushed mid-run too
    Simulator stepped = simulator(s);
    int steps = 0;
    for (StopReason why;
         (why = stepped.runUntil(stepped.model().duration, 777)) != StopReason::ReachedTime;) {
      QVERIFY2(why == StopReason::EventBudget, stopText(stepped).constData());
      ++steps;
      QCOMPARE(stepped.queueMetrics()[0].wait.count(), stepped.queues()[0].counters.delivered);
    }
    QVERIFY(steps > 10);
    QCOMPARE(whole.queueMetrics()[0].wait.count(), whole.queues()[0].counters.delivered);
    QVERIFY(stepped == whole);  // histograms included: same values, whatever the batches were
  }
};

QTEST_APPLESS_MAIN(tst_Determinism)
#include "tst_determinism.moc"
