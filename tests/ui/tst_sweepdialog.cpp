// Simulation > Sweep: the dialog's model and runner sweep the open scenario over the same grid as
// `brokerlab-cli sweep` and give its CSV byte for byte (whatever the jobs), off the UI thread; the
// chart holds each point's mean and its 95% interval's bounds (one curve per value of the second
// parameter); the dialog runs, cancels without blocking, names a bad grid, exports the CSV, and
// lists the figures the sweep produced. With BROKERLAB_SWEEP_SCREENSHOT=FILE.png the dialog as it
// shows a sweep is saved there (docs/screenshots/sweep-dialog.png).

#include "UiFixtures.h"
#include "document/ScenarioDocument.h"
#include "sweep/SweepChart.h"
#include "sweep/SweepDialog.h"
#include "sweep/SweepModel.h"
#include "sweep/SweepRunnerBridge.h"
#include "window/MainWindow.h"

#include <QComboBox>
#include <QElapsedTimer>
#include <QMenuBar>
#include <QSignalSpy>
#include <QTemporaryDir>

#include <cmath>

using namespace brokerlab;
using namespace brokerlab::ui;
using namespace brokerlab::ui::testing;

namespace {

const QStringList kGrid = {QStringLiteral("workers.instances=2..4"),
                           QStringLiteral("orders-api.rate=15,25")};

// `brokerlab-cli sweep FILE --set AXIS... --seeds N`'s CSV.
QByteArray cliSweep(const QString& file, const QStringList& axes, int seeds) {
  QStringList args = {QStringLiteral("sweep"), file, QStringLiteral("--seeds"),
                      QString::number(seeds)};
  for (const QString& a : axes) args << QStringLiteral("--set") << a;
  QProcess cli;
  cli.start(QStringLiteral(BROKERLAB_CLI), args);
  if (!cli.waitForFinished(120000) || cli.exitCode() != 0) return {};
  return cli.readAllStandardOutput();
}

// Runs `sweep` through the bridge and waits for finished(), the event loop turning meanwhile.
SweepOutcome runThroughBridge(PreparedSweep sweep) {
  SweepRunnerBridge bridge;
  QSignalSpy finished(&bridge, &SweepRunnerBridge::finished);
  if (!bridge.start(std::move(sweep))) qFatal("the bridge did not start");
  if (!finished.wait(120000)) qFatal("the sweep did not finish");
  return bridge.outcome();
}

}  // namespace

class tst_SweepDialog : public QObject {
  Q_OBJECT

 private slots:
  void modelAndRunnerGiveTheCliCsv() {
    SweepModel model(loadBundled(QStringLiteral("work-queue")));
    QString error;
    std::optional<PreparedSweep> sweep = model.prepare({kGrid, 3, 1}, &error);
    QVERIFY2(sweep, qPrintable(error));
    QCOMPARE(sweep->runs(), std::size_t{18});
    const PreparedSweep oneJob = *sweep;
    QVERIFY2(model.setOutcome(oneJob, runThroughBridge(oneJob), &error), qPrintable(error));
    const std::string csv = model.csv();
    const QByteArray cli = cliSweep(scenarioPath(QStringLiteral("work-queue")), kGrid, 3);
    QVERIFY(!cli.isEmpty());
    QCOMPARE(QByteArray::fromStdString(csv), cli);
    // Three jobs: the same bytes.
    sweep->jobs = 3;
    QVERIFY(model.setOutcome(*sweep, runThroughBridge(*sweep), &error));
    QCOMPARE(model.csv(), csv);
  }

