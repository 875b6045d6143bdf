// The command lines people expect: --help and -h on every command, --version, the usual messages,
// a repeated option refused, "-" for standard input and output, and outputs that would overwrite
// each other, the scenario or the report refused before anything runs.

#include "CliRunner.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

namespace {

using brokerlab::testing::cli;
using brokerlab::testing::scenario;
using Result = brokerlab::testing::CliResult;

QByteArray read(const QString& path) {
  QFile f(path);
  return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

std::function<void(QProcess&)> stdinFrom(const QString& file) {
  return [file](QProcess& p) { p.setStandardInputFile(file); };
}

std::function<void(QProcess&)> stdoutTo(const QString& file) {
  return [file](QProcess& p) { p.setStandardOutputFile(file); };
}

}  // namespace

class tst_CommandLine : public QObject {
  Q_OBJECT

 private slots:
  void everyCommandHasHelp_data() {
    QTest::addColumn<QStringList>("args");
    for (const char* command : {"run", "trace", "fuzz", "validate", "format", "bench"}) {
      QTest::newRow(qPrintable(QString(command) + " --help")) << QStringList{command, "--help"};
      QTest::newRow(qPrintable(QString(command) + " -h")) << QStringList{command, "-h"};
      QTest::newRow(qPrintable(QString("help ") + command)) << QStringList{"help", command};
    }
  }
  void everyCommandHasHelp() {
    QFETCH(QStringList, args);
    const Result r = cli(args);
    QCOMPARE(r.exitCode, 0);
    const QString command = args[0] == "help" ? args[1] : args[0];
    QVERIFY2(r.out.startsWith("Usage: brokerlab-cli " + command + " [options]"), qPrintable(r.out));
    QVERIFY(r.out.contains("-h, --help"));
    QVERIFY(r.err.isEmpty());
  }

  void versionIsPrinted() {
    const Result r = cli({"--version"});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(QRegularExpression("^brokerlab-cli \\d+\\.\\d+\\.\\d+\n$").match(r.out).hasMatch(),
             qPrintable(r.out));
  }

  void usageErrorsSayWhatIsWrong_data() {
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("message");
    QTest::newRow("unknown option")
        << QStringList{"run", scenario("mm1.json"), "--fast"} << "Unknown option 'fast'";
    QTest::newRow("missing value")
        << QStringList{"run", scenario("mm1.json"), "--trace"} << "Missing value after '--trace'";
    QTest::newRow("bad seed") << QStringList{"run", scenario("mm1.json"), "--seed", "x"}
                              << "--seed must be an integer from 0 to 18446744073709551615";
    QTest::newRow("messages and events")
        << QStringList{"bench", "--messages", "10", "--events", "50"} << "not both";
    // Which of the two was meant? A repeated option is refused, not silently the last one.
    QTest::newRow("--seed") << QStringList{"run", scenario("mm1.json"), "--seed", "1", "--seed",
                                           "2"}
                            << "option --seed is given more than once (1, 2)";
    QTest::newRow("--json") << QStringList{"run", scenario("mm1.json"), "--json", "--json"}
                            << "option --json is given more than once";
    QTest::newRow("--job") << QStringList{"trace", scenario("async-request-reply.json"), "--job",
                                          "1", "--job=2"}
                           << "option --job is given more than once (1, 2)";
    QTest::newRow("--seeds") << QStringList{"fuzz", "--seeds", "1", "--seeds", "2"}
                             << "option --seeds is given more than once";
  }
  void usageErrorsSayWhatIsWrong() {
    QFETCH(QStringList, args);
    QFETCH(QString, message);
    const Result r = cli(args);
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(message), qPrintable(r.err));
    QVERIFY2(r.err.contains("--help lists the options"), qPrintable(r.err));
    QVERIFY(r.out.isEmpty());
  }

  // As in a scenario file, a number without a unit is seconds.
  void untilTakesPlainSeconds() {
    const Result r = cli({"run", scenario("mm1.json"), "--until", "1.5", "--json"});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(QJsonDocument::fromJson(r.out.toUtf8()).object()["sim_time_s"].toDouble(), 1.5);
  }

