// The run's timeline: landing at an earlier moment from a checkpoint gives exactly the state of a
// straight run to it; live faults and resets happen again at their instants when the run is played
// forward after landing; undoing one takes it out of the present; checkpoints stay bounded.

#include "UiFixtures.h"
#include "controller/CheckpointStore.h"
#include "controller/SimulationController.h"
#include "model/ModelBuilder.h"
#include "timeline/TimeTicks.h"

#include <random>

using namespace brokerlab;
using namespace brokerlab::ui;
using namespace brokerlab::ui::testing;
using S = SimulationController::RunState;

namespace {
Simulator straightRun(const Scenario& s, SimTime to) {
  Model model = *buildModel(s).model;
  model.seriesEnvelopes = true;  // as the window builds it
  Simulator sim(std::make_shared<const Model>(std::move(model)));
  sim.runUntil(to);
  return sim;
}

FaultSpec crashOf(const std::string& target) {
  FaultSpec f;
  f.kind = FaultKind::Crash;
  f.target = target;
  f.restartAfter = 10 * kSecond;
  return f;
}
}  // namespace

class tst_Timeline : public QObject {
  Q_OBJECT

 private slots:
  void landingEqualsAStraightRun_data();
  void landingEqualsAStraightRun();
  void liveFaultHappensAgainAfterLanding();
  void savedLiveFaultReplaysTheRun();
  void undoingALiveFaultTakesItOutOfThePresent();
  void liveResetHappensAgain();
  void checkpointsStayBounded();
  void theAxisIsMarkedInClockSteps_data();
  void theAxisIsMarkedInClockSteps();
};

void tst_Timeline::landingEqualsAStraightRun_data() {
  QTest::addColumn<QString>("scenario");
  for (const QString& name :
       {QStringLiteral("work-queue"), QStringLiteral("consumer-crash-manual-ack"),
        QStringLiteral("stream-replay"), QStringLiteral("async-request-reply"),
        QStringLiteral("broker-restart-durability"), QStringLiteral("scale-out")})
    QTest::newRow(qPrintable(name)) << name;
}

void tst_Timeline::landingEqualsAStraightRun() {
  QFETCH(QString, scenario);
  const Scenario s = loadBundled(scenario);
  SimulationController c;
  c.load(s);
  c.setFastForward(true);
  runTo(c, c.model()->duration);
  QCOMPARE(c.state(), S::Finished);
  std::mt19937_64 pick(42);  // the test's own choice of moments, not the simulation's
  for (int i = 0; i < 8; ++i) {
    const SimTime t =
        static_cast<SimTime>(pick() % static_cast<std::uint64_t>(c.model()->duration));
    c.seek(t);
    QCOMPARE(c.simulator().now(), t);
    Simulator expected = straightRun(s, t);
    Simulator landed = c.simulator();
    landed.trace().setCapturing(false);
    QVERIFY2(landed == expected, qPrintable(QStringLiteral("landing at %1 ns differs").arg(t)));
  }
  // And forward again from a landing: the same end.
  c.seek(c.model()->duration / 3);
  c.setFastForward(false);
  runTo(c, c.model()->duration);
  QCOMPARE(hex(c.simulator().traceHash()), cliTraceHash(scenarioPath(scenario)));
}

void tst_Timeline::liveFaultHappensAgainAfterLanding() {
  SimulationController c;
  c.load(loadBundled(QStringLiteral("work-queue")));
  runTo(c, 20 * kSecond);
  FaultSpec applied;
  QCOMPARE(c.applyFault(crashOf("workers#2"), &applied), QString());
  QVERIFY(applied.at > 20 * kSecond && applied.at < 20 * kSecond + kMillisecond);
  runTo(c, 45 * kSecond);
  Simulator afterFault = c.simulator();
  QCOMPARE(afterFault.consumers()[0].crashes, std::uint64_t{1});
  c.seek(10 * kSecond);  // before the crash
  QCOMPARE(c.simulator().consumers()[0].crashes, std::uint64_t{0});
  runTo(c, 45 * kSecond);
  Simulator again = c.simulator();
  again.trace().setCapturing(afterFault.trace().capturing());
  QCOMPARE(again.consumers()[0].crashes, std::uint64_t{1});
  QCOMPARE(again.traceHash(), afterFault.traceHash());
  QVERIFY(again == afterFault);
}

void tst_Timeline::savedLiveFaultReplaysTheRun() {
  Scenario s = loadBundled(QStringLiteral("consumer-crash-auto-ack"));
  SimulationController c;
  c.load(s);
  playTo(c, 30 * kSecond, 10);
  for (int i = 0; i < 5; ++i) c.step();  // stopped in the middle of an instant's events
  FaultSpec applied;
  QCOMPARE(c.applyFault(crashOf("workers#1"), &applied), QString());
  runTo(c, c.model()->duration);
  s.faults.push_back(applied);  // what saving writes
  SimulationController replay;
  replay.load(s);
  runTo(replay, replay.model()->duration);
  QCOMPARE(replay.simulator().traceHash(), c.simulator().traceHash());
}