  void chartHoldsMeansAndIntervals() {
    SweepModel model(loadBundled(QStringLiteral("work-queue")));
    QString error;
    const std::optional<PreparedSweep> sweep = model.prepare({kGrid, 3, 2}, &error);
    QVERIFY2(sweep, qPrintable(error));
    QVERIFY(model.setOutcome(*sweep, runThroughBridge(*sweep), &error));
    const SweepTable& table = model.table();
    const std::string figure = "orders.wait_p99_s";
    const auto k = static_cast<std::size_t>(
        std::find(table.names.begin(), table.names.end(), figure) - table.names.begin());
    QVERIFY(k < table.names.size());
    SweepChart chart;
    chart.show(model.plot(figure));
    const QList<SweepChart::Drawn> drawn = chart.drawn();
    QCOMPARE(drawn.size(), 2);  // one curve per rate
    QCOMPARE(drawn[0].name, QStringLiteral("orders-api.rate = 15"));
    QCOMPARE(drawn[1].name, QStringLiteral("orders-api.rate = 25"));
    for (qsizetype c = 0; c < 2; ++c) {
      QCOMPARE(drawn[c].mean.size(), 3);  // instances 2, 3, 4
      for (qsizetype i = 0; i < 3; ++i) {
        const SweepRow& row = table.rows[static_cast<std::size_t>(i * 2 + c)];
        const Estimate& e = *row.figures[k];
        QVERIFY(e.halfWidth && *e.halfWidth > 0);
        QCOMPARE(drawn[c].mean[i], QPointF(2 + i, e.mean));
        QCOMPARE(drawn[c].lower[i], QPointF(2 + i, e.mean - *e.halfWidth));
        QCOMPARE(drawn[c].upper[i], QPointF(2 + i, e.mean + *e.halfWidth));
      }
    }
    // The axes say what and in which unit.
    const SweepPlot plot = model.plot(figure);
    QCOMPARE(plot.xTitle, QStringLiteral("workers.instances (consumers)"));
    QCOMPARE(plot.yTitle, QStringLiteral("orders: p99 wait (s)"));
    // Durations are plotted in seconds.
    std::optional<PreparedSweep> service =
        model.prepare({{QStringLiteral("workers.service.mean=80ms,120ms")}, 2, 2}, &error);
    QVERIFY2(service, qPrintable(error));
    QVERIFY(model.setOutcome(*service, runThroughBridge(*service), &error));
    chart.show(model.plot(figure));
    QCOMPARE(chart.drawn().size(), 1);
    QCOMPARE(chart.drawn()[0].mean[0].x(), 0.08);
    QCOMPARE(chart.drawn()[0].mean[1].x(), 0.12);
    QCOMPARE(model.plot(figure).xTitle, QStringLiteral("workers.service.mean (s)"));
  }

