// The simulation controller as the window drives it: frames advance the clock by wall time x
// speed, pause holds it, step runs exactly one event, fast-forward and run-until keep the state
// true without records, restart goes back to the same run, and a run in the window has the CLI's
// trace hash.

#include "UiFixtures.h"
#include "controller/SimulationController.h"

#include <QSignalSpy>

using namespace brokerlab;
using namespace brokerlab::ui;
using namespace brokerlab::ui::testing;
using S = SimulationController::RunState;

class tst_Controller : public QObject {
  Q_OBJECT

 private slots:
  void loadsPaused();
  void frameAdvancesByWallTimeTimesSpeed();
  void pauseHoldsTheClock();
  void stepRunsExactlyOneEvent_data();
  void stepRunsExactlyOneEvent();
  void fastForwardCapturesNoRecordsButState();
  void runUntilStopsThereAndPauses();
  void animatedRunUntilKeepsRecords();
  void restartGivesTheSameRun();
  void windowHashEqualsCli_data();
  void windowHashEqualsCli();
  void frameBudgetHoldsAtTopSpeed();
  void anUnbudgetedFrameRunsAllItIsDue();
  void oneSignalPerFrame();
};

void tst_Controller::loadsPaused() {
  SimulationController c;
  QCOMPARE(c.state(), S::Empty);
  QVERIFY(c.load(loadBundled(QStringLiteral("work-queue"))).isEmpty());
  QCOMPARE(c.state(), S::Paused);
  QCOMPARE(c.simulator().now(), SimTime{0});
  QCOMPARE(c.simulator().eventsProcessed(), std::uint64_t{0});
}

void tst_Controller::frameAdvancesByWallTimeTimesSpeed() {
  SimulationController c;
  c.load(loadBundled(QStringLiteral("work-queue")));
  c.setSpeed(2);
  c.play();
  c.advanceFrame(0.25);
  QCOMPARE(c.simulator().now(), SimTime{500 * kMillisecond});
  c.setSpeed(0.01);
  c.advanceFrame(0.5);
  QCOMPARE(c.simulator().now(), SimTime{505 * kMillisecond});
  QVERIFY(!c.speedLimited());
  QCOMPARE(c.state(), S::Playing);
}

void tst_Controller::pauseHoldsTheClock() {
  SimulationController c;
  c.load(loadBundled(QStringLiteral("work-queue")));
  playTo(c, 3 * kSecond);
  const SimTime at = c.simulator().now();
  const std::uint64_t events = c.simulator().eventsProcessed();
  QCOMPARE(c.state(), S::Paused);
  for (int i = 0; i < 30; ++i) c.advanceFrame(1.0 / 60);
  QCOMPARE(c.simulator().now(), at);
  QCOMPARE(c.simulator().eventsProcessed(), events);
  QVERIFY(c.frameRecords().empty());
  QCOMPARE(c.animationSeconds(), 0.0);
}

void tst_Controller::stepRunsExactlyOneEvent_data() {
  QTest::addColumn<QString>("scenario");
  for (const QString& name :
       {QStringLiteral("work-queue"), QStringLiteral("async-request-reply"),
        QStringLiteral("order-events-stream"), QStringLiteral("fanout-notifications")})
    QTest::newRow(qPrintable(name)) << name;
}

void tst_Controller::stepRunsExactlyOneEvent() {
  QFETCH(QString, scenario);
  SimulationController c;
  c.load(loadBundled(scenario));
  playTo(c, 2 * kSecond);
  Simulator reference = c.simulator();  // a copy: what one more event does, the engine's way
  reference.trace().setCapturing(true);
  for (int i = 0; i < 25; ++i) {
    const std::uint64_t before = c.simulator().eventsProcessed();
    c.step();
    QCOMPARE(c.simulator().eventsProcessed(), before + 1);
    reference.runUntil(reference.model().duration, 1);
    std::vector<TraceRecord> expected;
    reference.trace().pull(expected, reference.trace().size());
    QCOMPARE(c.frameRecords(), expected);
    QCOMPARE(c.simulator().now(), reference.now());
    QCOMPARE(c.state(), S::Paused);
  }
  QCOMPARE(c.simulator().traceHash(), reference.traceHash());
}

void tst_Controller::fastForwardCapturesNoRecordsButState() {
  SimulationController c;
  c.load(loadBundled(QStringLiteral("traffic-spike")));
  c.setFastForward(true);
  c.play();
  c.advanceFrame(1.0 / 60);
  QVERIFY(c.simulator().eventsProcessed() > 0);
  QVERIFY(c.frameRecords().empty());
  QVERIFY(!c.recordsComplete());
  c.setFastForward(false);
  c.advanceFrame(1.0 / 60);
  QVERIFY(c.recordsComplete());
}

