// Live faults from the window: a crash chosen from a component's menu is applied through the
// engine, drawn (the instance looks crashed), marked on the timeline, recorded on the undo stack
// and in the scenario; saved and reopened it replays the run with the same trace hash; undone it
// leaves the run as if it never happened.

#include "UiFixtures.h"
#include "canvas/ConsumerItem.h"
#include "canvas/TopologyScene.h"
#include "canvas/TopologyView.h"
#include "controller/SimulationController.h"
#include "document/ScenarioDocument.h"
#include "faults/FaultActions.h"
#include "faults/LiveChanges.h"
#include "timeline/TimelineBar.h"
#include "window/CanvasPage.h"
#include "window/FileActions.h"
#include "window/MainWindow.h"

#include <QMenu>
#include <QTemporaryDir>

using namespace brokerlab;
using namespace brokerlab::ui;
using namespace brokerlab::ui::testing;
using S = SimulationController::RunState;

namespace {

QAction* entry(QMenu& menu, const QString& startsWith) {
  for (QAction* a : menu.actions())
    if (a->text().startsWith(startsWith)) return a;
  return nullptr;
}
}  // namespace

class tst_LiveFaults : public QObject {
  Q_OBJECT

 private slots:
  void crashFromTheMenuIsDrawnRecordedAndReplayed();
  void undoTakesTheFaultOutOfTheRun();
  void everyComponentKindOffersItsFaults();
  void resetFromTheStreamMenuIsRecorded();
  void liveChangesAreTheDocumentsExtras();
};

void tst_LiveFaults::crashFromTheMenuIsDrawnRecordedAndReplayed() {
  MainWindow w;
  w.files().setInteractive(false);
  QVERIFY(w.files().openPath(scenarioPath(QStringLiteral("work-queue"))));
  SimulationController& c = w.controller();
  runTo(c, 12 * kSecond);
  QMenu menu;
  w.faults().populate(&menu, 2, 2);  // workers, instance 2
  QAction* crash = entry(menu, QStringLiteral("Crash workers#2 (back"));
  QVERIFY(crash);
  crash->trigger();
  QCOMPARE(c.simulator().consumers()[0].crashes, std::uint64_t{1});
  // Drawn: the second instance looks crashed.
  const auto* item = dynamic_cast<const ConsumerItem*>(w.canvas().topology()->componentItem(2));
  QCOMPARE(item->instances()[1].look, InstanceLook::Crashed);
  // Recorded: the undo stack, the scenario, the timeline.
  QCOMPARE(w.document().undoStack()->count(), 1);
  QVERIFY(w.document().isModified());
  QCOMPARE(w.document().scenario().faults.size(), std::size_t{1});
  const FaultSpec saved = w.document().scenario().faults.front();
  QCOMPARE(saved.target, std::string("workers#2"));
  QVERIFY(saved.at > 12 * kSecond && saved.at <= 12 * kSecond + kMillisecond);
  bool marked = false;
  for (const TimelineBar::Mark& m : w.canvasPage().timeline().marks())
    marked |= m.kind == TimelineBar::Mark::Kind::LiveFault && m.at == saved.at;
  QVERIFY(marked);
  runTo(c, c.model()->duration);
  const std::uint64_t hash = c.simulator().traceHash();

  QTemporaryDir dir;
  const QString copy = dir.filePath(QStringLiteral("with-crash.json"));
  QString error;
  QVERIFY2(w.document().save(copy, &error), qPrintable(error));
  QCOMPARE(cliTraceHash(copy), hex(hash));  // the CLI replays the window's run
  MainWindow reopened;
  reopened.files().setInteractive(false);
  QVERIFY(reopened.files().openPath(copy));
  runTo(reopened.controller(), reopened.controller().model()->duration);
  QCOMPARE(reopened.controller().simulator().traceHash(), hash);
}

