// The comparison window on a projector's screen (ui/compare): at 1280x720 as at 1600x900 it keeps
// the screen's size, its headers fit their panes, its charts keep the height, the names and the
// figures they show whole, and its key figures tell their rows apart (in two tables side by side
// where one would leave the room beside it empty).

#include "UiFixtures.h"
#include "canvas/Theme.h"
#include "canvas/TopologyView.h"
#include "compare/CompareCharts.h"
#include "compare/CompareTimeline.h"
#include "compare/CompareWindow.h"
#include "compare/DifferenceTable.h"
#include "compare/FiguresTables.h"
#include "compare/RunPane.h"

#include <QLabel>
#include <QSet>
#include <QStatusBar>
#include <QTextDocument>
#include <QValueAxis>
#include <QtTest>

#include <cmath>

using namespace brokerlab;
using namespace brokerlab::ui;
using namespace brokerlab::ui::testing;

class tst_CompareScreen : public QObject {
  Q_OBJECT

 private slots:
  // A comparison is shown to an audience: on a projector's 1280x720 as on 1600x900 the window
  // keeps the screen's size whatever the scenarios' names (a long one made it 1625 pixels wide),
  // its headers fit their panes, and its charts keep their time figures and every figure's name
  // (Qt Charts' own legend had cut eight names to "or...").
  void fitsAProjectorsScreen_data() { addScreenSizeRows(); }
  void fitsAProjectorsScreen() {
    QFETCH(QSize, size);
    CompareWindow w;
    const QString nameA = QStringLiteral("consumer-crash-auto-ack.json");
    const QString nameB = QStringLiteral("consumer-crash-manual-ack.json");
    QVERIFY(w.load(loadBundled(QStringLiteral("consumer-crash-auto-ack")), nameA,
                   loadBundled(QStringLiteral("consumer-crash-manual-ack")), nameB)
                .isEmpty());
    w.show();  // as File > Compare opens it: at 1600x900, then made to fit the screen
    QCoreApplication::processEvents();
    w.resize(size);
    QCoreApplication::processEvents();  // laid out before anything is charted
    w.bringTo(60 * kSecond);
    // What `brokerlab --compare --screenshot` grabs: the posted layouts done, nothing else.
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
    QCOMPARE(w.size(), size);
    QVERIFY2(w.minimumSizeHint().width() <= size.width() &&
                 w.minimumSizeHint().height() <= size.height(),
             qPrintable(QStringLiteral("%1x%2")
                            .arg(w.minimumSizeHint().width())
                            .arg(w.minimumSizeHint().height())));
    for (const bool right : {false, true}) {
      const RunPane& pane = w.pane(right);
      QVERIFY(pane.shownHeader().contains(right ? nameB : nameA));
      QTextDocument shown;
      shown.setDefaultFont(pane.findChild<QLabel*>()->font());
      shown.setDocumentMargin(0);
      shown.setHtml(pane.shownHeader());
      QVERIFY2(shown.idealWidth() <= pane.width(), qPrintable(pane.shownHeader()));
      QVERIFY(pane.header().contains(QStringLiteral("what it held is lost")) ||
              pane.header().contains(QStringLiteral("nothing is lost")));
    }
    int charts = 0;
    for (const OverlayKind kind : {OverlayKind::Backlog, OverlayKind::Latency,
                                   OverlayKind::Throughput, OverlayKind::Utilization}) {
      const OverlayChart& chart = w.charts().chart(kind);
      if (chart.isHidden()) continue;
      ++charts;
      const QString where = QStringLiteral("%1 (%2x%3)")
                                .arg(chart.chart()->title())
                                .arg(chart.width())
                                .arg(chart.height());
      // The height its figures need (OverlayChart's minimum), and not cut off by the charts' pane.
      QVERIFY2(chart.height() >= chart.minimumHeight(), qPrintable(where));
      QVERIFY2(w.charts().rect().contains(chart.geometry()), qPrintable(where));
      QCOMPARE(chart.legend().hidden(), 0);
      QVERIFY2(!chart.legend().elided(), qPrintable(where));
      // Its rows inside the room kept under the plot.
      QVERIFY2(chart.chart()->margins().bottom() >= chart.legend().height(), qPrintable(where));
      // Every step of the value axis labelled (none left out for want of room), and round.
      const auto* values = static_cast<const QValueAxis*>(chart.chart()->axes(Qt::Vertical)[0]);
      const QStringList figures = valueAxisFigures(*chart.chart());
      QCOMPARE(figures.size(), values->tickCount());
      QCOMPARE(figures.back(), QStringLiteral("0"));
      QVERIFY2(figures.front() == QString::number(values->max()), qPrintable(figures.join(' ')));
      // The time axis's figures at one round step from 0 (Qt Charts' own: 0, 27, 54, 80, 107).
      const std::vector<double> times = timeAxisFigures(*chart.chart());
      QVERIFY2(times.size() >= 2 && times.front() == 0, qPrintable(where));
      for (std::size_t i = 1; i < times.size(); ++i) QCOMPARE(times[i] - times[i - 1], times[1]);
      const double power = std::pow(10.0, std::floor(std::log10(times[1])));
      QVERIFY2(std::fmod(times[1] / power * 2, 1.0) == 0, qPrintable(QString::number(times[1])));
      QStringList cut;
      QVERIFY(chartTexts(*chart.chart(), &cut) >= 4);
      QVERIFY2(cut.isEmpty(),
               qPrintable(where + QStringLiteral(": ") + cut.join(QLatin1Char(' '))));
    }
    QCOMPARE(charts, 4);
    // Every key figure's name, as its column shows it, tells it from the others (the p50 and p99
    // rows of a producer were both "batch-import: end-to-end …").
    const DifferenceTable& table = w.table();
    // The table reaches the window's right edge: the charts take what it does not want.
    const int right = table.mapTo(&w, QPoint(table.width(), 0)).x();
    QVERIFY2(w.width() - right <= 16,
             qPrintable(QStringLiteral("%1 of %2").arg(right).arg(w.width())));
    const QFontMetrics metrics(table.font());
    const int room = table.columnWidth(DifferenceTable::Figure) - 2 * 4;
    QVERIFY(!table.wordWrap());  // wrapped, Qt shows the first line and "..." whatever the mode
    QSet<QString> shownNames;
    for (int r = 0; r < table.rowCount(); ++r) {
      const QString name = table.item(r, DifferenceTable::Figure)->text();
      QCOMPARE(table.item(r, DifferenceTable::Figure)->toolTip(), name);
      shownNames.insert(metrics.elidedText(name, table.textElideMode(), room));
    }
    QCOMPARE(shownNames.size(), table.rowCount());
    // Eight lines in the latency chart: end-to-end p50 and p99 of two producers, in A and B; one
    // legend entry a figure.
    const OverlayChart& latency = w.charts().chart(OverlayKind::Latency);
    QCOMPARE(latency.plotted().size(), std::size_t{8});
    QCOMPARE(latency.legend().entries().size(), std::size_t{4});
    QCOMPARE(latency.legend().entries()[0].text, QStringLiteral("orders-api p50"));
  }

