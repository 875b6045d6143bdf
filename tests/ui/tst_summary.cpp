// The summary panel: up to date whenever the run stands still (not while it plays), the measured
// figures beside Little's law and, for a textbook system, the theory's values; elsewhere the reason
// there is none.

#include "UiFixtures.h"
#include "canvas/Text.h"
#include "summary/SummaryDock.h"
#include "summary/SummaryText.h"

#include <QtTest>

using namespace brokerlab;
using namespace brokerlab::ui;
using namespace brokerlab::ui::testing;
using S = SimulationController::RunState;

class tst_Summary : public QObject {
  Q_OBJECT

 private slots:
  void theoryBesideMeasuredForATextbookQueue() {
    SimulationController c;
    c.load(loadBundled(QStringLiteral("mm1")));
    c.runUntil(c.model()->duration);
    while (c.state() == S::Playing) c.advanceFrame(1.0 / 60);
    QCOMPARE(c.state(), S::Finished);
    const QString html = summaryHtml(c.simulator(), true);
    QVERIFY(html.contains(QStringLiteral("At the end")));
    QVERIFY(html.contains(QStringLiteral("M/M/1")));
    QVERIFY(html.contains(QStringLiteral("400 ms")));  // W theory: rho / (mu - lambda)
    QVERIFY(html.contains(QStringLiteral("balanced ✓")));
    QVERIFY(html.contains(QStringLiteral("Little")));
  }

  void saysWhyThereIsNoTheory() {
    SimulationController c;
    c.load(loadBundled(QStringLiteral("work-queue")));
    playTo(c, 5 * kSecond);
    const QString html = summaryHtml(c.simulator(), false);
    QVERIFY(html.contains(QStringLiteral("Paused at ") + formatClock(c.simulator().now())));
    // Three workers behind links that take a millisecond: no M/M/c, and it says so.
    QVERIFY(html.contains(QStringLiteral("links that take no time")));
  }

  void followsThePausesNotTheFrames() {
    SimulationController c;
    SummaryDock dock(c);
    dock.show();
    c.load(loadBundled(QStringLiteral("work-queue")));
    QVERIFY(dock.current());
    QVERIFY(dock.html().contains(QStringLiteral("Paused at 0:00.000")));
    c.setSpeed(10);
    c.play();
    for (int i = 0; i < 30; ++i) c.advanceFrame(1.0 / 60);
    QVERIFY(!dock.current());  // playing: the last pause's figures, marked as such
    QVERIFY(dock.html().contains(QStringLiteral("Paused at 0:00.000")));
    c.pause();
    QVERIFY(dock.current());
    QVERIFY(c.simulator().now() > 4 * kSecond);
    QVERIFY(dock.html().contains(QStringLiteral("Paused at ") + formatClock(c.simulator().now())));
    c.step();  // a paused run that moves: the summary follows
    QVERIFY(dock.current());
  }
};

QTEST_MAIN(tst_Summary)
#include "tst_summary.moc"
