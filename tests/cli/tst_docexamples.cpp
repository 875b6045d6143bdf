// docs/cli.md says what exists and its examples run as written: every "$ " line of its code
// blocks runs (bash, from a directory that has the repository's scenarios/ and docs/) with the
// exit code it states ("# exit N", else 0), and every line shown after it appears in what it
// printed ("..." stands for any text; a line of "..." alone for lines left out). Every option of
// every command and every trace event kind is documented there.

#include "CliRunner.h"
#include "sim/Trace.h"

#include <QRegularExpression>
#include <QTemporaryDir>

namespace {

const QString kDoc = QStringLiteral(BROKERLAB_SOURCE_DIR "/docs/cli.md");
const QStringList kCommands = {"run", "trace", "sweep", "fuzz", "validate", "format", "bench"};

struct Example {
  QString command;
  int exitCode = 0;
  QStringList shown;  // the lines printed after it in the doc
  int line = 0;
  int block = 0;  // the examples of one code block run in order, in one directory
};

QString docText() {
  QFile f(kDoc);
  if (!f.open(QIODevice::ReadOnly)) qFatal("cannot read docs/cli.md");
  return QString::fromUtf8(f.readAll());
}

std::vector<Example> examples() {
  std::vector<Example> out;
  const QStringList lines = docText().split('\n');
  bool inBlock = false;
  int block = 0;
  bool open = false;  // an example of this block takes the lines that follow it
  static const QRegularExpression exitNote(QStringLiteral("\\s+#\\s*exit\\s+(\\d+)\\s*$"));
  for (int i = 0; i < lines.size(); ++i) {
    const QString& line = lines[i];
    if (line.startsWith(QStringLiteral("```"))) {
      inBlock = !inBlock;
      open = false;
      ++block;
    } else if (inBlock && line.startsWith(QStringLiteral("$ "))) {
      Example e;
      e.command = line.mid(2);
      e.line = i + 1;
      e.block = block;
      const QRegularExpressionMatch m = exitNote.match(e.command);
      if (m.hasMatch()) {
        e.exitCode = m.captured(1).toInt();
        e.command.truncate(m.capturedStart());
      }
      out.push_back(e);
      open = true;
    } else if (inBlock && open && !line.trimmed().isEmpty() &&
               line.trimmed() != QStringLiteral("...")) {
      out.back().shown << line;
    }
  }
  return out;
}

// A shown line as a pattern for one whole printed line: "..." is any text.
QRegularExpression pattern(const QString& shown) {
  QStringList parts = shown.trimmed().split(QStringLiteral("..."));
  for (QString& p : parts) p = QRegularExpression::escape(p);
  return QRegularExpression(QStringLiteral("^\\s*") + parts.join(QStringLiteral(".*")) +
                            QStringLiteral("\\s*$"));
}

// Runs `e` in `dir` and checks its exit code and the lines the doc shows.
void runExample(const Example& e, const QString& dir, const QProcessEnvironment& env) {
  QProcess p;
  p.setWorkingDirectory(dir);
  p.setProcessEnvironment(env);
  p.setStandardInputFile(QProcess::nullDevice());
  p.start(QStringLiteral("bash"), {"-c", e.command});
  QVERIFY2(p.waitForFinished(240000), qPrintable("did not finish: " + e.command));
  const QString printed = QString::fromUtf8(p.readAllStandardOutput() + p.readAllStandardError());
  QVERIFY2(p.exitStatus() == QProcess::NormalExit && p.exitCode() == e.exitCode,
           qPrintable(QStringLiteral("line %1: %2\nexit %3, the doc says %4:\n%5")
                          .arg(e.line)
                          .arg(e.command)
                          .arg(p.exitCode())
                          .arg(e.exitCode)
                          .arg(printed.left(2000))));
  const QStringList lines = printed.split('\n');
  for (const QString& s : e.shown) {
    const QRegularExpression re = pattern(s);
    const bool found = std::any_of(lines.begin(), lines.end(),
                                   [&](const QString& l) { return re.match(l).hasMatch(); });
    QVERIFY2(found, qPrintable(QStringLiteral("line %1: %2\nnot printed: %3\n--- printed:\n%4")
                                   .arg(e.line)
                                   .arg(e.command, s, printed.left(3000))));
  }
}

}  // namespace

class tst_DocExamples : public QObject {
  Q_OBJECT

 private slots:
  void theDocHasExamples() { QVERIFY(examples().size() >= 20); }

  void everyExampleRunsAsWritten_data() {
    QTest::addColumn<int>("block");
    int last = -1;
    for (const Example& e : examples()) {
      if (e.block == last) continue;
      last = e.block;
      QTest::newRow(qPrintable(QStringLiteral("line %1: %2").arg(e.line).arg(e.command.left(60))))
          << e.block;
    }
  }
  void everyExampleRunsAsWritten() {
    QFETCH(int, block);
    // A directory of its own, with the repository's scenarios and docs, and brokerlab-cli on PATH.
    QTemporaryDir dir;
    QVERIFY(
        QFile::link(QStringLiteral(BROKERLAB_SOURCE_DIR "/scenarios"), dir.filePath("scenarios")));
    QVERIFY(QFile::link(QStringLiteral(BROKERLAB_SOURCE_DIR "/docs"), dir.filePath("docs")));
    QVERIFY(QDir(dir.path()).mkdir("bin"));
    QVERIFY(QFile::link(QStringLiteral(BROKERLAB_CLI), dir.filePath("bin/brokerlab-cli")));
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert("PATH", dir.filePath("bin") + ':' + env.value("PATH"));
    for (const Example& e : examples()) {
      if (e.block != block) continue;
      runExample(e, dir.path(), env);
      if (QTest::currentTestFailed()) return;  // the next examples may need this one's files
    }
  }

  // Every option a command's --help lists has its --name in the doc.
  void everyOptionIsDocumented() {
    const QString doc = docText();
    static const QRegularExpression option(QStringLiteral("--([a-z][a-z-]+)"));
    for (const QString& command : kCommands) {
      const brokerlab::testing::CliResult help = brokerlab::testing::cli({command, "--help"});
      QCOMPARE(help.exitCode, 0);
      int options = 0;
      for (const QRegularExpressionMatch& m : option.globalMatch(help.out)) {
        ++options;
        QVERIFY2(doc.contains("`--" + m.captured(1)),
                 qPrintable(command + " --" + m.captured(1) + " is not in docs/cli.md"));
      }
      QVERIFY(options >= 1);
    }
  }

  void everyTraceKindIsDocumented() {
    const QString doc = docText();
    for (int k = 0; k < brokerlab::kTraceKindCount; ++k) {
      const std::string_view kind = brokerlab::traceKindName(static_cast<brokerlab::TraceKind>(k));
      const QString name = QString::fromUtf8(kind.data(), static_cast<qsizetype>(kind.size()));
      QVERIFY2(doc.contains("| `" + name + "` |"),
               qPrintable("trace kind " + name + " is not in docs/cli.md's table"));
    }
  }

  // The doc's sections are the commands that exist.
  void everyCommandHasASection() {
    const QString doc = docText();
    for (const QString& command : kCommands)
      QVERIFY2(doc.contains("\n## `" + command + " "), qPrintable(command));
  }
};

QTEST_GUILESS_MAIN(tst_DocExamples)
#include "tst_docexamples.moc"
