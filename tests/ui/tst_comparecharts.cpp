// The comparison's charts (ui/compare): both runs' figures overlaid (A solid, B dashed), each
// decimated for its chart's laid-out width, and rates and utilizations drawn as their mean over
// the chosen window.

#include "CompareFixtures.h"
#include "charts/Decimate.h"
#include "charts/TrailingMean.h"
#include "compare/CompareCharts.h"
#include "compare/CompareClock.h"
#include "controller/SimulationController.h"
#include "sim/Simulator.h"

#include <QtTest>

using namespace brokerlab;
using namespace brokerlab::ui;
using namespace brokerlab::ui::testing;

class tst_CompareCharts : public QObject {
  Q_OBJECT

 private slots:
  void chartsOverlayBothRuns() {
    const Scenario a = loadBundled(QStringLiteral("work-queue"));
    CompareWindow w;
    QVERIFY(w.load(a, QStringLiteral("A"), moreWorkers(a), QStringLiteral("B")).isEmpty());
    w.show();
    w.clock().setSpeed(30);
    w.clock().play();
    for (int i = 0; i < 60; ++i) w.clock().advanceFrame(kFrame);
    w.clock().pause();
    const auto lines = w.charts().chart(OverlayKind::Backlog).plotted();
    QCOMPARE(lines.size(), std::size_t{2});
    QCOMPARE(lines[0].name, QStringLiteral("orders · A"));
    QCOMPARE(lines[1].name, QStringLiteral("orders · B"));
    QVERIFY(!lines[0].dashed);
    QVERIFY(lines[1].dashed);
    QVERIFY(lines[0].points.size() > 10);
    QVERIFY(lines[0].points != lines[1].points);
    const auto latency = w.charts().chart(OverlayKind::Latency).plotted();
    QCOMPARE(latency.size(), std::size_t{4});              // end-to-end p50 and p99, each A and B
    QCOMPARE(latency[0].name, QStringLiteral("p50 · A"));  // orders-api's: the title says so
    QCOMPARE(latency[3].name, QStringLiteral("p99 · B"));
    QVERIFY(latency[3].dashed);
    const auto throughput = w.charts().chart(OverlayKind::Throughput).plotted();
    QCOMPARE(throughput.size(), std::size_t{2});
    QCOMPARE(throughput[1].name, QStringLiteral("orders · B"));
    QCOMPARE(w.charts().chart(OverlayKind::Utilization).plotted().size(), std::size_t{2});
  }

  // Auto acks against manual acks: a consumer in auto-ack mode acks nothing, so the acked rate
  // would chart the first run's throughput as none at all. Both runs deliver: that is compared.
  void throughputIsAFigureBothRunsCount() {
    CompareWindow w;
    QVERIFY(w.load(loadBundled(QStringLiteral("consumer-crash-auto-ack")), QStringLiteral("A"),
                   loadBundled(QStringLiteral("consumer-crash-manual-ack")), QStringLiteral("B"))
                .isEmpty());
    w.resize(1280, 720);
    w.show();
    w.bringTo(30 * kSecond);
    const OverlayChart& chart = w.charts().chart(OverlayKind::Throughput);
    QCOMPARE(chart.chart()->title(), QStringLiteral("Throughput: delivered per second, 1 s mean"));
    const auto lines = chart.plotted();
    QCOMPARE(lines.size(), std::size_t{2});
    for (const auto& line : lines) {
      const bool moves = std::any_of(line.points.begin(), line.points.end(),
                                     [](const QPointF& p) { return p.y() > 1; });
      QVERIFY2(moves, qPrintable(line.name));
    }
  }

  // Two designs whose components are named differently share no figure to overlay: in place of
  // an empty half window, a note says why and where to look (the work queue against scale-out).
  void differentNamesGetANoteNotABlank() {
    CompareWindow w;
    QVERIFY(w.load(loadBundled(QStringLiteral("work-queue")), QStringLiteral("A"),
                   loadBundled(QStringLiteral("scale-out")), QStringLiteral("B"))
                .isEmpty());
    w.resize(1280, 720);
    w.show();
    w.bringTo(30 * kSecond);
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
    for (int k = 0; k < kOverlayKindCount; ++k)
      QVERIFY(w.charts().chart(static_cast<OverlayKind>(k)).isHidden());
    QVERIFY2(w.charts().noChartNote().contains(QStringLiteral("name")),
             qPrintable(w.charts().noChartNote()));
    // The same design twice: charts, no note.
    CompareWindow same;
    QVERIFY(openWorkQueuePairAt40s(same));
    QVERIFY(same.charts().noChartNote().isEmpty());
    QVERIFY(!same.charts().chart(OverlayKind::Backlog).isHidden());
  }

  // What a chart draws is its series decimated for the plot's laid-out width, however many
  // refreshes (throttled by the wall clock) came before: a chart first shown before its layout
  // used the smallest count, and the comparison's screenshot differed from run to run.
  void chartsDecimateForTheirLaidOutWidth() {
    CompareWindow w;
    QVERIFY(openWorkQueuePairAt40s(w));
    const OverlayChart& chart = w.charts().chart(OverlayKind::Backlog);
    const double width = chart.chart()->plotArea().width();
    QVERIFY2(width > 256, qPrintable(QString::number(width)));  // more than the smallest count
    const TimeSeries& depth = w.clock().left().simulator().queueMetrics()[0].series.depth;
    const double step = toSeconds(depth.step());
    const QList<QPointF> expected = decimateMinMax(
        depth.points(), step, step, static_cast<int>(width) / 2, depth.mins(), depth.maxs());
    QVERIFY(expected.size() > 2 * 64);
    QCOMPARE(chart.plotted()[0].points, expected);
  }

  // Two runs' rates sampled every 100 ms overlap as a band of noise; drawn as their mean over a
  // window (a second by default; a chart's right click chooses), their difference shows.
  void ratesAreComparedAsTheirMeanOverAWindow() {
    CompareWindow w;
    QVERIFY(openWorkQueuePairAt40s(w));
    const OverlayChart& chart = w.charts().chart(OverlayKind::Throughput);
    const int columns = decimationColumns(chart.chart()->plotArea().width());
    const TimeSeries& acked = w.clock().right().simulator().queueMetrics()[0].series.ackedPerS;
    const double step = toSeconds(acked.step());
    QCOMPARE(w.charts().averaging().window(), kSecond);
    QCOMPARE(chart.plotted()[1].points,
             decimateMinMax(trailingMean(acked.points(), 10), step, step, columns));
    QCOMPARE(chart.chart()->title(), QStringLiteral("Throughput: acked per second, 1 s mean"));
    QCOMPARE(w.charts().chart(OverlayKind::Utilization).chart()->title(),
             QStringLiteral("Utilization: busy instances, 1 s mean"));
    QCOMPARE(w.charts().chart(OverlayKind::Backlog).chart()->title(),
             QStringLiteral("Backlog: ready messages"));
    w.charts().averaging().setWindow(0);
    QCOMPARE(chart.plotted()[1].points,
             decimateMinMax(acked.points(), step, step, columns, acked.mins(), acked.maxs()));
    QCOMPARE(chart.chart()->title(), QStringLiteral("Throughput: acked per second"));
  }
};

QTEST_MAIN(tst_CompareCharts)
#include "tst_comparecharts.moc"
