// The engine's layers (docs/architecture.md): every include points down the house, never up and
// never sideways between the two top rooms.
//
//   sweep/                (runs of a scenario over a grid of parameters, and their statistics)
//   metrics/  faults/     (peers: neither includes the other)
//   sim/
//   model/
//   scenario/
//   base/
//
// A file may include its own layer and the layers below it. An include of a folder that is not in
// the table (a new folder, or "ui/...") is reported too, so the table must grow with the engine.

#include <QDirIterator>
#include <QFile>
#include <QRegularExpression>
#include <QStringList>
#include <QTest>

#include <map>

namespace {

const QString kSourceDir = QStringLiteral(BROKERLAB_SOURCE_DIR);

const std::map<QString, int>& layers() {
  static const std::map<QString, int> rank = {
      {QStringLiteral("base"), 0},  {QStringLiteral("scenario"), 1}, {QStringLiteral("model"), 2},
      {QStringLiteral("sim"), 3},   {QStringLiteral("metrics"), 4},  {QStringLiteral("faults"), 4},
      {QStringLiteral("sweep"), 5},
  };
  return rank;
}

// The problems of one file, each as "line: what": `folder` is the file's folder under engine/.
QStringList layerViolations(const QString& folder, const QString& text) {
  static const QRegularExpression include(QStringLiteral(R"(^\s*#\s*include\s*"([^"]*)\")"));
  QStringList problems;
  const auto own = layers().find(folder);
  if (own == layers().end()) {
    return {QStringLiteral("0: engine/%1/ is not in the layer table").arg(folder)};
  }
  const QStringList lines = text.split(QLatin1Char('\n'));
  for (qsizetype i = 0; i < lines.size(); ++i) {
    const QRegularExpressionMatch m = include.match(lines[i]);
    if (!m.hasMatch()) continue;
    const QString header = m.captured(1);
    const QString target = header.section(QLatin1Char('/'), 0, 0);
    const auto it = layers().find(target);
    QString why;
    if (!header.contains(QLatin1Char('/')) || it == layers().end()) {
      why = QStringLiteral("\"%1\" is not in a known layer").arg(header);
    } else if (it->second > own->second) {
      why = QStringLiteral("%1/ includes \"%2\" from a layer above it").arg(folder, header);
    } else if (it->second == own->second && target != folder) {
      why = QStringLiteral("%1/ includes \"%2\" from its peer layer").arg(folder, header);
    }
    if (!why.isEmpty()) problems.append(QStringLiteral("%1: %2").arg(i + 1).arg(why));
  }
  return problems;
}

QString readText(const QString& path) {
  QFile file(path);
  if (!file.open(QIODevice::ReadOnly)) return {};
  return QString::fromUtf8(file.readAll());
}

}  // namespace

class tst_Layering : public QObject {
  Q_OBJECT

 private slots:
  void engineIncludesPointDown();
  void checkerReports_data();
  void checkerReports();
};

void tst_Layering::engineIncludesPointDown() {
  QStringList report;
  int files = 0;
  QDirIterator it(kSourceDir + QStringLiteral("/engine"),
                  {QStringLiteral("*.h"), QStringLiteral("*.cpp")}, QDir::Files,
                  QDirIterator::Subdirectories);
  while (it.hasNext()) {
    const QString path = it.next();
    const QString relative = path.mid(kSourceDir.size() + 1);  // engine/<folder>/<file>
    const QStringList parts = relative.split(QLatin1Char('/'));
    if (parts.size() != 3) {
      report.append(relative + QStringLiteral(": not in a layer folder"));
      continue;
    }
    ++files;
    for (const QString& p : layerViolations(parts[1], readText(path))) {
      report.append(relative + QStringLiteral(":") + p);
    }
  }
  QVERIFY2(files >= 60, qPrintable(QStringLiteral("only %1 engine files found").arg(files)));
  QVERIFY2(
      report.isEmpty(),
      qPrintable(QStringLiteral("includes against the engine's layers (docs/architecture.md):\n") +
                 report.join(QLatin1Char('\n'))));
}

void tst_Layering::checkerReports_data() {
  QTest::addColumn<QString>("folder");
  QTest::addColumn<QString>("text");
  QTest::addColumn<QStringList>("expected");
  const auto list = [](std::initializer_list<const char*> items) {
    QStringList out;
    for (const char* s : items) out.append(QString::fromUtf8(s));
    return out;
  };
  QTest::newRow("own and lower layers") << "sim"
                                        << "#include \"sim/Trace.h\"\n#include \"model/Model.h\"\n"
                                           "#include \"base/Rng.h\"\n#include <vector>\n"
                                        << QStringList();
  QTest::newRow("upward")
      << "base"
      << "#include \"base/SimTime.h\"\n#include \"scenario/Scenario.h\"\n"
      << list({"2: base/ includes \"scenario/Scenario.h\" from a layer above it"});
  QTest::newRow("model reaching into sim")
      << "model"
      << "// why\n  #  include \"sim/Message.h\"\n"
      << list({"2: model/ includes \"sim/Message.h\" from a layer above it"});
  QTest::newRow("peers") << "faults"
                         << "#include \"metrics/Report.h\"\n"
                         << list({"1: faults/ includes \"metrics/Report.h\" from its peer layer"});
  QTest::newRow("sweep on top")
      << "sweep"
      << "#include \"metrics/Report.h\"\n#include \"faults/FaultPlan.h\"\n"
      << QStringList();
  QTest::newRow("metrics reaching into sweep")
      << "metrics"
      << "#include \"sweep/SweepCsv.h\"\n"
      << list({"1: metrics/ includes \"sweep/SweepCsv.h\" from a layer above it"});
  QTest::newRow("unknown folder") << "sim"
                                  << "#include \"ui/Canvas.h\"\n#include \"Local.h\"\n"
                                  << list({"1: \"ui/Canvas.h\" is not in a known layer",
                                           "2: \"Local.h\" is not in a known layer"});
  QTest::newRow("unknown layer") << "extras"
                                 << "" << list({"0: engine/extras/ is not in the layer table"});
}

void tst_Layering::checkerReports() {
  QFETCH(QString, folder);
  QFETCH(QString, text);
  QFETCH(QStringList, expected);
  QCOMPARE(layerViolations(folder, text), expected);
}

QTEST_APPLESS_MAIN(tst_Layering)
#include "tst_layering.moc"
