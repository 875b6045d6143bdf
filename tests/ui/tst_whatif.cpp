// Live what-if from the inspector: a producer's rate, a consumer's instances and service time
// changed while the run goes on take effect at once in the engine, are live faults on the
// document (undone with one undo each), and the saved scenario replays the window's run with the
// same trace hash in brokerlab-cli.

#include "UiFixtures.h"
#include "document/ScenarioDocument.h"
#include "faults/WhatIfPanel.h"
#include "inspector/InspectorDock.h"
#include "window/FileActions.h"
#include "window/MainWindow.h"

#include <QDoubleSpinBox>
#include <QPushButton>
#include <QSpinBox>
#include <QTemporaryDir>

using namespace brokerlab;
using namespace brokerlab::ui;
using namespace brokerlab::ui::testing;
using S = SimulationController::RunState;

class tst_WhatIf : public QObject {
  Q_OBJECT

 private slots:
  void changesApplyFromNowAndReplayAfterSaving() {
    MainWindow w;
    w.files().setInteractive(false);
    QVERIFY(w.files().openPath(scenarioPath(QStringLiteral("work-queue"))));
    SimulationController& c = w.controller();
    runTo(c, 10 * kSecond);
    auto* panel = w.inspector().findChild<WhatIfPanel*>();
    QVERIFY(panel);

    // The producer (component 0, 20 orders a second): to 30 a second.
    w.inspector().showComponent(0);
    QVERIFY(!panel->isHidden());
    QVERIFY(!panel->rate()->isHidden());
    QVERIFY(panel->instances()->isHidden());
    QCOMPARE(panel->rate()->value(), 20.0);
    panel->rate()->setValue(30);
    panel->applyButton()->click();
    QCOMPARE(c.simulator().producers()[0].rateFactor, 1.5);

    // The workers (component 2, three instances): two instances, each service twice as long.
    w.inspector().showComponent(2);
    QVERIFY(panel->rate()->isHidden());
    QCOMPARE(panel->instances()->value(), 3);
    panel->instances()->setValue(2);
    panel->serviceFactor()->setValue(2);
    panel->applyButton()->click();
    QCOMPARE(c.simulator().consumers()[0].serviceFactor, 2.0);
    runTo(c, 11 * kSecond);
    QCOMPARE(static_cast<int>(c.simulator().consumers()[0].active.value), 2);

    // On the document: three live faults, each its own undo step.
    const std::vector<FaultSpec>& faults = w.document().scenario().faults;
    QCOMPARE(faults.size(), std::size_t{3});
    QCOMPARE(faults[0].kind, FaultKind::Spike);
    QVERIFY(!faults[0].duration);  // from now on, not for a while
    QCOMPARE(faults[1].kind, FaultKind::Scale);
    QCOMPARE(faults[2].kind, FaultKind::Slow);
    QCOMPARE(w.document().undoStack()->count(), 3);

    // A queue offers no what-if.
    w.inspector().showComponent(1);
    QVERIFY(panel->isHidden());

    runTo(c, c.model()->duration);
    const std::uint64_t hash = c.simulator().traceHash();
    QTemporaryDir dir;
    const QString copy = dir.filePath(QStringLiteral("what-if.json"));
    QString error;
    QVERIFY2(w.document().save(copy, &error), qPrintable(error));
    QCOMPARE(cliTraceHash(copy), hex(hash));

    // Undo the service change: the run is landed again without it.
    w.document().undoStack()->undo();
    QCOMPARE(w.document().scenario().faults.size(), std::size_t{2});
  }
};

QTEST_MAIN(tst_WhatIf)
#include "tst_whatif.moc"
