// The comparison of two designs (ui/compare): both runs on one seed and one clock, the clocks
// equal after every frame and step, the unchanged producer tracing the same records in both
// (common random numbers), and the difference table holding exactly the two runs' report figures
// whenever the clock stands still. Its charts: tst_comparecharts.

#include "CompareFixtures.h"
#include "UiFixtures.h"
#include "canvas/Text.h"
#include "canvas/Theme.h"
#include "canvas/TopologyView.h"
#include "compare/CompareActions.h"
#include "compare/CompareCharts.h"
#include "compare/CompareClock.h"
#include "compare/CompareFaults.h"
#include "compare/CompareTimeline.h"
#include "compare/CompareWindow.h"
#include "compare/DifferenceTable.h"
#include "compare/RunPane.h"
#include "document/ScenarioDocument.h"
#include "metrics/Report.h"
#include "window/FileActions.h"
#include "window/HelpActions.h"
#include "window/LectureMode.h"
#include "window/MainWindow.h"

#include <QClipboard>
#include <QMenu>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QtTest>

using namespace brokerlab;
using namespace brokerlab::ui;
using namespace brokerlab::ui::testing;

namespace {

std::uint32_t indexOf(const SimulationController& c, const std::string& id) {
  const auto& components = c.model()->components;
  for (std::uint32_t i = 0; i < components.size(); ++i)
    if (components[i].id == id) return i;
  qFatal("no component %s", id.c_str());
}

void appendOf(std::vector<TraceRecord>& out, const SimulationController& c, std::uint32_t at) {
  for (const TraceRecord& r : c.frameRecords())
    if (r.component == at) out.push_back(r);
}

double value(const DifferenceTable& t, const QString& figure, DifferenceTable::Column column) {
  const int row = t.rowOf(figure);
  if (row < 0) qFatal("no row %s", qPrintable(figure));
  const QVariant v = t.valueAt(row, column);
  if (!v.isValid()) qFatal("no value in row %s", qPrintable(figure));
  return v.toDouble();
}

int runGui(const QStringList& args) {
  QProcess p;
  QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
  env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
  p.setProcessEnvironment(env);
  p.start(QStringLiteral(BROKERLAB_GUI_EXE), args);
  if (!p.waitForFinished(120000)) return -1;
  return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2;
}

}  // namespace

class tst_Compare : public QObject {
  Q_OBJECT

 private slots:
  void bothRunsUseOneSeed() {
    Scenario a = loadBundled(QStringLiteral("work-queue"));
    Scenario b = moreWorkers(a);
    a.seed = 11;
    b.seed = 99;
    CompareWindow w;
    QVERIFY(w.load(a, QStringLiteral("a.json"), b, QStringLiteral("b.json")).isEmpty());
    QCOMPARE(w.seed(), 11u);
    QCOMPARE(w.left().model()->seed, 11u);
    QCOMPARE(w.right().model()->seed, 11u);  // the left one's, not its own
    QVERIFY(w.pane(false).header().contains(QStringLiteral("a.json")));
    QVERIFY(w.pane(true).header().contains(QStringLiteral("b.json")));
    QVERIFY(w.reseed(5).isEmpty());
    QCOMPARE(w.left().model()->seed, 5u);
    QCOMPARE(w.right().model()->seed, 5u);
    QCOMPARE(w.clock().now(), SimTime{0});
    QVERIFY(w.load(a, QStringLiteral("a"), b, QStringLiteral("b"), 42).isEmpty());
    QCOMPARE(w.right().model()->seed, 42u);
  }

