// Lecture mode and exports: F11 makes the canvas fill the screen with the lecture theme, menus
// and docks away; the lecturer's keys drive the run (Space, →, +, −, R, Page Up / Page Down
// between marks, 1-9 the bundled scenarios, Esc back); the canvas exports as a valid PNG and SVG,
// the run's report and series as brokerlab-cli writes them.

#include "UiFixtures.h"
#include "canvas/CanvasExport.h"
#include "canvas/TopologyScene.h"
#include "canvas/TopologyView.h"
#include "charts/ChartPanel.h"
#include "charts/ChartsDock.h"
#include "controller/SimulationController.h"
#include "document/ScenarioDocument.h"
#include "editor/PaletteDock.h"
#include "editor/PropertyDock.h"
#include "editor/TopologyEditor.h"
#include "journey/JourneyDock.h"
#include "journey/SequenceView.h"
#include "timeline/TimelineBar.h"
#include "window/CanvasPage.h"
#include "window/FileActions.h"
#include "window/LectureMode.h"
#include "window/MainWindow.h"
#include "window/RunExport.h"

#include <QMenuBar>
#include <QSvgRenderer>
#include <QTemporaryDir>

using namespace brokerlab;
using namespace brokerlab::ui;
using namespace brokerlab::ui::testing;
using S = SimulationController::RunState;

class tst_Lecture : public QObject {
  Q_OBJECT

 private slots:
  void initTestCase();
  void lectureKeysDriveTheRun();
  void aDesignBeingEditedKeepsItsPalette();
  void canvasExportsAreValidPictures();
  void reportAndMetricsExportAsTheCliWritesThem();
};

void tst_Lecture::initTestCase() {
  qputenv("BROKERLAB_SCENARIOS", BROKERLAB_SOURCE_DIR "/scenarios");
}

void tst_Lecture::lectureKeysDriveTheRun() {
  MainWindow w;
  w.files().setInteractive(false);
  w.show();
  w.activateWindow();
  QVERIFY(QTest::qWaitForWindowActive(&w));
  QVERIFY(w.files().openPath(scenarioPath(QStringLiteral("consumer-crash-manual-ack"))));
  SimulationController& c = w.controller();

  QTest::keyClick(&w, Qt::Key_F11);
  QVERIFY(w.lecture().active());
  QVERIFY(!w.menuBar()->isVisible());
  QVERIFY(w.canvas().theme().scale() > 1);
  // The time axis, its marks and its figures larger too.
  const TimelineBar& timeline = w.canvasPage().timeline();
  QCOMPARE(timeline.scale(), w.canvas().theme().scale());
  QVERIFY(timeline.minimumHeight() > 56);
  // And the job journey's sequence diagram, on screen, up to the projector's scale as its dock's
  // width allows (tst_windowscreen::lectureJourneyShowsTheJob; its exports stay at their size).
  const SequenceView& diagram = w.journey().view();
  QVERIFY(diagram.scale() >= 1.0);
  QVERIFY(diagram.scale() <= w.canvas().theme().scale());

  QTest::keyClick(&w, Qt::Key_Right);  // step
  QCOMPARE(c.simulator().eventsProcessed(), std::uint64_t{1});
  QTest::keyClick(&w, Qt::Key_Plus);
  QCOMPARE(c.speed(), 2.0);
  QTest::keyClick(&w, Qt::Key_Minus);
  QTest::keyClick(&w, Qt::Key_Minus);
  QCOMPARE(c.speed(), 0.5);
  QTest::keyClick(&w, Qt::Key_Space);
  QCOMPARE(c.state(), S::Playing);
  QTest::keyClick(&w, Qt::Key_Space);
  QCOMPARE(c.state(), S::Paused);
  // Page Down: the next mark, a caption at 54s, then the crash at 1m; Page Up: back the same way,
  // then to the start.
  QTest::keyClick(&w, Qt::Key_PageDown);
  QCOMPARE(c.simulator().now(), SimTime{54 * kSecond});
  QTest::keyClick(&w, Qt::Key_PageDown);
  QCOMPARE(c.simulator().now(), SimTime{60 * kSecond});
  QTest::keyClick(&w, Qt::Key_PageUp);
  QCOMPARE(c.simulator().now(), SimTime{54 * kSecond});
  QTest::keyClick(&w, Qt::Key_PageUp);
  QCOMPARE(c.simulator().now(), SimTime{0});
  QTest::keyClick(&w, Qt::Key_PageDown);
  QTest::keyClick(&w, Qt::Key_R);  // restart
  QCOMPARE(c.simulator().now(), SimTime{0});
  // Ctrl+K brings the charts back, in the projector's type; Esc returns them to the window's.
  const double body = w.font().pointSizeF();
  QVERIFY(!w.charts().isVisible());
  QTest::keyClick(&w, Qt::Key_K, Qt::ControlModifier);
  QVERIFY(w.charts().isVisible());
  const ChartPanel& backlog = w.charts().panel(SeriesChart::Backlog);
  QCOMPARE(backlog.legend().font().pointSizeF(), body * w.canvas().theme().scale());
  QVERIFY(backlog.titleType().pointSizeF() > body * w.canvas().theme().scale());
  // drawn smaller only where the chart is too narrow for it (here 800 pixels for three charts)
  QVERIFY(backlog.chart()->titleFont().pointSizeF() >= 0.75 * body * w.canvas().theme().scale());
  // 1: the first bundled scenario (work-queue).
  QTest::keyClick(&w, Qt::Key_1);
  QVERIFY(w.document().filePath().endsWith(QStringLiteral("work-queue.json")));
  QVERIFY(w.lecture().active());

  QTest::keyClick(&w, Qt::Key_Escape);
  QVERIFY(!w.lecture().active());
  QVERIFY(w.menuBar()->isVisible());
  QCOMPARE(w.canvas().theme().scale(), 1.0);
  QCOMPARE(timeline.scale(), 1.0);
  QCOMPARE(timeline.minimumHeight(), 56);
  QCOMPARE(diagram.scale(), 1.0);
  QCOMPARE(diagram.sizeHint(), diagram.diagramSize());
  QCOMPARE(backlog.legend().font().pointSizeF(), body);
  QTest::keyClick(&w, Qt::Key_2);  // outside lecture mode the digits do nothing
  QVERIFY(w.document().filePath().endsWith(QStringLiteral("work-queue.json")));
}

