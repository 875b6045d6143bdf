// The scenario editor in the window: the palette, the canvas's gestures (drop, drag to move,
// Shift+drag to connect), the menus' verbs and the property editor each make one undo step that
// undoes and redoes exactly; what the loader refuses is refused with its message; and what the
// editor makes saves, reopens unchanged and passes `brokerlab-cli validate`.

#include "UiFixtures.h"
#include "canvas/ComponentItem.h"
#include "canvas/TopologyScene.h"
#include "canvas/TopologyView.h"
#include "document/ScenarioDocument.h"
#include "editor/CanvasEditing.h"
#include "editor/DistributionField.h"
#include "editor/PaletteDock.h"
#include "editor/PropertyDock.h"
#include "editor/TopologyEditor.h"
#include "scenario/ScenarioEdits.h"
#include "scenario/ScenarioWriter.h"
#include "window/FileActions.h"
#include "window/MainWindow.h"

#include <QComboBox>
#include <QLineEdit>
#include <QMimeData>
#include <QTemporaryDir>
#include <QUndoStack>

using namespace brokerlab;
using namespace brokerlab::ui;
using namespace brokerlab::ui::testing;

namespace {

const ComponentSpec* find(const Scenario& s, const std::string& id) {
  for (const ComponentSpec& c : s.components)
    if (c.id == id) return &c;
  return nullptr;
}

// Where a component is drawn, in the canvas's viewport.
QPoint onScreen(MainWindow& w, const QString& id) {
  const ComponentItem* item = w.canvas().topology()->itemWithId(id);
  return w.canvas().mapFromScene(item->pos());
}

// Every kind of edit leaves one step on the stack that undoes to `before` and redoes to `after`.
void expectOneStep(MainWindow& w, const Scenario& before, int stepsBefore) {
  QUndoStack* undo = w.document().undoStack();
  QCOMPARE(undo->count(), stepsBefore + 1);
  const Scenario after = w.document().scenario();
  QVERIFY(!(after == before));
  undo->undo();
  QVERIFY(w.document().scenario() == before);
  undo->redo();
  QVERIFY(w.document().scenario() == after);
}

void openWorkQueue(MainWindow& w) {
  w.files().setInteractive(false);
  w.editor().setInteractive(false);
  w.resize(1600, 900);
  QVERIFY(w.files().openPath(scenarioPath(QStringLiteral("work-queue"))));
  w.editor().editMode()->setChecked(true);
}

}  // namespace

class tst_Editor : public QObject {
  Q_OBJECT

 private slots:
  void everyVerbIsOneUndoStep() {
    MainWindow w;
    openWorkQueue(w);
    TopologyEditor& e = w.editor();
    Scenario before = w.document().scenario();
    QVERIFY(e.add(edits::Blueprint::Queue, QPointF(900, 500)));
    expectOneStep(w, before, 0);
    QVERIFY(find(w.document().scenario(), "queue"));

    before = w.document().scenario();
    QVERIFY(
        e.connectIds(QStringLiteral("orders"), QStringLiteral("queue")));  // a dead-letter queue
    expectOneStep(w, before, 1);
    QCOMPARE(*find(w.document().scenario(), "orders")->deadLetter, std::string("queue"));

    before = w.document().scenario();
    QVERIFY(e.rename(QStringLiteral("queue"), QStringLiteral("orders.dlq")));
    // The renamed component is selected on the rebuilt canvas.
    QCOMPARE(w.canvas().selectedId(), QStringLiteral("orders.dlq"));
    expectOneStep(w, before, 2);
    QCOMPARE(*find(w.document().scenario(), "orders")->deadLetter, std::string("orders.dlq"));

    before = w.document().scenario();
    QVERIFY(e.setParameter(QStringLiteral("workers"), "prefetch", json::numberValue("10")));
    expectOneStep(w, before, 3);

    // Deleting the queue takes the producer and the consumer with it, in one step.
    before = w.document().scenario();
    QVERIFY(e.remove(QStringLiteral("orders")));
    expectOneStep(w, before, 4);
    QCOMPARE(w.document().scenario().components.size(), std::size_t{1});

    // Refused: nothing on the stack, the reason in the status line.
    before = w.document().scenario();
    QSignalSpy said(&e, &TopologyEditor::message);
    QVERIFY(!e.remove(QStringLiteral("orders.dlq")));  // the last component
    QVERIFY(!e.rename(QStringLiteral("orders.dlq"), QStringLiteral("bad id")));
    QCOMPARE(said.count(), 2);
    QVERIFY(said.at(1).at(0).toString().contains(QStringLiteral("components[0].id")));
    QCOMPARE(w.document().undoStack()->count(), 5);
    QVERIFY(w.document().scenario() == before);

    // Undo all the way: the file as it was opened, and not modified.
    while (w.document().undoStack()->canUndo()) w.document().undoStack()->undo();
    QVERIFY(w.document().scenario() == loadBundled(QStringLiteral("work-queue")));
    QVERIFY(!w.document().isModified());
  }

