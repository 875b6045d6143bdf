// The conformance comparison (tests/conformance/conformance.py, docs/broker-fidelity.md) run
// against the RabbitMQ numbers recorded in the repository: BrokerLab agrees with every probe, and
// the comparison fails, naming the probe, when a recorded number is changed or missing.

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

namespace {

const QString kSource = QStringLiteral(BROKERLAB_SOURCE_DIR);
const QString kRecorded = kSource + "/tests/conformance/rabbitmq-recorded.json";

struct Result {
  int exitCode = -1;
  QString out;
};

QString python() {
  if (QFileInfo::exists("/usr/bin/python3")) return "/usr/bin/python3";
  return QStandardPaths::findExecutable("python3");
}

Result compare(const QString& brokerFile, const QString& work) {
  QProcess p;
  p.start(python(), {kSource + "/tests/conformance/conformance.py", "compare", "--cli",
                     QStringLiteral(BROKERLAB_CLI), "--broker", brokerFile, "--work", work});
  if (!p.waitForFinished(240000)) qFatal("conformance.py did not finish");
  return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1,
          QString::fromUtf8(p.readAllStandardOutput() + p.readAllStandardError())};
}

// The recorded numbers with `edit` applied to its "probes" object, in a file in `dir`.
QString tampered(const QTemporaryDir& dir, const std::function<void(QJsonObject&)>& edit) {
  QFile in(kRecorded);
  if (!in.open(QIODevice::ReadOnly)) qFatal("cannot read %s", qPrintable(kRecorded));
  QJsonObject root = QJsonDocument::fromJson(in.readAll()).object();
  QJsonObject probes = root["probes"].toObject();
  edit(probes);
  root["probes"] = probes;
  const QString path = dir.filePath("tampered.json");
  QFile out(path);
  if (!out.open(QIODevice::WriteOnly)) qFatal("cannot write %s", qPrintable(path));
  out.write(QJsonDocument(root).toJson());
  return path;
}

}  // namespace

class tst_ConformanceCheck : public QObject {
  Q_OBJECT

 private slots:
  void init() {
    if (python().isEmpty()) QSKIP("no python3: the conformance stage says so too");
  }

  void brokerLabAgreesWithTheRecordedNumbers() {
    QTemporaryDir work;
    const Result r = compare(kRecorded, work.path());
    QVERIFY2(r.exitCode == 0, qPrintable(r.out));
    QVERIFY2(r.out.contains(QRegularExpression("(\\d+) probes, \\1 agree, 0 differ")),
             qPrintable(r.out));
    QVERIFY(r.out.contains("RabbitMQ 3.10.8"));
  }

  void aChangedNumberIsADisagreement() {
    QTemporaryDir work;
    const QString file = tampered(work, [](QJsonObject& probes) {
      QJsonObject dropHead = probes["drop-head"].toObject();
      dropHead["ready"] = 4;  // the broker kept one less than BrokerLab
      probes["drop-head"] = dropHead;
    });
    const Result r = compare(file, work.path());
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.out.contains(QRegularExpression("drop-head +DIFFER")), qPrintable(r.out));
    QVERIFY2(r.out.contains("1 differ"), qPrintable(r.out));
  }

  void aMissingProbeIsADisagreement() {
    QTemporaryDir work;
    const QString file = tampered(work, [](QJsonObject& probes) { probes.remove("topic"); });
    const Result r = compare(file, work.path());
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.out.contains(QRegularExpression("topic +NOT RECORDED")), qPrintable(r.out));
  }
};

QTEST_GUILESS_MAIN(tst_ConformanceCheck)
#include "tst_conformancecheck.moc"