// Lecture mode puts the docks away, but not the palette and the properties of a design being
// edited (a lecturer building a topology in front of the room): before, edit mode stayed on with
// nothing to add components from, and Edit Topology, already checked, did not bring them back.
void tst_Lecture::aDesignBeingEditedKeepsItsPalette() {
  MainWindow w;
  w.files().setInteractive(false);
  w.show();
  QVERIFY(w.files().openPath(scenarioPath(QStringLiteral("work-queue"))));
  w.showPanels({QStringLiteral("editor"), QStringLiteral("charts")});
  QVERIFY(w.palette().isVisible() && w.properties().isVisible());
  const qreal type = w.palette().font().pointSizeF();
  w.lecture().setActive(true);
  QVERIFY(w.palette().isVisible());
  QVERIFY(w.properties().isVisible());
  QVERIFY(!w.charts().isVisible());                 // the others are put away
  QVERIFY(w.palette().font().pointSizeF() > type);  // in the projector's type
  w.lecture().setActive(false);
  QVERIFY(w.palette().isVisible() && w.charts().isVisible());
  QCOMPARE(w.palette().font().pointSizeF(), type);
  // Not editing, they go with the rest.
  w.showPanels({QStringLiteral("editor")});
  w.editor().editMode()->setChecked(false);  // Edit Topology off
  QVERIFY(!w.palette().isVisible());
  w.lecture().setActive(true);
  QVERIFY(!w.palette().isVisible() && !w.properties().isVisible());
}

void tst_Lecture::canvasExportsAreValidPictures() {
  SimulationController c;
  TopologyView view(c);
  c.load(loadBundled(QStringLiteral("async-request-reply")));
  playTo(c, 15 * kSecond, 2);
  QTemporaryDir dir;
  QString error;
  const QString png = dir.filePath(QStringLiteral("canvas.png"));
  const QString svg = dir.filePath(QStringLiteral("canvas.svg"));
  QVERIFY2(exportCanvasPng(*view.topology(), png, &error), qPrintable(error));
  QVERIFY2(exportCanvasSvg(*view.topology(), svg, &error), qPrintable(error));
  const QImage image(png);
  QVERIFY(!image.isNull());
  QCOMPARE(image.size(), (view.topology()->contentRect().size() * 2).toSize());
  QSvgRenderer renderer(svg);
  QVERIFY(renderer.isValid());
  QFile f(svg);
  QVERIFY(f.open(QIODevice::ReadOnly));
  const QByteArray text = f.readAll();
  QVERIFY(text.contains("jobs-api"));  // text stays text in the vector picture
  QVERIFY(!exportCanvasPng(*view.topology(), dir.filePath(QStringLiteral("no/such/dir/x.png")),
                           &error));
  QVERIFY(!error.isEmpty());
}

namespace {
QByteArray readAll(const QString& path) {
  QFile f(path);
  return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}
// The JSON report without the two lines of wall-clock time, which no two runs share.
QByteArray withoutWallTime(QByteArray json) {
  static const QRegularExpression wall(
      QStringLiteral(R"re(\n\s*"(wall_s|events_per_s)": [^\n]*)re"));
  return QString::fromUtf8(json).remove(wall).toUtf8();
}
}  // namespace

void tst_Lecture::reportAndMetricsExportAsTheCliWritesThem() {
  const QString file = scenarioPath(QStringLiteral("work-queue"));
  SimulationController c;
  c.load(loadBundled(QStringLiteral("work-queue")));
  playTo(c, c.model()->duration, 1000);
  QCOMPARE(c.state(), S::Finished);
  QTemporaryDir dir;
  QString error;
  const QString json = dir.filePath(QStringLiteral("report.json"));
  const QString csv = dir.filePath(QStringLiteral("metrics.csv"));
  QVERIFY2(exportReportJson(c.simulator(), json, &error), qPrintable(error));
  QVERIFY2(exportMetricsCsv(c.simulator(), csv, &error), qPrintable(error));

  const QString cliCsv = dir.filePath(QStringLiteral("cli.csv"));
  QProcess cli;
  cli.start(QStringLiteral(BROKERLAB_CLI), {QStringLiteral("run"), file, QStringLiteral("--json"),
                                            QStringLiteral("--metrics-csv"), cliCsv});
  QVERIFY(cli.waitForFinished(60000));
  QCOMPARE(cli.exitCode(), 0);
  const QByteArray cliJson = cli.readAllStandardOutput();
  QVERIFY(cliJson.contains("\"trace_hash\""));
  QCOMPARE(withoutWallTime(readAll(json)), withoutWallTime(cliJson));
  QCOMPARE(readAll(csv), readAll(cliCsv));

  // A failed write says why and leaves nothing behind.
  QVERIFY(!exportReportJson(c.simulator(), dir.filePath(QStringLiteral("no/such/r.json")), &error));
  QVERIFY(error.contains(QStringLiteral("r.json")));
}

QTEST_MAIN(tst_Lecture)
#include "tst_lecture.moc"