  // Lecture mode (F11) on a projector's 1280x720: the canvases in the projector's theme, the text
  // and the time axis larger, the charts put away for the canvases to have their room (Ctrl+K
  // brings them back, whole); Esc gives back the window as it was.
  void lectureModeGivesTheCanvasesTheRoom() {
    CompareWindow w;
    QVERIFY(w.load(loadBundled(QStringLiteral("consumer-crash-auto-ack")), QStringLiteral("A"),
                   loadBundled(QStringLiteral("consumer-crash-manual-ack")), QStringLiteral("B"))
                .isEmpty());
    w.show();
    w.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&w));
    const QSize size(1280, 720);
    w.resize(size);
    w.bringTo(60 * kSecond);
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
    const int windowedCanvas = w.pane(false).canvas().height();
    const qreal windowedType = w.table().font().pointSizeF();
    QVERIFY(w.charts().isVisible());

    QTest::keyClick(&w, Qt::Key_F11);
    QVERIFY(w.lecturing());
    w.showNormal();  // offscreen there is no screen to fill
    w.resize(size);
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
    QCOMPARE(w.size(), size);
    for (const bool right : {false, true}) {
      QCOMPARE(w.pane(right).canvas().theme().scale(), Theme::lecture().scale());
      QVERIFY2(w.pane(right).canvas().height() >= 3 * windowedCanvas / 2,
               qPrintable(QStringLiteral("%1 against %2")
                              .arg(w.pane(right).canvas().height())
                              .arg(windowedCanvas)));
    }
    QCOMPARE(w.timeline().scale(), Theme::lecture().scale());
    QVERIFY(w.timeline().height() >= w.timeline().minimumHeight());
    QVERIFY(w.table().font().pointSizeF() > windowedType);
    QVERIFY(!w.charts().isVisible());
    QVERIFY(w.table().isVisible());
    QVERIFY(!w.statusBar()->isVisible());
    // The table no wider than its columns, its names column as wide as its longest name: each
    // row's figures beside its name, not a screen's width away.
    const DifferenceTable& table = w.table();
    QFontMetrics metrics(table.font());
    int longest = 0;
    for (int r = 0; r < table.rowCount(); ++r)
      longest = std::max(longest,
                         metrics.horizontalAdvance(table.item(r, DifferenceTable::Figure)->text()));
    int columns = 0;
    for (int c = 0; c < DifferenceTable::ColumnCount; ++c) columns += table.columnWidth(c);
    QVERIFY2(table.viewport()->width() >= columns && table.viewport()->width() <= columns + 8,
             qPrintable(QStringLiteral("%1 for columns of %2 pixels in all")
                            .arg(table.viewport()->width())
                            .arg(columns)));
    QVERIFY2(table.columnWidth(DifferenceTable::Figure) >= longest &&
                 table.columnWidth(DifferenceTable::Figure) <= longest + 40,
             qPrintable(QStringLiteral("%1 for names up to %2 pixels")
                            .arg(table.columnWidth(DifferenceTable::Figure))
                            .arg(longest)));

    // The rows too many for one table's height, the room beside it twice its width: the rows go
    // into two tables side by side, in order, their columns alike (the room beside one stayed
    // empty while it showed seven of sixteen rows).
    const FiguresTables& tables = w.figureTables();
    QVERIFY(tables.split());
    const DifferenceTable& more = tables.second();
    QVERIFY(more.isVisible());
    QCOMPARE(more.rowCount(), table.rowCount());
    const int half = (table.rowCount() + 1) / 2;
    for (int r = 0; r < table.rowCount(); ++r) {
      QCOMPARE(table.isRowHidden(r), r >= half);
      QCOMPARE(more.isRowHidden(r), r < half);
    }
    for (int c = 0; c < DifferenceTable::ColumnCount; ++c)
      QCOMPARE(more.columnWidth(c), table.columnWidth(c));
    const QRect second(more.mapTo(&w, QPoint(0, 0)), more.size());
    QVERIFY(second.left() > table.mapTo(&w, QPoint(table.width(), 0)).x());
    QVERIFY(w.rect().contains(second));

    // Ctrl+K: the charts in the projector's type, each the height its figures need.
    QTest::keyClick(&w, Qt::Key_K, Qt::ControlModifier);
    QVERIFY(w.charts().isVisible());
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
    // Beside the charts, one table again with every row.
    QVERIFY(!tables.split() && !more.isVisible());
    for (int r = 0; r < table.rowCount(); ++r) QVERIFY(!table.isRowHidden(r));
    for (int k = 0; k < kOverlayKindCount; ++k) {
      const OverlayChart& chart = w.charts().chart(static_cast<OverlayKind>(k));
      QVERIFY(!chart.isHidden());
      QVERIFY2(chart.height() >= chart.minimumHeight(), qPrintable(chart.chart()->title()));
      QVERIFY(!chart.plotted().empty() && !chart.plotted().front().points.isEmpty());
    }

    QTest::keyClick(&w, Qt::Key_Escape);
    QVERIFY(!w.lecturing());
    QCOMPARE(w.pane(false).canvas().theme().scale(), 1.0);
    QCOMPARE(w.timeline().scale(), 1.0);
    QCOMPARE(w.table().font().pointSizeF(), windowedType);
    QVERIFY(w.charts().isVisible());  // as before lecture mode
    QVERIFY(w.statusBar()->isVisible());
  }
};

QTEST_MAIN(tst_CompareScreen)
#include "tst_comparescreen.moc"
