// The charts' time axis over a long run: it counts in minutes, then hours, as the run's clock
// reads, its lines, range and labels in the same unit.

#include "UiFixtures.h"
#include "charts/ChartPanel.h"
#include "charts/ChartsDock.h"
#include "timeline/TimelineBar.h"

#include <QValueAxis>
#include <QtTest>

#include <cmath>

using namespace brokerlab;
using namespace brokerlab::ui;
using namespace brokerlab::ui::testing;

class tst_TimeAxis : public QObject {
  Q_OBJECT

 private slots:
  // A long run's time axis counts in minutes, then hours, as its clock reads: three hours of mm1
  // read 0, 40, 80 ... 160 minutes, not 0, 2500 ... 10000 seconds. The lines, the range and the
  // marks count in the same unit; a short run stays in seconds.
  void aLongRunsTimeAxisCountsInMinutesThenHours() {
    SimulationController c;
    TimelineBar timeline{c};
    ChartsDock dock{c, timeline};
    dock.resize(1200, 500);
    dock.show();
    c.load(loadBundled(QStringLiteral("mm1")));
    const auto axis = [&]() {
      return static_cast<const QValueAxis*>(
          dock.panel(SeriesChart::Backlog).chart()->axes(Qt::Horizontal)[0]);
    };
    const auto lastX = [&]() {
      return dock.panel(SeriesChart::Backlog).plotted()[0].second.back().x();
    };
    runTo(c, 10 * kMinute);
    dock.refresh();
    QCOMPARE(axis()->max(), 600.0);
    QVERIFY(axis()->titleText().isEmpty() || axis()->titleText().endsWith(QStringLiteral("(s)")));
    runTo(c, 3 * kHour);
    dock.refresh();
    QCOMPARE(axis()->max(), 180.0);
    QVERIFY(std::abs(lastX() - 180) < 1);
    QCOMPARE(axis()->titleText(), QStringLiteral("simulated time (min)"));
    const std::vector<double> minutes = timeAxisFigures(*dock.panel(SeriesChart::Backlog).chart());
    QVERIFY2(minutes.size() >= 3 && minutes[1] >= 20, qPrintable(QString::number(minutes.size())));
    runTo(c, 9 * kHour);
    dock.refresh();
    QCOMPARE(axis()->max(), 9.0);
    QVERIFY(std::abs(lastX() - 9) < 0.1);
    QCOMPARE(axis()->titleText(), QStringLiteral("simulated time (h)"));
    // At a width for three steps, 2.5 hours each: labelled 0, 2.5, 5 and 7.5, not rounded to
    // whole hours (0, 2, 5, 8).
    dock.resize(1400, 500);
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
    dock.refresh();
    const std::vector<double> hours = timeAxisFigures(*dock.panel(SeriesChart::Backlog).chart());
    QCOMPARE(hours, (std::vector<double>{0, 2.5, 5, 7.5}));
  }
};

QTEST_MAIN(tst_TimeAxis)
#include "tst_timeaxis.moc"
