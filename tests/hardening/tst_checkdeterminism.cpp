// scripts/check-determinism catching a difference: in a scratch copy of the repository with one
// scenario, it compares the CLI with itself (identical) and with a CLI whose report differs for
// one seed, or which fails; it must name the scenario and seed and exit 1.

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

namespace {

const QString kSource = QStringLiteral(BROKERLAB_SOURCE_DIR);

void writeFile(const QString& path, const QByteArray& text, bool executable = false) {
  QDir().mkpath(QFileInfo(path).path());
  QFile f(path);
  if (!f.open(QIODevice::WriteOnly) || f.write(text) != text.size())
    qFatal("cannot write %s", qPrintable(path));
  f.close();
  if (executable) f.setPermissions(f.permissions() | QFile::ExeOwner);
}

// A build directory whose CLI runs the real one and then passes its output through `filter` (a
// shell command) for seed 2 only.
void fakeBuild(const QString& root, const QString& name, const QString& filter) {
  const QString real = QStringLiteral(BROKERLAB_CLI);
  QString script = "#!/bin/sh\n";
  if (filter.isEmpty()) {
    script += "exec '" + real + "' \"$@\"\n";
  } else {
    script += "case \" $* \" in *' --seed 2 '*) '" + real + "' \"$@\" | " + filter +
              ";;\n  *) exec '" + real + "' \"$@\";;\nesac\n";
  }
  writeFile(root + "/" + name + "/app/brokerlab-cli", script.toUtf8(), true);
}

struct Result {
  int exitCode = -1;
  QString out;
};

Result checkDeterminism(const QString& root, const QStringList& builds) {
  QProcess p;
  p.setWorkingDirectory(root);
  QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
  env.insert("SEEDS", "1 2");
  p.setProcessEnvironment(env);
  p.start("bash", QStringList{root + "/scripts/check-determinism"} + builds);
  if (!p.waitForFinished(120000)) qFatal("check-determinism did not finish");
  return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1,
          QString::fromUtf8(p.readAllStandardOutput() + p.readAllStandardError())};
}

}  // namespace

class tst_CheckDeterminism : public QObject {
  Q_OBJECT

 private slots:
  void init() {
    QVERIFY(root_.isValid());
    QFile script(kSource + "/scripts/check-determinism");
    QVERIFY(script.open(QIODevice::ReadOnly));
    writeFile(root_.path() + "/scripts/check-determinism", script.readAll(), true);
    QFile scenario(kSource + "/scenarios/work-queue.json");
    QVERIFY(scenario.open(QIODevice::ReadOnly));
    writeFile(root_.path() + "/scenarios/work-queue.json", scenario.readAll());
  }

  void identicalBuildsPass() {
    fakeBuild(root_.path(), "build-a", {});
    fakeBuild(root_.path(), "build-b", {});
    const Result r = checkDeterminism(root_.path(), {"build-a", "build-b"});
    QVERIFY2(r.exitCode == 0, qPrintable(r.out));
    QVERIFY(r.out.contains("1 scenarios x 2 seeds identical"));
  }

  void aDifferentHashIsNamed() {
    fakeBuild(root_.path(), "build-a", {});
    fakeBuild(root_.path(), "build-b",
              "sed 's/\"trace_hash\": \".\\(.*\\)\"/\"trace_hash\": \"x\\1\"/'");
    const Result r = checkDeterminism(root_.path(), {"build-a", "build-b"});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.out.contains("FAIL work-queue seed 2: trace_hash/events build-a"),
             qPrintable(r.out));
    QVERIFY(!r.out.contains("seed 1:"));
    QVERIFY(r.out.contains("1 difference(s)"));
  }

  void anotherDifferenceInTheReportIsShown() {
    fakeBuild(root_.path(), "build-a", {});
    fakeBuild(root_.path(), "build-b", "sed 's/\"depth_max\": [0-9]*/\"depth_max\": 999/'");
    const Result r = checkDeterminism(root_.path(), {"build-a", "build-b"});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.out.contains("same trace_hash and events, but the reports differ"),
             qPrintable(r.out));
  }

  void aFailingCliIsAFailure() {
    fakeBuild(root_.path(), "build-a", {});
    fakeBuild(root_.path(), "build-b", "false");
    const Result r = checkDeterminism(root_.path(), {"build-a", "build-b"});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.out.contains("FAIL work-queue seed 2: build-b/app/brokerlab-cli failed"),
             qPrintable(r.out));
  }

 private:
  QTemporaryDir root_;
};

QTEST_GUILESS_MAIN(tst_CheckDeterminism)
#include "tst_checkdeterminism.moc"
