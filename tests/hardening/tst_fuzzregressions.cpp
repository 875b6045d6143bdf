// Replays every input the fuzzer (tests/fuzz/fuzz_scenario.cpp) ever found crashing or hanging,
// kept in tests/data/fuzz-regressions/, through parseScenario in this build: each must load or be
// rejected without crashing, quickly, and a scenario that loads must survive a save/load cycle
// unchanged (the fuzz target's own checks). A new crash found by `scripts/brokerlab fuzz` is copied
// there; once fixed, it stays as a test.

#include "HardeningBudget.h"
#include "scenario/ScenarioReader.h"
#include "scenario/ScenarioWriter.h"

#include <QDir>
#include <QFile>
#include <QTest>

namespace {

const QString kRegressionDir = QStringLiteral(BROKERLAB_SOURCE_DIR "/tests/data/fuzz-regressions");

}  // namespace

class tst_FuzzRegressions : public QObject {
  Q_OBJECT

 private slots:
  void replay_data();
  void replay();
};

void tst_FuzzRegressions::replay_data() {
  QTest::addColumn<QString>("path");
  const QDir dir(kRegressionDir);
  QVERIFY2(dir.exists(), qPrintable(kRegressionDir + QStringLiteral(" is missing")));
  const QStringList names = dir.entryList(QDir::Files, QDir::Name);
  for (const QString& name : names) {
    if (name == QStringLiteral("README.md")) continue;
    QTest::newRow(name.toUtf8().constData()) << dir.filePath(name);
  }
  if (names.size() <= 1) QTest::newRow("none") << QString();
}

void tst_FuzzRegressions::replay() {
  QFETCH(QString, path);
  if (path.isEmpty()) QSKIP("no regression inputs yet");
  QFile file(path);
  QVERIFY(file.open(QIODevice::ReadOnly));
  const QByteArray bytes = file.readAll();
  QElapsedTimer timer;
  timer.start();
  const brokerlab::ScenarioLoadResult loaded =
      brokerlab::parseScenario(std::string_view(bytes.constData(), std::size_t(bytes.size())));
  QCOMPARE(loaded.scenario.has_value(), loaded.issues.empty());
  if (loaded.ok()) {
    const std::string written = brokerlab::writeScenario(*loaded.scenario);
    const brokerlab::ScenarioLoadResult reloaded = brokerlab::parseScenario(written);
    QVERIFY2(reloaded.ok(), written.c_str());
    QCOMPARE(brokerlab::writeScenario(*reloaded.scenario), written);
    QVERIFY(*reloaded.scenario == *loaded.scenario);
  } else {
    for (const brokerlab::ScenarioIssue& issue : loaded.issues) QVERIFY(!issue.message.empty());
  }
  QVERIFY2(timer.elapsed() < brokerlab::hardening::kBudgetMs,
           qPrintable(QStringLiteral("took %1 ms").arg(timer.elapsed())));
}

QTEST_APPLESS_MAIN(tst_FuzzRegressions)
#include "tst_fuzzregressions.moc"
