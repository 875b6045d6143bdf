// Live what-if from the inspector: a producer's rate, a consumer's instances, service time and
// prefetch, a client's poll interval changed while the run goes on take effect at once in the
// engine, are live faults on the document (undone with one undo each) and marks on the timeline,
// and the saved scenario replays the window's run with the same trace hash in brokerlab-cli and
// in the window after reopening it.

#include "UiFixtures.h"
#include "document/ScenarioDocument.h"
#include "faults/WhatIfPanel.h"
#include "inspector/InspectorDock.h"
#include "timeline/TimelineBar.h"
#include "window/FileActions.h"
#include "window/MainWindow.h"

#include <QComboBox>
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

  // A stream's consumer fetches up to 500 records when its prefetch is 0 (Kafka's
  // max.poll.records), not an unlimited number: the field says so, and a queue's consumer's
  // field, shown next, says "unlimited" again.
  void aStreamConsumersPrefetchIsItsFetch() {
    MainWindow w;
    w.files().setInteractive(false);
    QVERIFY(w.files().openPath(scenarioPath(QStringLiteral("queue-vs-topic-vs-stream"))));
    runTo(w.controller(), 5 * kSecond);
    auto* panel = w.inspector().findChild<WhatIfPanel*>();
    QVERIFY(panel);
    const auto& components = w.document().scenario().components;
    const auto indexOf = [&](const char* id) {
      for (std::uint32_t i = 0; i < components.size(); ++i)
        if (components[i].id == id) return i;
      return std::uint32_t{0};
    };
    w.inspector().showComponent(indexOf("ledger"));
    QVERIFY(panel->prefetch()->isVisibleTo(panel));
    QCOMPARE(panel->prefetch()->specialValueText(), QStringLiteral("up to 500"));
    QVERIFY(panel->prefetch()->toolTip().contains(QStringLiteral("max.poll.records")));
    w.inspector().showComponent(indexOf("workers"));
    QCOMPARE(panel->prefetch()->specialValueText(), QStringLiteral("unlimited"));
    QVERIFY(panel->prefetch()->toolTip().contains(QStringLiteral("basic.qos")));
  }

  // A worker's prefetch and a client's poll interval: applied from now, marked on the timeline,
  // undone and redone, saved; the file replays the run in the CLI and, reopened, in the window.
  void prefetchAndPollIntervalReplayAfterReopening() {
    const QString original = scenarioPath(QStringLiteral("async-request-reply"));
    const QString plainHash = cliTraceHash(original);
    QVERIFY(!plainHash.isEmpty());
    QTemporaryDir dir;
    const QString copy = dir.filePath(QStringLiteral("what-if-poll.json"));
    std::uint64_t hash = 0;
    {
      MainWindow w;
      w.files().setInteractive(false);
      QVERIFY(w.files().openPath(original));
      SimulationController& c = w.controller();
      runTo(c, 20 * kSecond);
      auto* panel = w.inspector().findChild<WhatIfPanel*>();
      QVERIFY(panel);

      // The client (component 0, polls every second): every 2.5 s from now.
      w.inspector().showComponent(0);
      QVERIFY(panel->pollValue()->isVisibleTo(panel));  // in its row, with its unit
      QVERIFY(panel->pollValue()->isEnabled());
      QVERIFY(panel->prefetch()->isHidden());
      QCOMPARE(panel->pollInterval(), kSecond);
      QCOMPARE(panel->pollUnit()->currentText(), QStringLiteral("s"));
      panel->pollValue()->setValue(2.5);
      panel->pollUnit()->setCurrentIndex(0);  // ms: the same interval, in other units
      QCOMPARE(panel->pollValue()->value(), 2500.0);
      QCOMPARE(panel->pollInterval(), 2500 * kMillisecond);
      panel->applyButton()->click();
      QCOMPARE(c.simulator().clients()[0].pollInterval, 2500 * kMillisecond);
      QCOMPARE(panel->pollUnit()->currentText(), QStringLiteral("s"));  // shown anew: 2.5 s

      // The worker (component 3, prefetch 1): prefetch 4 from now. Nothing else changes.
      runTo(c, 30 * kSecond);
      w.inspector().showComponent(3);
      QVERIFY(!panel->pollValue()->isVisibleTo(panel));
      QVERIFY(panel->prefetch()->isVisibleTo(panel));
      QCOMPARE(panel->prefetch()->value(), 1);
      QCOMPARE(panel->prefetch()->specialValueText(), QStringLiteral("unlimited"));
      panel->prefetch()->setValue(4);
      panel->applyButton()->click();
      const ConsumerDef& worker = c.model()->consumers[0];
      for (std::uint32_t i = 0; i < worker.instanceSlots; ++i)
        QCOMPARE(c.simulator().instances()[worker.firstInstance + i].prefetch, std::uint32_t{4});
      panel->applyButton()->click();  // nothing changed since: no fault
      QCOMPARE(w.document().undoStack()->count(), 2);

      const std::vector<FaultSpec>& faults = w.document().scenario().faults;
      QCOMPARE(faults.size(), std::size_t{2});
      QCOMPARE(faults[0].kind, FaultKind::Poll);
      QCOMPARE(faults[0].target, std::string("browser"));
      QCOMPARE(faults[0].pollInterval, std::optional<SimTime>(2500 * kMillisecond));
      QVERIFY(faults[0].at > 20 * kSecond);
      QCOMPARE(faults[1].kind, FaultKind::Prefetch);
      QCOMPARE(faults[1].target, std::string("worker"));
      QCOMPARE(faults[1].prefetch, std::optional<std::uint32_t>(4));

      // Both on the timeline, as live faults.
      auto* timeline = w.findChild<TimelineBar*>();
      QVERIFY(timeline);
      QStringList texts;
      for (const TimelineBar::Mark& m : timeline->marks())
        if (m.kind == TimelineBar::Mark::Kind::LiveFault) texts << m.text;
      QVERIFY2(texts.contains(QStringLiteral("poll browser every 2.5 s (live)")),
               qPrintable(texts.join(QLatin1Char('|'))));
      QVERIFY2(texts.contains(QStringLiteral("prefetch worker to 4 (live)")),
               qPrintable(texts.join(QLatin1Char('|'))));

      // Undo the prefetch: the run is landed again without it; redo puts it back.
      w.document().undoStack()->undo();
      QCOMPARE(w.document().scenario().faults.size(), std::size_t{1});
      QCOMPARE(c.simulator().instances()[worker.firstInstance].prefetch, std::uint32_t{1});
      w.document().undoStack()->redo();
      QCOMPARE(w.document().scenario().faults.size(), std::size_t{2});
      runTo(c, 31 * kSecond);
      QCOMPARE(c.simulator().instances()[worker.firstInstance].prefetch, std::uint32_t{4});

      runTo(c, c.model()->duration);
      hash = c.simulator().traceHash();
      QString error;
      QVERIFY2(w.document().save(copy, &error), qPrintable(error));
    }
    QCOMPARE(cliTraceHash(copy), hex(hash));
    QVERIFY(hex(hash) != plainHash);  // the changes made a difference the hash sees

    // Reopened in a new window: the faults are the scenario's own now, and replay the run.
    MainWindow again;
    again.files().setInteractive(false);
    QVERIFY(again.files().openPath(copy));
    QCOMPARE(again.document().scenario().faults.size(), std::size_t{2});
    runTo(again.controller(), again.controller().model()->duration);
    QCOMPARE(hex(again.controller().simulator().traceHash()), hex(hash));
  }
};

QTEST_MAIN(tst_WhatIf)
#include "tst_whatif.moc"