  void dialogRunsPlotsAndExports() {
    SweepDialog dialog(loadBundled(QStringLiteral("work-queue")));
    dialog.setAxis(0, QStringLiteral("workers.instances"), QStringLiteral("2..4"));
    dialog.setAxis(1, QStringLiteral("orders-api.rate"), QStringLiteral("15,25"));
    dialog.setSeeds(3);
    dialog.setJobs(2);
    dialog.resize(1280, 900);
    dialog.show();
    QSignalSpy finished(&dialog, &SweepDialog::finished);
    dialog.run();
    QVERIFY(dialog.runner().isRunning());  // run() returned at once: the sweep goes on elsewhere
    QVERIFY(finished.wait(120000));
    QVERIFY2(dialog.status().contains(QStringLiteral("18 runs done")), qPrintable(dialog.status()));
    // The figures the sweep produced, a queue's p99 wait first.
    auto* figures = dialog.findChildren<QComboBox*>().last();
    QCOMPARE(dialog.figure(), std::string("orders.wait_p99_s"));
    QCOMPARE(static_cast<std::size_t>(figures->count()), dialog.model().figures().size());
    QCOMPARE(figures->currentText(), QStringLiteral("orders: p99 wait (s)"));
    QCOMPARE(dialog.chart().drawn().size(), 2);
    dialog.showFigure("workers.utilization");
    QCOMPARE(dialog.chart().drawn()[0].name, QStringLiteral("orders-api.rate = 15"));
    QVERIFY(dialog.chart().drawn()[0].mean[0].y() > 0.5);  // two workers for 15 a second: busy
    // The CSV, exported: the CLI's bytes.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("sweep.csv"));
    QString error;
    QVERIFY2(dialog.exportCsv(path, &error), qPrintable(error));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), cliSweep(scenarioPath(QStringLiteral("work-queue")), kGrid, 3));
    QVERIFY(!dialog.exportCsv(dir.filePath(QStringLiteral("no/such/dir/sweep.csv")), &error));
    QVERIFY(!error.isEmpty());

    const QString shot = qEnvironmentVariable("BROKERLAB_SWEEP_SCREENSHOT");
    if (!shot.isEmpty()) {
      dialog.showFigure("orders.wait_p99_s");
      QTest::qWait(200);  // the chart lays out its axes and title on the event loop
      QVERIFY(dialog.grab().save(shot));
    }
  }

  // Cancel: the runs stop where they are, finished() comes soon, and the window's event loop
  // kept turning meanwhile.
  void cancelStopsWithoutBlocking() {
    SweepDialog dialog(loadBundled(QStringLiteral("mm1")));  // ten hours simulated per run
    dialog.setAxis(0, QStringLiteral("server.instances"), QStringLiteral("1..50"));
    dialog.setSeeds(4);
    dialog.setJobs(2);
    QSignalSpy finished(&dialog, &SweepDialog::finished);
    int ticks = 0;
    QTimer tick;
    connect(&tick, &QTimer::timeout, [&] { ++ticks; });
    tick.start(10);
    dialog.run();
    QTest::qWait(300);
    QVERIFY(dialog.runner().isRunning());
    QVERIFY2(ticks >= 10, qPrintable(QString::number(ticks)));  // the UI thread was never held
    QElapsedTimer clock;
    clock.start();
    dialog.cancel();
    QVERIFY(finished.wait(30000));
    QVERIFY2(clock.elapsed() < 10000, qPrintable(QString::number(clock.elapsed())));
    QVERIFY(!dialog.runner().isRunning());
    QVERIFY(dialog.runner().outcome().stopped);
    QVERIFY2(dialog.status().startsWith(QStringLiteral("Cancelled after ")),
             qPrintable(dialog.status()));
  }

  // A grid the CLI would refuse is named in the dialog, as the CLI names it, and nothing runs.
  void badGridIsNamedAndNothingRuns_data() {
    QTest::addColumn<QString>("parameter");
    QTest::addColumn<QString>("values");
    QTest::addColumn<QString>("message");
    QTest::newRow("unknown parameter") << "workers.speed"
                                       << "1"
                                       << "--set workers.speed=1:";
    QTest::newRow("bad value") << "workers.instances"
                               << "0..2"
                               << "--set workers.instances=0: components[2].instances";
    QTest::newRow("empty range") << "workers.instances"
                                 << "3..1"
                                 << "the range 3..1 is empty";
  }
  void badGridIsNamedAndNothingRuns() {
    QFETCH(QString, parameter);
    QFETCH(QString, values);
    QFETCH(QString, message);
    SweepDialog dialog(loadBundled(QStringLiteral("work-queue")));
    dialog.setAxis(0, parameter, values);
    dialog.run();
    QVERIFY(!dialog.runner().isRunning());
    QVERIFY2(dialog.status().contains(message), qPrintable(dialog.status()));
  }

  // The window's Simulation menu opens the dialog on the open scenario.
  void simulationMenuOpensTheDialog() {
    MainWindow w;
    w.document().reset(loadBundled(QStringLiteral("work-queue")));
    QAction* sweep = nullptr;
    for (QMenu* menu : w.menuBar()->findChildren<QMenu*>())
      for (QAction* a : menu->actions())
        if (a->text().startsWith(QStringLiteral("S&weep"))) sweep = a;
    QVERIFY(sweep);
    QVERIFY(sweep->isEnabled());
    sweep->trigger();
    auto* dialog = w.findChild<SweepDialog*>();
    QVERIFY(dialog);
    QVERIFY(dialog->isVisible());
    QVERIFY(dialog->model().parameters().contains(QStringLiteral("workers.instances")));
    dialog->close();
  }
};

QTEST_MAIN(tst_SweepDialog)
#include "tst_sweepdialog.moc"