void tst_LiveFaults::undoTakesTheFaultOutOfTheRun() {
  MainWindow w;
  w.files().setInteractive(false);
  QVERIFY(w.files().openPath(scenarioPath(QStringLiteral("work-queue"))));
  SimulationController& c = w.controller();
  runTo(c, 10 * kSecond);
  FaultSpec slow;
  slow.kind = FaultKind::Slow;
  slow.target = "workers";
  slow.factor = 5;
  slow.duration = 20 * kSecond;
  QVERIFY(w.faults().apply(slow, QStringLiteral("slow")));
  runTo(c, 40 * kSecond);
  QCOMPARE(c.simulator().consumers()[0].serviceFactor, 1.0);  // over by 30 s
  const std::uint64_t withSlow = c.simulator().traceHash();
  w.document().undoStack()->undo();
  QVERIFY(w.document().scenario().faults.empty());
  QVERIFY(!w.document().isModified());
  QCOMPARE(c.simulator().now(), 40 * kSecond);
  QVERIFY(c.simulator().traceHash() != withSlow);
  QVERIFY(c.timeline().changes().empty());
  runTo(c, c.model()->duration);
  QCOMPARE(hex(c.simulator().traceHash()),
           cliTraceHash(scenarioPath(QStringLiteral("work-queue"))));
  w.document().undoStack()->redo();
  QCOMPARE(c.timeline().changes().size(), std::size_t{1});
}

void tst_LiveFaults::everyComponentKindOffersItsFaults() {
  MainWindow w;
  w.files().setInteractive(false);
  QVERIFY(w.files().openPath(scenarioPath(QStringLiteral("queue-vs-topic-vs-stream"))));
  const Model& m = *w.controller().model();
  for (std::uint32_t comp = 0; comp < m.components.size(); ++comp) {
    QMenu menu;
    w.faults().populate(&menu, comp, 0);
    QVERIFY(entry(menu, QStringLiteral("Restart the")));  // the broker, from anywhere
    switch (m.components[comp].kind) {
      case ComponentKind::Producer:
        QVERIFY(entry(menu, QStringLiteral("Spike")));
        QVERIFY(entry(menu, QStringLiteral("Poison")));
        QVERIFY(entry(menu, QStringLiteral("Partition")));
        QVERIFY(entry(menu, QStringLiteral("Degrade")));
        break;
      case ComponentKind::Consumer:
        QVERIFY(entry(menu, QStringLiteral("Crash every")));
        QVERIFY(entry(menu, QStringLiteral("Slow")));
        QVERIFY(entry(menu, QStringLiteral("Scale")));
        break;
      case ComponentKind::Stream:
        QVERIFY(entry(menu, QStringLiteral("Replay group")));
        break;
      default:
        break;
    }
  }
}

void tst_LiveFaults::resetFromTheStreamMenuIsRecorded() {
  MainWindow w;
  w.files().setInteractive(false);
  QVERIFY(w.files().openPath(scenarioPath(QStringLiteral("order-events-stream"))));
  runTo(w.controller(), 60 * kSecond);
  std::uint32_t stream = 0;
  for (std::uint32_t comp = 0; comp < w.controller().model()->components.size(); ++comp)
    if (w.controller().model()->components[comp].kind == ComponentKind::Stream) stream = comp;
  QMenu menu;
  w.faults().populate(&menu, stream, 0);
  QAction* replay = entry(menu, QStringLiteral("Replay group"));
  QVERIFY(replay);
  replay->trigger();
  QCOMPARE(w.document().scenario().actions.size(), std::size_t{1});
  QCOMPARE(w.controller().timeline().changes().size(), std::size_t{1});
}

void tst_LiveFaults::liveChangesAreTheDocumentsExtras() {
  const Scenario base = loadBundled(QStringLiteral("consumer-crash-manual-ack"));
  Scenario edited = base;
  FaultSpec extra;
  extra.kind = FaultKind::Spike;
  extra.target = "orders-api";
  extra.at = 5 * kSecond;
  edited.faults.push_back(extra);
  const auto changes = liveChangesBetween(base, edited);
  QVERIFY(changes);
  QCOMPARE(changes->size(), std::size_t{1});
  QCOMPARE(*changes->front().fault, extra);
  Scenario renamed = edited;
  renamed.components[0].rate = 99;
  QVERIFY(!liveChangesBetween(base, renamed));  // a model change: rebuild
  Scenario lost = base;
  lost.faults.clear();
  QVERIFY(!liveChangesBetween(base, lost));
}

QTEST_MAIN(tst_LiveFaults)
#include "tst_livefaults.moc"
