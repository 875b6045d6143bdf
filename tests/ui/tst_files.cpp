// Files in the window: open, the errors of a broken file (each with its place) while the open
// document survives, save then reopen gives the same scenario, modified state, recent files.

#include "UiFixtures.h"
#include "controller/SimulationController.h"
#include "document/ScenarioDocument.h"
#include "window/FileActions.h"
#include "window/LoadErrorsDialog.h"
#include "window/MainWindow.h"

#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>

using namespace brokerlab;
using namespace brokerlab::ui;
using namespace brokerlab::ui::testing;

class tst_Files : public QObject {
  Q_OBJECT

 private slots:
  void initTestCase();
  void openShowsTheCanvas();
  void brokenFileKeepsTheOpenDocument();
  void errorsNameTheirPlace();
  void saveAndReopenIsTheSameScenario();
  void failedSaveKeepsTheOldFile();
  void recentFilesRemembered();
  void undoStackDecidesModified();
};

void tst_Files::initTestCase() {
  QCoreApplication::setOrganizationName(QStringLiteral("BrokerLabTests"));
  QCoreApplication::setApplicationName(QStringLiteral("tst_files"));
  QSettings().clear();
}

void tst_Files::openShowsTheCanvas() {
  MainWindow w;
  w.files().setInteractive(false);
  QVERIFY(!w.showingCanvas());
  QVERIFY(w.files().openPath(scenarioPath(QStringLiteral("work-queue"))));
  QVERIFY(w.showingCanvas());
  QCOMPARE(w.controller().state(), SimulationController::RunState::Paused);
  QVERIFY(w.windowTitle().startsWith(QStringLiteral("work-queue.json")));
}

void tst_Files::brokenFileKeepsTheOpenDocument() {
  QTemporaryDir dir;
  const QString broken = dir.filePath(QStringLiteral("broken.json"));
  QFile f(broken);
  QVERIFY(f.open(QIODevice::WriteOnly));
  f.write(
      "{\n  \"format\": \"brokerlab-scenario\",\n  \"version\": 1,\n  \"name\": \"x\",\n"
      "  \"duration\": \"ten seconds\",\n  \"components\": []\n}\n");
  f.close();
  MainWindow w;
  w.files().setInteractive(false);
  QVERIFY(w.files().openPath(scenarioPath(QStringLiteral("mm1"))));
  const Scenario before = w.document().scenario();
  const std::uint64_t hashBefore = w.controller().simulator().traceHash();
  QVERIFY(!w.files().openPath(broken));
  QCOMPARE(w.document().scenario(), before);
  QVERIFY(w.document().filePath().endsWith(QStringLiteral("mm1.json")));
  QCOMPARE(w.controller().simulator().traceHash(), hashBefore);
  QVERIFY(w.showingCanvas());
}

void tst_Files::errorsNameTheirPlace() {
  QTemporaryDir dir;
  const QString broken = dir.filePath(QStringLiteral("two-errors.json"));
  QFile f(broken);
  QVERIFY(f.open(QIODevice::WriteOnly));
  f.write(
      "{\n  \"format\": \"brokerlab-scenario\",\n  \"version\": 1,\n  \"name\": \"x\",\n"
      "  \"duration\": \"10s\",\n  \"components\": [\n"
      "    {\"id\": \"p\", \"kind\": \"producer\", \"target\": \"nowhere\", \"rate\": 1},\n"
      "    {\"id\": \"q\", \"kind\": \"queue\", \"max_length\": -3}\n  ]\n}\n");
  f.close();
  ScenarioDocument doc;
  const std::vector<ScenarioIssue> issues = doc.open(broken);
  QVERIFY(issues.size() >= 2);
  QVERIFY(!doc.hasScenario());
  const QStringList lines = LoadErrorsDialog::lines(broken, issues);
  for (const QString& line : lines) {
    QVERIFY2(line.startsWith(broken + QLatin1Char(':')), qPrintable(line));
    QVERIFY2(line.contains(QStringLiteral("components[")), qPrintable(line));
  }
  QVERIFY(lines.join(QLatin1Char('\n')).contains(QStringLiteral(":7:")));  // the producer's line
  LoadErrorsDialog dialog(broken, issues, false);
  const auto* list = dialog.findChild<QPlainTextEdit*>(QStringLiteral("issues"));
  QVERIFY(list);
  QCOMPARE(list->toPlainText(), lines.join(QLatin1Char('\n')));
}

void tst_Files::saveAndReopenIsTheSameScenario() {
  QTemporaryDir dir;
  ScenarioDocument doc;
  QVERIFY(doc.open(scenarioPath(QStringLiteral("async-request-reply"))).empty());
  const Scenario original = doc.scenario();
  const QString copy = dir.filePath(QStringLiteral("copy.json"));
  QString error;
  QVERIFY2(doc.save(copy, &error), qPrintable(error));
  QCOMPARE(doc.filePath(), copy);
  ScenarioDocument reopened;
  QVERIFY(reopened.open(copy).empty());
  QCOMPARE(reopened.scenario(), original);
}

void tst_Files::failedSaveKeepsTheOldFile() {
  QTemporaryDir dir;
  ScenarioDocument doc;
  QVERIFY(doc.open(scenarioPath(QStringLiteral("mm1"))).empty());
  // A path whose folder does not exist cannot be written: the save fails loudly.
  QString error;
  QVERIFY(!doc.save(dir.filePath(QStringLiteral("missing/folder/x.json")), &error));
  QVERIFY(!error.isEmpty());
  QVERIFY(doc.filePath().endsWith(QStringLiteral("mm1.json")));
}

void tst_Files::recentFilesRemembered() {
  QSettings().clear();
  MainWindow w;
  w.files().setInteractive(false);
  QVERIFY(w.files().openPath(scenarioPath(QStringLiteral("mm1"))));
  QVERIFY(w.files().openPath(scenarioPath(QStringLiteral("mmc"))));
  const QStringList recent = w.files().recentFiles();
  QCOMPARE(recent.size(), 2);
  QVERIFY(recent[0].endsWith(QStringLiteral("mmc.json")));
  QVERIFY(recent[1].endsWith(QStringLiteral("mm1.json")));
  QCOMPARE(w.files().recentMenu()->actions().size(), 2);
}

void tst_Files::undoStackDecidesModified() {
  ScenarioDocument doc;
  QVERIFY(doc.open(scenarioPath(QStringLiteral("mm1"))).empty());
  QSignalSpy modified(&doc, &ScenarioDocument::modifiedChanged);
  QVERIFY(!doc.isModified());
  doc.undoStack()->push(new QUndoCommand(QStringLiteral("edit")));
  QVERIFY(doc.isModified());
  doc.undoStack()->undo();
  QVERIFY(!doc.isModified());
  QCOMPARE(modified.count(), 2);
}

QTEST_MAIN(tst_Files)
#include "tst_files.moc"