  void aScenarioFromStandardInput() {
    const Result piped =
        cli({"run", "-", "--until", "10s", "--json"}, stdinFrom(scenario("mm1.json")));
    const Result named = cli({"run", scenario("mm1.json"), "--until", "10s", "--json"});
    QCOMPARE(piped.exitCode, 0);
    const auto hash = [](const Result& r) {
      return QJsonDocument::fromJson(r.out.toUtf8()).object()["trace_hash"].toString();
    };
    QCOMPARE(hash(piped), hash(named));
    QCOMPARE(cli({"validate", "-"}, stdinFrom(scenario("mm1.json"))).out,
             QString("<stdin>: valid\n"));
    QTemporaryDir dir;
    QFile bad(dir.filePath("bad.json"));
    QVERIFY(bad.open(QIODevice::WriteOnly) && bad.write("{\n  \"format\": 1,\n") > 0);
    bad.close();
    const Result broken = cli({"validate", "-"}, stdinFrom(bad.fileName()));
    QCOMPARE(broken.exitCode, 1);
    QVERIFY2(broken.err.startsWith("<stdin>:"), qPrintable(broken.err));
  }

  void formatOfStandardInputPrintsTheCanonicalText() {
    const Result r = cli({"format", "-"}, stdinFrom(scenario("mm1.json")));
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out.toUtf8(), read(scenario("mm1.json")));
  }

  // The metrics on standard output, the report in a file: both whole.
  void outputsToStandardOutput() {
    QTemporaryDir dir;
    const QString report = dir.filePath("report.json");
    const Result r = cli({"run", scenario("work-queue.json"), "--until", "10s", "--metrics-csv",
                          "-", "--json", "-o", report});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.startsWith("time_s,"), qPrintable(r.out.left(200)));
    QCOMPARE(r.out.count('\n'), 101);
    QVERIFY(QJsonDocument::fromJson(read(report)).object().contains("trace_hash"));
  }

  // `--trace /dev/stdout > out.txt` would put the trace where the report goes: the two would
  // overwrite each other, so it is refused, and so is any other pair of outputs naming one file.
  void conflictingOutputsAreRefused_data() {
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("message");
    const QString mm1 = scenario("mm1.json");
    QTest::newRow("trace to stdout")
        << QStringList{"run", mm1, "--trace", "/dev/stdout"} << "both go to standard output";
    QTest::newRow("trace -") << QStringList{"run", mm1, "--trace", "-"}
                             << "both go to standard output";
    QTest::newRow("trace and metrics")
        << QStringList{"run", mm1, "--trace", "@/x.csv", "--metrics-csv", "@/./x.csv"}
        << "are the same file";
    QTest::newRow("output is the scenario")
        << QStringList{"run", mm1, "--metrics-csv", mm1} << "is the scenario file itself";
    QTest::newRow("trace output is the scenario")
        << QStringList{"trace", scenario("async-request-reply.json"), "--job", "1",
                       "-o",    scenario("async-request-reply.json")}
        << "is the scenario file itself";
  }
  void conflictingOutputsAreRefused() {
    QFETCH(QStringList, args);
    QFETCH(QString, message);
    QTemporaryDir dir;
    args.replaceInStrings("@", dir.path());
    const QString out = dir.filePath("out.txt");
    const Result r = cli(args, stdoutTo(out));
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(message), qPrintable(r.err));
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList{"out.txt"});
    QVERIFY(read(scenario("mm1.json")).contains("brokerlab-scenario"));
  }

  // Writing both to /dev/null overwrites nothing.
  void aTerminalOrNullDeviceMayBeShared() {
    const Result r = cli({"run", scenario("mm1.json"), "--until", "1s", "--trace", "/dev/null",
                          "--metrics-csv", "/dev/null"});
    QCOMPARE(r.exitCode, 0);
  }
};

QTEST_GUILESS_MAIN(tst_CommandLine)
#include "tst_commandline.moc"