void tst_Controller::runUntilStopsThereAndPauses() {
  SimulationController c;
  c.load(loadBundled(QStringLiteral("work-queue")));
  c.runUntil(37 * kSecond + 250 * kMillisecond);
  for (int i = 0; i < 10000 && c.state() == S::Playing; ++i) c.advanceFrame(1.0 / 60);
  QCOMPARE(c.state(), S::Paused);
  QCOMPARE(c.simulator().now(), SimTime{37 * kSecond + 250 * kMillisecond});
  // Past the end: it stops at the end, finished.
  c.runUntil(10 * kHour);
  for (int i = 0; i < 10000 && c.state() == S::Playing; ++i) c.advanceFrame(1.0 / 60);
  QCOMPARE(c.state(), S::Finished);
  QCOMPARE(c.simulator().now(), c.model()->duration);
}

void tst_Controller::animatedRunUntilKeepsRecords() {
  SimulationController c;
  c.load(loadBundled(QStringLiteral("work-queue")));
  c.setSpeed(1);
  c.runUntil(500 * kMillisecond, true);
  std::size_t records = 0;
  for (int i = 0; i < 100 && c.state() == S::Playing; ++i) {
    c.advanceFrame(1.0 / 60);
    QVERIFY(c.recordsComplete());
    records += c.frameRecords().size();
  }
  QCOMPARE(c.simulator().now(), SimTime{500 * kMillisecond});
  QVERIFY(records > 0);
}

void tst_Controller::restartGivesTheSameRun() {
  SimulationController c;
  c.load(loadBundled(QStringLiteral("consumer-crash-manual-ack")));
  playTo(c, 20 * kSecond, 500);
  const std::uint64_t hash = c.simulator().traceHash();
  const SimTime at = c.simulator().now();
  QSignalSpy reset(&c, &SimulationController::simulationReset);
  c.restart();
  QCOMPARE(reset.count(), 1);
  QCOMPARE(c.simulator().now(), SimTime{0});
  c.runUntil(at);
  for (int i = 0; i < 10000 && c.state() == S::Playing; ++i) c.advanceFrame(1.0 / 60);
  QCOMPARE(c.simulator().traceHash(), hash);
}

void tst_Controller::windowHashEqualsCli_data() {
  addBundledScenarioRows();
}

// Played in frames at mixed speeds, with steps and fast-forward stretches: none of it changes
// the run, so its fingerprint is the CLI's.
void tst_Controller::windowHashEqualsCli() {
  QFETCH(QString, scenario);
  SimulationController c;
  c.load(loadBundled(scenario));
  const SimTime end = c.model()->duration;
  playTo(c, end / 10, 20);
  for (int i = 0; i < 7; ++i) c.step();
  c.setFastForward(true);
  playTo(c, end / 2, 1);
  c.setFastForward(false);
  playTo(c, end, 5000);
  c.runUntil(end);
  for (int i = 0; i < 100000 && c.state() == S::Playing; ++i) c.advanceFrame(1.0 / 60);
  QCOMPARE(c.state(), S::Finished);
  QCOMPARE(hex(c.simulator().traceHash()), cliTraceHash(scenarioPath(scenario)));
}

void tst_Controller::frameBudgetHoldsAtTopSpeed() {
  SimulationController c;
  c.load(loadBundled(QStringLiteral("poll-storm")));
  c.setSpeed(SimulationController::kMaxSpeed);
  c.play();
  QElapsedTimer t;
  for (int i = 0; i < 20; ++i) {
    t.start();
    c.advanceFrame(1.0 / 60);
    // The simulation's share of a frame is its budget plus one chunk of events; 100 ms is the
    // window's promise for a whole frame, with room for a slow test machine.
    QVERIFY2(t.elapsed() < 100,
             qPrintable(QStringLiteral("frame %1 took %2 ms").arg(i).arg(t.elapsed())));
  }
}

// A screenshot's frames are unbudgeted (ui/window/Screenshot.cpp): a frame runs every event it is
// due, however long they take, so that what the picture shows does not depend on the machine's
// speed. The bundled M/M/1 run to its end (1.4 million events) in one frame.
void tst_Controller::anUnbudgetedFrameRunsAllItIsDue() {
  SimulationController c;
  c.load(loadBundled(QStringLiteral("mm1")));
  c.runUntil(c.model()->duration);
  QCOMPARE(c.state(), S::Playing);
  c.advanceFrame(1.0 / 60, /*budgeted=*/false);
  QCOMPARE(c.state(), S::Finished);
  QCOMPARE(c.simulator().now(), c.model()->duration);
  QVERIFY(!c.speedLimited());
}

void tst_Controller::oneSignalPerFrame() {
  SimulationController c;
  c.load(loadBundled(QStringLiteral("poll-storm")));
  QSignalSpy frames(&c, &SimulationController::frameAdvanced);
  c.setSpeed(100);
  c.play();
  for (int i = 0; i < 10; ++i) c.advanceFrame(1.0 / 60);
  QCOMPARE(frames.count(), 10);
  QVERIFY(c.simulator().eventsProcessed() > 1000);  // many events, still one signal a frame
}

QTEST_MAIN(tst_Controller)
#include "tst_controller.moc"