void tst_Timeline::undoingALiveFaultTakesItOutOfThePresent() {
  const Scenario s = loadBundled(QStringLiteral("work-queue"));
  SimulationController c;
  c.load(s);
  playTo(c, 15 * kSecond, 5);
  FaultSpec applied;
  QCOMPARE(c.applyFault(crashOf("workers#1"), &applied), QString());
  runTo(c, 40 * kSecond);
  QCOMPARE(c.simulator().consumers()[0].crashes, std::uint64_t{1});
  c.setLiveChanges({});  // undo
  QCOMPARE(c.simulator().now(), 40 * kSecond);
  QCOMPARE(c.simulator().consumers()[0].crashes, std::uint64_t{0});
  Simulator now = c.simulator();
  now.trace().setCapturing(false);
  QVERIFY(now == straightRun(s, 40 * kSecond));
  c.setLiveChanges({LiveChange{applied, std::nullopt}});  // redo
  QCOMPARE(c.simulator().consumers()[0].crashes, std::uint64_t{1});
}

void tst_Timeline::liveResetHappensAgain() {
  SimulationController c;
  c.load(loadBundled(QStringLiteral("order-events-stream")));
  playTo(c, 50 * kSecond, 20);
  ActionSpec reset;
  reset.target = "order-events";
  reset.group = c.model()->groups[0].name;
  reset.to = ActionSpec::To::Earliest;
  ActionSpec applied;
  QCOMPARE(c.applyAction(reset, &applied), QString());
  runTo(c, 90 * kSecond);
  const std::uint64_t duplicates = c.simulator().groups()[0].duplicates;
  QVERIFY(duplicates > 0);
  c.seek(5 * kSecond);
  runTo(c, 90 * kSecond);
  QCOMPARE(c.simulator().groups()[0].duplicates, duplicates);
}

void tst_Timeline::checkpointsStayBounded() {
  SimulationController c;
  c.load(loadBundled(QStringLiteral("mm1")));
  c.setFastForward(true);
  runTo(c, c.model()->duration);
  const CheckpointStore& store = c.timeline().checkpoints();
  QVERIFY(store.count() >= 2);
  QVERIFY(store.count() <= CheckpointStore::kMaxCheckpoints);
  QVERIFY(store.bytes() <= CheckpointStore::kBudgetBytes);
  // Spread over the run: the last one in its final stretch of two spacings.
  QVERIFY(c.simulator().eventsProcessed() -
              store.latestAtOrBefore(c.model()->duration).eventsProcessed() <=
          2 * store.spacingEvents() + c.simulator().stateBytes());
}

QTEST_MAIN(tst_Timeline)
// At most eight steps, each one a clock reads at a glance: a five-hour run (mmc) was marked at
// 0:00, 1:23:20, 2:46:40 and 4:10:00, steps of 5,000 s; a 90-second one every 20 s.
void tst_Timeline::theAxisIsMarkedInClockSteps_data() {
  QTest::addColumn<SimTime>("length");
  QTest::addColumn<SimTime>("step");
  QTest::addColumn<QString>("second");  // the label of the second tick
  QTest::newRow("100 ms") << 100 * kMillisecond << 20 * kMillisecond << "0:00.020";
  QTest::newRow("5 s") << 5 * kSecond << kSecond << "0:01";
  QTest::newRow("1 min") << kMinute << 10 * kSecond << "0:10";
  QTest::newRow("90 s") << 90 * kSecond << 15 * kSecond << "0:15";
  QTest::newRow("3 min") << 3 * kMinute << 30 * kSecond << "0:30";
  QTest::newRow("1 h") << 60 * kMinute << 10 * kMinute << "0:10:00";
  QTest::newRow("2 h") << 120 * kMinute << 15 * kMinute << "0:15:00";
  QTest::newRow("5 h") << 300 * kMinute << 60 * kMinute << "1:00:00";
  QTest::newRow("3 days") << 72 * 60 * kMinute << 12 * 60 * kMinute << "12:00:00";
  QTest::newRow("30 days") << 720 * 60 * kMinute << 5 * 24 * 60 * kMinute << "120:00:00";
}

void tst_Timeline::theAxisIsMarkedInClockSteps() {
  QFETCH(SimTime, length);
  QFETCH(SimTime, step);
  QFETCH(QString, second);
  QCOMPARE(tickStep(length, 8), step);
  QVERIFY(length / step <= 8);
  QCOMPARE(tickLabel(step, step, length), second);
  // The first and the last label in the form of the others.
  const QString zero = length >= 60 * kMinute ? QStringLiteral("0:00:00")
                       : step < kSecond       ? QStringLiteral("0:00.000")
                                              : QStringLiteral("0:00");
  QCOMPARE(tickLabel(0, step, length), zero);
  QCOMPARE(tickLabel(length, step, length).count(QLatin1Char(':')), zero.count(QLatin1Char(':')));
}

#include "tst_timeline.moc"