  // The main window's lecture keys work in a comparison too: + and − step the one speed, Page
  // Down and Page Up land both runs at the next and previous mark (manual acks: a caption at 54 s,
  // the crash at 1 m).
  void lectureKeysDriveBothRuns() {
    const Scenario s = loadBundled(QStringLiteral("consumer-crash-manual-ack"));
    CompareWindow w;
    QVERIFY(w.load(s, QStringLiteral("A"), s, QStringLiteral("B")).isEmpty());
    w.show();
    w.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&w));
    QTest::keyClick(&w, Qt::Key_Plus);
    QCOMPARE(w.clock().speed(), 2.0);
    QTest::keyClick(&w, Qt::Key_Minus);
    QTest::keyClick(&w, Qt::Key_Minus);
    QCOMPARE(w.clock().speed(), 0.5);
    const auto at = [&](SimTime t) {
      return w.left().simulator().now() == t && w.right().simulator().now() == t &&
             w.clock().now() == t;
    };
    QTest::keyClick(&w, Qt::Key_PageDown);
    QVERIFY(at(54 * kSecond));
    QTest::keyClick(&w, Qt::Key_PageDown);
    QVERIFY(at(60 * kSecond));
    QTest::keyClick(&w, Qt::Key_PageUp);
    QVERIFY(at(54 * kSecond));
    QTest::keyClick(&w, Qt::Key_PageUp);
    QVERIFY(at(0));
    QVERIFY(!w.clock().playing());
  }

  // F1 lists each window's own keys: the comparison's in the comparison, and not among the main
  // window's (the comparison is its child).
  void eachWindowListsItsOwnKeys() {
    MainWindow main;
    main.files().setInteractive(false);
    QVERIFY(main.files().openPath(scenarioPath(QStringLiteral("work-queue"))));
    auto* actions = main.findChild<CompareActions*>();
    actions->setInteractive(false);
    QPointer<CompareWindow> w =
        actions->compareWithFile(scenarioPath(QStringLiteral("work-queue")));
    QVERIFY(w);
    const QString mine = HelpActions::shortcutLines(&main).join(QLatin1Char('\n'));
    const QString theirs = HelpActions::shortcutLines(w).join(QLatin1Char('\n'));
    QVERIFY2(!mine.contains(QStringLiteral("both runs")), qPrintable(mine));
    QVERIFY(mine.contains(QStringLiteral("Play or pause the simulation")));
    QVERIFY2(theirs.contains(QStringLiteral("Play or pause both runs")), qPrintable(theirs));
    QVERIFY(theirs.contains(QStringLiteral("PgDown")) ||
            theirs.contains(QStringLiteral("Page Down")));
    QVERIFY(theirs.contains(QStringLiteral("F1")));
    QVERIFY(!theirs.contains(QStringLiteral("Play or pause the simulation")));
    w->close();
  }

  void clocksStayEqualWhilePlayingAndStepping() {
    const Scenario a = loadBundled(QStringLiteral("work-queue"));
    CompareWindow w;
    QVERIFY(w.load(a, QStringLiteral("A"), moreWorkers(a), QStringLiteral("B")).isEmpty());
    w.show();
    CompareClock& clock = w.clock();
    clock.setSpeed(20);
    clock.play();
    for (int i = 0; i < 120; ++i) {
      clock.advanceFrame(kFrame);
      QCOMPARE(w.left().simulator().now(), w.right().simulator().now());
    }
    QVERIFY(clock.now() > 30 * kSecond);  // two wall seconds at 20x
    clock.pause();
    QVERIFY(!clock.playing());
    QCOMPARE(w.left().simulator().now(), w.right().simulator().now());
    // Step: to the next instant either run has an event, both there.
    for (int i = 0; i < 50; ++i) {
      const SimTime next =
          std::min(w.left().simulator().nextEventTime(), w.right().simulator().nextEventTime());
      clock.step();
      QCOMPARE(w.left().simulator().now(), next);
      QCOMPARE(w.right().simulator().now(), next);
    }
    QVERIFY(!clock.playing());
    clock.restart();
    QCOMPARE(w.left().simulator().now(), SimTime{0});
    QCOMPARE(w.right().simulator().now(), SimTime{0});
    // To the end: both finish together.
    clock.setSpeed(1000);
    clock.play();
    for (int i = 0; i < 1000 && clock.playing(); ++i) {
      clock.advanceFrame(kFrame);
      QCOMPARE(w.left().simulator().now(), w.right().simulator().now());
    }
    QVERIFY(clock.finished());
    QCOMPARE(clock.now(), a.duration);
  }

  // A click on the time axis lands both runs there, on the checkpoints' same runs; the key
  // figures follow; the marks of both are drawn, a shared one once.
  void theTimeAxisLandsBothRuns() {
    const Scenario a = loadBundled(QStringLiteral("work-queue"));
    Scenario b = moreWorkers(a);
    b.annotations.pop_back();                                    // A's last caption: A only
    b.annotations.push_back({7 * kSecond, "only in B", false});  // and one of B's own
    CompareWindow w;
    QVERIFY(w.load(a, QStringLiteral("A"), b, QStringLiteral("B")).isEmpty());
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    CompareTimeline& axis = w.timeline();
    QVERIFY(axis.isVisible());

    QStringList texts;
    for (const TimeScrubber::Mark& m : axis.marks()) texts << m.text;
    QCOMPARE(texts.size(), static_cast<qsizetype>(a.annotations.size() + 1));
    // A caption both have is drawn once, as it reads (" (pauses)" when it pauses the run).
    const QString shared = QString::fromStdString(a.annotations.front().text);
    QCOMPARE(std::count_if(texts.begin(), texts.end(),
                           [&](const QString& t) { return t.contains(shared); }),
             1);
    QVERIFY(texts.filter(shared).front().startsWith(shared));
    const QString onlyA = QStringLiteral("A: ") + QString::fromStdString(a.annotations.back().text);
    QVERIFY2(std::any_of(texts.begin(), texts.end(),
                         [&](const QString& t) { return t.startsWith(onlyA); }),
             qPrintable(texts.join(QLatin1Char('\n'))));
    QVERIFY(texts.contains(QStringLiteral("B: only in B")));

    // At 30 s (later: running there), then back at 12 s (from the checkpoints).
    std::vector<SimTime> landed;
    for (const double seconds : {30.0, 12.0}) {
      const int x = static_cast<int>(axis.xOf(static_cast<SimTime>(seconds * 1e9)));
      const SimTime t = axis.timeAt(x);
      QTest::mouseClick(&axis, Qt::LeftButton, {}, QPoint(x, 28));
      QTRY_COMPARE(w.left().simulator().now(), t);
      QCOMPARE(w.right().simulator().now(), t);
      QVERIFY(!w.clock().playing());
      QCOMPARE(w.figuresAt(), t);
      // The same runs as from 0 to there, with the comparison's one seed.
      const std::array<std::pair<const Scenario*, SimulationController*>, 2> runs = {
          {{&a, &w.left()}, {&b, &w.right()}}};
      for (const auto& [scenario, there] : runs) {
        SimulationController fresh;
        QVERIFY(fresh.load(*scenario, w.seed()).isEmpty());
        runTo(fresh, t);
        QCOMPARE(hex(there->simulator().traceHash()), hex(fresh.simulator().traceHash()));
      }
      landed.push_back(t);
    }
    QVERIFY(landed[0] > 29 * kSecond && landed[0] < 31 * kSecond);
    QVERIFY(landed[1] < landed[0]);
    const SimTime earlier = landed[1];
    // Playing on from a landing keeps the clocks equal.
    w.clock().setSpeed(20);
    w.clock().play();
    for (int i = 0; i < 30; ++i) w.clock().advanceFrame(kFrame);
    QCOMPARE(w.left().simulator().now(), w.right().simulator().now());
    QVERIFY(w.clock().now() > earlier);
  }

  // A fault chosen from a component's menu in a comparison hits both runs at the same instant;
  // a run without that component says so, and the other still takes it.
  void aLiveFaultHitsBothRuns() {
    const Scenario a = loadBundled(QStringLiteral("work-queue"));
    Scenario b = moreWorkers(a);
    CompareWindow w;
    QVERIFY(w.load(a, QStringLiteral("A"), b, QStringLiteral("B")).isEmpty());
    w.show();
    CompareClock& clock = w.clock();
    clock.setSpeed(20);
    clock.play();
    while (clock.now() < 10 * kSecond) clock.advanceFrame(kFrame);
    clock.pause();
    const SimTime before = clock.now();
    const SimTime figuresBefore = w.figuresAt();

    QMenu menu;
    w.faults().populate(&menu, /*right=*/false, indexOf(w.left(), "workers"), 0);
    QAction* crash = nullptr;
    for (QAction* action : menu.actions())
      if (action->text().startsWith(QStringLiteral("Crash every instance of workers")))
        crash = action;
    QVERIFY(crash);
    crash->trigger();
    for (const SimulationController* run : {&w.left(), &w.right()}) {
      QCOMPARE(run->timeline().changes().size(), std::size_t{1});
      const LiveChange& change = run->timeline().changes().front();
      QVERIFY(change.fault);
      QCOMPARE(change.fault->kind, FaultKind::Crash);
      QCOMPARE(change.fault->target, std::string("workers"));
      QVERIFY(change.at() > before && change.at() < before + kMillisecond);
      QCOMPARE(run->simulator().now(), change.at());  // the instant ran: the crash shows now
    }
    QCOMPARE(w.left().timeline().changes().front().at(),
             w.right().timeline().changes().front().at());
    const QString said = w.statusBar()->currentMessage();
    QVERIFY2(said.contains(QStringLiteral("A at")) && said.contains(QStringLiteral("B at")),
             qPrintable(said));
    QVERIFY(w.figuresAt() > figuresBefore);  // the key figures followed
    // One mark on the time axis: both runs have it.
    int live = 0;
    for (const TimeScrubber::Mark& m : w.timeline().marks())
      if (m.kind == TimeScrubber::Mark::Kind::LiveFault) {
        ++live;
        QVERIFY2(!m.text.startsWith(QStringLiteral("A:")), qPrintable(m.text));
      }
    QCOMPARE(live, 1);
    // Running both again from the seed box leaves the live faults behind.
    QVERIFY(w.reseed(w.seed()).isEmpty());
    QVERIFY(w.left().timeline().changes().empty());
    QVERIFY(w.right().timeline().changes().empty());

    // A fault for a component only A has: A takes it, B is named.
    Scenario renamed = a;
    for (ComponentSpec& c : renamed.components)
      if (c.id == "orders-api") c.id = "checkout";
    QVERIFY(w.load(a, QStringLiteral("A"), renamed, QStringLiteral("B")).isEmpty());
    QMenu producer;
    w.faults().populate(&producer, /*right=*/false, indexOf(w.left(), "orders-api"), 0);
    QAction* spike = nullptr;
    for (QAction* action : producer.actions())
      if (action->text().startsWith(QStringLiteral("Spike orders-api"))) spike = action;
    QVERIFY(spike);
    spike->trigger();
    QCOMPARE(w.left().timeline().changes().size(), std::size_t{1});
    QCOMPARE(w.right().timeline().changes().size(), std::size_t{0});
    QVERIFY2(w.statusBar()->currentMessage().contains(QStringLiteral("B cannot take it")),
             qPrintable(w.statusBar()->currentMessage()));
  }

  // The key figures leave the window as CSV (exact values, for a spreadsheet) and, copied, as
  // the table shows them.
  void keyFiguresExportAndCopy() {
    const Scenario a = loadBundled(QStringLiteral("work-queue"));
    CompareWindow w;
    QVERIFY(w.load(a, QStringLiteral("A"), moreWorkers(a), QStringLiteral("B")).isEmpty());
    w.bringTo(20 * kSecond);
    // Both runs exactly there, not a frame past (the last frame is cut to what is left).
    QCOMPARE(w.left().simulator().now(), 20 * kSecond);
    QCOMPARE(w.right().simulator().now(), 20 * kSecond);
    const DifferenceTable& table = w.table();
    const std::vector<KeyFigure>& figures = table.figures();
    QVERIFY(figures.size() > 5);

    const QString csv = QString::fromStdString(keyFiguresCsv(figures));
    const QStringList lines = csv.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.front(), QStringLiteral("figure,unit,better,a,b,b_minus_a,b_vs_a"));
    QCOMPARE(lines.size(), static_cast<qsizetype>(figures.size() + 1));
    const QString name = QStringLiteral("orders-api: end-to-end p99");
    const int row = table.rowOf(name);
    QVERIFY(row >= 0);
    const QStringList fields = lines[row + 1].split(QLatin1Char(','));
    QCOMPARE(fields.size(), 7);
    QCOMPARE(fields[0], name);
    QCOMPARE(fields[1], QStringLiteral("s"));
    QCOMPARE(fields[2], QStringLiteral("lower"));
    QCOMPARE(fields[3].toDouble(), table.valueAt(row, DifferenceTable::A).toDouble());
    QCOMPARE(fields[4].toDouble(), table.valueAt(row, DifferenceTable::B).toDouble());
    QCOMPARE(fields[5].toDouble(), table.valueAt(row, DifferenceTable::Difference).toDouble());
    // A name with a comma or a quote is quoted; an absent value is an empty field.
    KeyFigure odd;
    odd.name = QStringLiteral("q \"x\", y: delivered");
    odd.a = 3;
    QCOMPARE(keyFiguresCsv({odd}), std::string("figure,unit,better,a,b,b_minus_a,b_vs_a\n"
                                               "\"q \"\"x\"\", y: delivered\",count,,3,,,\n"));

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("figures.csv"));
    QString error;
    QVERIFY2(w.exportKeyFigures(path, &error), qPrintable(error));
    QFile written(path);
    QVERIFY(written.open(QIODevice::ReadOnly));
    QCOMPARE(QString::fromUtf8(written.readAll()), csv);
    QVERIFY(!w.exportKeyFigures(dir.filePath(QStringLiteral("no/such/dir/f.csv")), &error));
    QVERIFY(error.contains(QStringLiteral("key figures")));

    // Copy: the header and the selected row, as shown.
    w.table().selectRow(row);
    const QStringList copied = w.table().copyText().split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(copied.size(), 2);
    QVERIFY(copied[0].startsWith(QStringLiteral("Key figure\tA\tB")));
    QCOMPARE(copied[1].section(QLatin1Char('\t'), 0, 0), name);
    QCOMPARE(copied[1].section(QLatin1Char('\t'), 1, 1),
             table.item(row, DifferenceTable::A)->text());
    QTest::keyClick(&w.table(), Qt::Key_C, Qt::ControlModifier);  // Ctrl+C puts the same there
    QCOMPARE(QGuiApplication::clipboard()->text(), w.table().copyText());
  }

  // Shown, the window's own 60 Hz timer drives the one clock; the space key plays and pauses.
  void playsOnItsOwnTimer() {
    const Scenario a = loadBundled(QStringLiteral("work-queue"));
    CompareWindow w;
    QVERIFY(w.load(a, QStringLiteral("A"), moreWorkers(a), QStringLiteral("B")).isEmpty());
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    w.clock().setSpeed(10);
    QTest::keyClick(&w, Qt::Key_Space);
    QVERIFY(w.clock().playing());
    QTRY_VERIFY(w.clock().now() > kSecond);
    QTest::keyClick(&w, Qt::Key_Space);
    QVERIFY(!w.clock().playing());
    QCOMPARE(w.left().simulator().now(), w.right().simulator().now());
    QCOMPARE(w.figuresAt(), w.clock().now());
  }

  // One run much heavier than the other, at a speed the frame budget cannot keep: the light one
  // is brought to where the heavy one got, every frame. The bundled M/M/c a hundred times as busy
  // (the same load: arrivals x100, service /100) asks 12 million events a frame, which no
  // machine runs in the frame's 8 ms, so the budget runs out however fast the machine is (the
  // bundled one, 120,000 events a frame, fitted on a fast day).
  void clocksStayEqualWhenTheBudgetRunsOut() {
    Scenario a = loadBundled(QStringLiteral("mmc"));
    component(a, "arrivals").rate = *component(a, "arrivals").rate * 100;
    component(a, "servers").service = Distribution::exponential(kMillisecond);
    Scenario b = a;
    component(b, "servers").instances = 4;
    CompareWindow w;
    QVERIFY(w.load(a, QStringLiteral("mmc"), b, QStringLiteral("mmc 4")).isEmpty());
    CompareClock& clock = w.clock();
    clock.setSpeed(SimulationController::kMaxSpeed);
    clock.play();
    for (int i = 0; i < 20; ++i) {
      clock.advanceFrame(0.1);  // 1000 simulated seconds a frame: more than a budget's worth
      QCOMPARE(w.left().simulator().now(), w.right().simulator().now());
    }
    QVERIFY(w.left().speedLimited());  // the budget did run out
    QVERIFY(clock.now() > 0);
    clock.pause();
  }

  // Common random numbers in the window: the producer nobody edited publishes the same messages
  // at the same instants in both runs, frame by frame; the edited workers do not process alike.
  void unchangedProducerTracesTheSameRecords() {
    const Scenario a = loadBundled(QStringLiteral("work-queue"));
    CompareWindow w;
    QVERIFY(w.load(a, QStringLiteral("A"), moreWorkers(a), QStringLiteral("B")).isEmpty());
    const std::uint32_t producerA = indexOf(w.left(), "orders-api");
    const std::uint32_t producerB = indexOf(w.right(), "orders-api");
    const std::uint32_t workersA = indexOf(w.left(), "workers");
    const std::uint32_t workersB = indexOf(w.right(), "workers");
    std::vector<TraceRecord> pa, pb, wa, wb;
    w.clock().setSpeed(10);
    w.clock().play();
    for (int i = 0; i < 180; ++i) {
      w.clock().advanceFrame(kFrame);
      QVERIFY(w.left().recordsComplete() && w.right().recordsComplete());
      appendOf(pa, w.left(), producerA);
      appendOf(pb, w.right(), producerB);
      appendOf(wa, w.left(), workersA);
      appendOf(wb, w.right(), workersB);
    }
    QVERIFY(pa.size() > 400);  // 30 simulated seconds at 20 a second
    QVERIFY(pa == pb);
    QVERIFY(!wa.empty() && wa != wb);
  }

  void differenceTableHoldsTheReportsFigures() {
    const Scenario a = loadBundled(QStringLiteral("work-queue"));
    CompareWindow w;
    QVERIFY(w.load(a, QStringLiteral("A"), moreWorkers(a), QStringLiteral("B")).isEmpty());
    w.show();
    CompareClock& clock = w.clock();
    clock.setSpeed(20);
    clock.play();
    for (int i = 0; i < 60; ++i) clock.advanceFrame(kFrame);
    clock.pause();
    QCOMPARE(w.figuresAt(), clock.now());
    const DifferenceTable& t = w.table();
    RunReport ra = buildReport(w.left().simulator());
    RunReport rb = buildReport(w.right().simulator());
    const auto check = [&t](const QString& figure, double inA, double inB) {
      QCOMPARE(value(t, figure, DifferenceTable::A), inA);
      QCOMPARE(value(t, figure, DifferenceTable::B), inB);
      QCOMPARE(value(t, figure, DifferenceTable::Difference), inB - inA);
      if (inA != 0) QCOMPARE(value(t, figure, DifferenceTable::Relative), (inB - inA) / inA);
    };
    check(QStringLiteral("published"), ra.ledger.published, rb.ledger.published);
    QCOMPARE(ra.ledger.published, rb.ledger.published);  // the same publishes: same seed
    check(QStringLiteral("orders: wait p50"), ra.queues[0].wait.p50S, rb.queues[0].wait.p50S);
    check(QStringLiteral("orders: wait p99"), ra.queues[0].wait.p99S, rb.queues[0].wait.p99S);
    QVERIFY(ra.queues[0].wait.p99S != rb.queues[0].wait.p99S);
    check(QStringLiteral("orders: delivered"), ra.queues[0].counters.delivered,
          rb.queues[0].counters.delivered);
    check(QStringLiteral("orders: acked/s"), ra.queues[0].counters.acked / ra.simTimeS,
          rb.queues[0].counters.acked / rb.simTimeS);
    check(QStringLiteral("orders: mean backlog"), ra.queues[0].depthMean, rb.queues[0].depthMean);
    check(QStringLiteral("orders-api: end-to-end p99"), ra.producers[0].endToEnd.p99S,
          rb.producers[0].endToEnd.p99S);
    check(QStringLiteral("workers: utilization"), ra.consumers[0].utilization,
          rb.consumers[0].utilization);
    check(QStringLiteral("workers: processed"), ra.consumers[0].processed,
          rb.consumers[0].processed);
    check(QStringLiteral("lost"), 0, 0);
    check(QStringLiteral("still in the system"), ra.ledger.live(), rb.ledger.live());
    // Trouble that neither run had is not listed.
    QCOMPARE(t.rowOf(QStringLiteral("orders: dead-lettered")), -1);

    // While playing the table keeps the last pause's figures...
    const double publishedAtPause = value(t, QStringLiteral("published"), DifferenceTable::A);
    clock.play();
    for (int i = 0; i < 30; ++i) clock.advanceFrame(kFrame);
    QCOMPARE(value(t, QStringLiteral("published"), DifferenceTable::A), publishedAtPause);
    QVERIFY(static_cast<double>(buildReport(w.left().simulator()).ledger.published) !=
            publishedAtPause);
    // ...and at the end it holds the end's.
    clock.setSpeed(1000);
    for (int i = 0; i < 1000 && clock.playing(); ++i) clock.advanceFrame(kFrame);
    QVERIFY(clock.finished());
    QCOMPARE(w.figuresAt(), a.duration);
    ra = buildReport(w.left().simulator());
    rb = buildReport(w.right().simulator());
    check(QStringLiteral("published"), ra.ledger.published, rb.ledger.published);
    check(QStringLiteral("orders: wait p99"), ra.queues[0].wait.p99S, rb.queues[0].wait.p99S);
    check(QStringLiteral("workers: processed"), ra.consumers[0].processed,
          rb.consumers[0].processed);
  }

  void fileMenuOpensAComparison() {
    MainWindow main;
    main.files().setInteractive(false);
    QVERIFY(main.files().openPath(scenarioPath(QStringLiteral("work-queue"))));
    auto* actions = main.findChild<CompareActions*>();
    QVERIFY(actions);
    actions->setInteractive(false);
    QVERIFY(actions->compareWith()->isEnabled());
    QVERIFY(!actions->compareWithSaved()->isEnabled());  // nothing edited
    QPointer<CompareWindow> w = actions->compareWithFile(scenarioPath(QStringLiteral("scale-out")));
    QVERIFY(w);
    QVERIFY(w->isVisible());
    QCOMPARE(w->left().scenario(), main.document().scenario());
    QVERIFY(w->pane(true).header().contains(QStringLiteral("scale-out.json")));
    QCOMPARE(w->seed(), 1u);
    // Not a scenario: no window, and the document is left alone.
    QVERIFY(!actions->compareWithFile(QStringLiteral(BROKERLAB_SOURCE_DIR "/README.md")));
    w->close();
    QTRY_VERIFY(!w);  // deleted when closed
  }

  // A comparison opened while the main window is in lecture mode is in lecture mode too; one
  // opened after leaving it is not.
  void opensInLectureModeFromALecture() {
    MainWindow main;
    main.files().setInteractive(false);
    main.show();
    QVERIFY(main.files().openPath(scenarioPath(QStringLiteral("work-queue"))));
    auto* actions = main.findChild<CompareActions*>();
    actions->setInteractive(false);
    main.lecture().setActive(true);
    QPointer<CompareWindow> lecturing =
        actions->compareWithFile(scenarioPath(QStringLiteral("scale-out")));
    QVERIFY(lecturing);
    QVERIFY(lecturing->lecturing());
    QVERIFY(lecturing->pane(false).canvas().theme().scale() > 1);
    main.lecture().setActive(false);
    QPointer<CompareWindow> windowed =
        actions->compareWithFile(scenarioPath(QStringLiteral("scale-out")));
    QVERIFY(windowed);
    QVERIFY(!windowed->lecturing());
    QCOMPARE(windowed->pane(false).canvas().theme().scale(), 1.0);
    lecturing->close();
    windowed->close();
  }

  void comparesTheEditedDocumentWithItsFile() {
    MainWindow main;
    main.files().setInteractive(false);
    const QString path = scenarioPath(QStringLiteral("work-queue"));
    QVERIFY(main.files().openPath(path));
    auto* actions = main.findChild<CompareActions*>();
    actions->setInteractive(false);
    const Scenario edited = moreWorkers(main.document().scenario());
    // An edit as the editor makes it: an undoable replacement of the scenario.
    main.document().undoStack()->push(new QUndoCommand);  // marks the document modified
    main.document().replaceScenario(edited);
    QVERIFY(main.document().isModified());
    QVERIFY(actions->compareWithSaved()->isEnabled());
    QPointer<CompareWindow> w = actions->compareWithSavedFile();
    QVERIFY(w);
    QCOMPARE(w->left().scenario(), *loadScenarioFile(path).scenario);
    QCOMPARE(w->right().scenario(), edited);
    QVERIFY(w->pane(false).header().contains(QStringLiteral("(saved)")));
    QVERIFY(w->pane(true).header().contains(QStringLiteral("(edited)")));
    w->close();
  }

  // brokerlab FILE --compare OTHER: the comparison window, headless into a picture.
  void commandLineOpensAComparison() {
    QTemporaryDir dir;
    const QString png = dir.filePath(QStringLiteral("compare.png"));
    const QString other =
        QStringLiteral(BROKERLAB_SOURCE_DIR "/docs/examples/work-queue-2-workers.json");
    QCOMPARE(runGui({scenarioPath(QStringLiteral("work-queue")), QStringLiteral("--compare"), other,
                     QStringLiteral("--at"), QStringLiteral("20s"), QStringLiteral("--screenshot"),
                     png}),
             0);
    const QImage image(png);
    QCOMPARE(image.size(), QSize(1600, 900));
    // Both run headers are in the picture: A's blue band on the left, B's orange on the right.
    QCOMPARE(image.pixelColor(400, 45).rgb() & 0xffffff, okabeIto::kBlue & 0xffffff);
    QCOMPARE(image.pixelColor(1200, 45).rgb() & 0xffffff, okabeIto::kOrange & 0xffffff);
    QCOMPARE(runGui({QStringLiteral("--compare"), other}), 2);  // no FILE to compare with
    QCOMPARE(runGui({scenarioPath(QStringLiteral("work-queue")), QStringLiteral("--compare"),
                     QStringLiteral(BROKERLAB_SOURCE_DIR "/docs/examples/broken.json"),
                     QStringLiteral("--at"), QStringLiteral("20s"), QStringLiteral("--screenshot"),
                     png}),
             1);
  }
};

QTEST_MAIN(tst_Compare)
#include "tst_compare.moc"