  void theCanvasGesturesEdit() {
    MainWindow w;
    openWorkQueue(w);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    TopologyView& canvas = w.canvas();
    QWidget* viewport = canvas.viewport();

    // A palette entry dropped on the canvas: a new queue there.
    QMimeData data;
    data.setData(kBlueprintMimeType, QByteArray("queue"));
    const QPoint dropAt = viewport->rect().center() + QPoint(0, 250);
    QDragEnterEvent enter(dropAt, Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
    QVERIFY(QCoreApplication::sendEvent(viewport, &enter));
    QVERIFY(enter.isAccepted());
    const QPointF expected = canvas.mapToScene(dropAt);  // before the canvas fits the new design
    QDropEvent drop(QPointF(dropAt), Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(viewport, &drop);
    QVERIFY(find(w.document().scenario(), "queue"));
    const LayoutPoint placed = w.document().scenario().layout.at("queue");
    QVERIFY(std::abs(placed.x - expected.x()) < 1 && std::abs(placed.y - expected.y()) < 1);
    QCOMPARE(w.document().undoStack()->count(), 1);

    // A drag moves the component: one step, and the run goes on (no restart).
    runTo(w.controller(), 5 * kSecond);
    const SimTime now = w.controller().simulator().now();
    const QPoint from = onScreen(w, QStringLiteral("workers"));
    const QPointF was = canvas.topology()->itemWithId(QStringLiteral("workers"))->pos();
    QTest::mousePress(viewport, Qt::LeftButton, Qt::NoModifier, from);
    for (int step = 1; step <= 5; ++step) QTest::mouseMove(viewport, from + QPoint(0, 20 * step));
    QTest::mouseRelease(viewport, Qt::LeftButton, Qt::NoModifier, from + QPoint(0, 100));
    QCOMPARE(w.document().undoStack()->count(), 2);
    QCOMPARE(w.controller().simulator().now(), now);
    const QPointF moved = canvas.topology()->itemWithId(QStringLiteral("workers"))->pos();
    QVERIFY(moved.y() > was.y() + 50);
    QCOMPARE(w.document().scenario().layout.at("workers").y, moved.y());
    w.document().undoStack()->undo();  // back where it was, still without a restart
    QCOMPARE(canvas.topology()->itemWithId(QStringLiteral("workers"))->pos(), was);
    QCOMPARE(w.controller().simulator().now(), now);
    w.document().undoStack()->redo();
    QCOMPARE(canvas.topology()->itemWithId(QStringLiteral("workers"))->pos(), moved);

    // Shift+drag from the consumer to the new queue: the consumer reads it now.
    const QPoint a = onScreen(w, QStringLiteral("workers"));
    const QPoint b = onScreen(w, QStringLiteral("queue"));
    QTest::mousePress(viewport, Qt::LeftButton, Qt::ShiftModifier, a);
    QTest::mouseMove(viewport, (a + b) / 2);
    QTest::mouseMove(viewport, b);
    QTest::mouseRelease(viewport, Qt::LeftButton, Qt::ShiftModifier, b);
    QCOMPARE(*find(w.document().scenario(), "workers")->source, std::string("queue"));
    QCOMPARE(w.document().undoStack()->count(), 3);
    // The context menu offers only what may be connected.
    const std::vector<std::string> offered =
        edits::connectableFrom(w.document().scenario(), "workers");
    QCOMPARE(offered, std::vector<std::string>{"orders"});
  }

  void thePropertyEditorSpeaksTheLoadersWords() {
    MainWindow w;
    openWorkQueue(w);
    w.canvas().selectComponent(QStringLiteral("workers"));
    PropertyDock& props = w.properties();
    QTRY_COMPARE(props.component(), QStringLiteral("workers"));
    QTRY_VERIFY(props.field(QStringLiteral("instances")));
    auto* instances = qobject_cast<QLineEdit*>(props.field(QStringLiteral("instances")));
    QVERIFY(instances);
    QCOMPARE(instances->text(), QStringLiteral("3"));

    // Typed: checked at once by the loader, with the message a file with 0 would get.
    instances->selectAll();
    QTest::keyClicks(instances, QStringLiteral("0"));
    QTemporaryDir dir;
    Scenario zero = w.document().scenario();
    zero.components[2].instances = 0;
    const QString path = dir.filePath(QStringLiteral("zero.json"));
    {
      QFile f(path);
      QVERIFY(f.open(QIODevice::WriteOnly));
      f.write(QByteArray::fromStdString(writeScenario(zero)));
    }
    const ScenarioLoadResult fromFile = loadScenarioFile(path);
    QVERIFY(!fromFile.ok());
    QCOMPARE(props.problem(), QString::fromStdString(fromFile.issues.front().path + ": " +
                                                     fromFile.issues.front().message));
    // Left so: nothing changes.
    emit instances->editingFinished();
    QCOMPARE(w.document().undoStack()->count(), 0);
    QCOMPARE(*w.document().scenario().components[2].instances, 3u);

    // A valid number: one step, applied to the run (the model is rebuilt from it).
    instances->setText(QStringLiteral("5"));
    emit instances->textEdited(instances->text());
    QVERIFY(props.problem().isEmpty());
    emit instances->editingFinished();
    QCOMPARE(w.document().undoStack()->count(), 1);
    QCOMPARE(*w.document().scenario().components[2].instances, 5u);
    QCOMPARE(w.controller().scenario().components[2].instances, std::optional<std::uint32_t>(5));

    // The form is rebuilt for the edited scenario; an enumeration is a choice of its names.
    QTRY_VERIFY(props.field(QStringLiteral("ack")) &&
                props.field(QStringLiteral("ack")) != static_cast<QWidget*>(instances));
    auto* ack = qobject_cast<QComboBox*>(props.field(QStringLiteral("ack")));
    QVERIFY(ack);
    QVERIFY(ack->findText(QStringLiteral("auto")) > 0);
    ack->setCurrentIndex(ack->findText(QStringLiteral("auto")));
    emit ack->activated(ack->currentIndex());
    QCOMPARE(w.document().scenario().components[2].ack, std::optional<AckMode>(AckMode::Auto));
    QCOMPARE(w.document().undoStack()->count(), 2);

    // A distribution: its kind and numbers.
    QTRY_VERIFY(qobject_cast<DistributionField*>(props.field(QStringLiteral("service"))));
    auto* service = qobject_cast<DistributionField*>(props.field(QStringLiteral("service")));
    service->kind()->setCurrentIndex(service->kind()->findText(QStringLiteral("uniform")));
    emit service->kind()->activated(service->kind()->currentIndex());
    QVERIFY(props.problem().contains(QStringLiteral("service")));  // min and max are missing
    QCOMPARE(w.document().undoStack()->count(), 2);
    service->parameter(QStringLiteral("min"))->setText(QStringLiteral("10ms"));
    service->parameter(QStringLiteral("max"))->setText(QStringLiteral("30ms"));
    emit service->finished();
    QCOMPARE(*w.document().scenario().components[2].service,
             Distribution::uniform(10 * kMillisecond, 30 * kMillisecond));
    QCOMPARE(w.document().undoStack()->count(), 3);

    // The id: a bad one is refused in the validator's words, a good one renames.
    QTRY_VERIFY(props.idField() && props.idField()->text() == QStringLiteral("workers"));
    props.idField()->setText(QStringLiteral("orders"));
    emit props.idField()->textEdited(props.idField()->text());
    QVERIFY(props.problem().contains(QStringLiteral("duplicate id")));
    props.idField()->setText(QStringLiteral("pickers"));
    emit props.idField()->editingFinished();
    QVERIFY(find(w.document().scenario(), "pickers"));
    QCOMPARE(w.document().undoStack()->count(), 4);
  }

  void withNothingSelectedTheScenarioIsEdited() {
    MainWindow w;
    openWorkQueue(w);
    PropertyDock& props = w.properties();
    QTRY_VERIFY(props.field(QStringLiteral("duration")));
    auto* duration = qobject_cast<QLineEdit*>(props.field(QStringLiteral("duration")));
    QCOMPARE(duration->text(), QStringLiteral("1m"));
    duration->setText(QStringLiteral("-5s"));
    emit duration->textEdited(duration->text());
    QVERIFY(props.problem().startsWith(QStringLiteral("duration: ")));
    duration->setText(QStringLiteral("90s"));
    emit duration->editingFinished();
    QCOMPARE(w.document().scenario().duration, 90 * kSecond);
    QCOMPARE(w.controller().model()->duration, 90 * kSecond);  // the run is the edited one
    QCOMPARE(w.document().undoStack()->count(), 1);
  }

  void whatTheEditorMakesSavesReopensAndValidates() {
    MainWindow w;
    w.files().setInteractive(false);
    w.editor().setInteractive(false);
    w.files().newDocument()->trigger();
    QVERIFY(w.editor().editing());
    QVERIFY(!w.palette().isHidden());
    QCOMPARE(w.document().scenario().components.size(), std::size_t{3});
    TopologyEditor& e = w.editor();
    QVERIFY(e.add(edits::Blueprint::Stream, QPointF(300, 400)));
    QVERIFY(e.connectIds(QStringLiteral("producer"), QStringLiteral("stream")));
    QVERIFY(e.add(edits::Blueprint::Consumer, QPointF(600, 420)));  // reads the stream, nearest
    QCOMPARE(*find(w.document().scenario(), "consumer-2")->source, std::string("stream"));
    QVERIFY(e.setParameter(QStringLiteral("stream"), "partitions", json::numberValue("4")));
    QVERIFY(e.move(QStringLiteral("queue"), QPointF(10, 20)));
    const Scenario made = w.document().scenario();

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("design.json"));
    QString error;
    QVERIFY2(w.document().save(path, &error), qPrintable(error));
    ScenarioDocument again;
    QVERIFY(again.open(path).empty());
    QVERIFY(again.scenario() == made);
    QCOMPARE(again.scenario().layout.at("queue"), (LayoutPoint{10, 20}));
    QProcess cli;
    cli.start(QStringLiteral(BROKERLAB_CLI), {QStringLiteral("validate"), path});
    QVERIFY(cli.waitForFinished(60000));
    QCOMPARE(cli.exitCode(), 0);
  }
};

QTEST_MAIN(tst_Editor)
#include "tst_editor.moc"
