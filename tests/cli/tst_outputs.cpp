// Outputs that never lie: a result is written whole or the old file stays and the exit code says
// why; devices, FIFOs and standard output are written in place; a file keeps its mode and owner.

#include "CliRunner.h"

#include <QTemporaryDir>

#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include <csignal>

namespace {

using brokerlab::testing::cli;
using brokerlab::testing::scenario;
using Result = brokerlab::testing::CliResult;

QString write(const QString& path, const QByteArray& text) {
  QFile f(path);
  if (!f.open(QIODevice::WriteOnly) || f.write(text) != text.size())
    qFatal("cannot write %s", qPrintable(path));
  return path;
}

QByteArray read(const QString& path) {
  QFile f(path);
  return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray("(unreadable)");
}

struct stat statOf(const QString& path) {
  struct stat st {};
  if (::lstat(QFile::encodeName(path).constData(), &st) != 0) qFatal("cannot stat");
  return st;
}

// The child may write at most `bytes` to any file (a full disk, as far as it can tell).
std::function<void(QProcess&)> fileSizeLimit(rlim_t bytes) {
  return [bytes](QProcess& p) {
    p.setChildProcessModifier([bytes] {
      const rlimit limit{bytes, bytes};
      ::setrlimit(RLIMIT_FSIZE, &limit);
    });
  };
}

}  // namespace

class tst_Outputs : public QObject {
  Q_OBJECT

 private slots:
  // The trace outgrows what the disk takes: the old trace stays, the exit code is 1 and the
  // message carries the system's reason. SIGXFSZ is left at its default, which would kill a
  // program that does not expect it.
  void traceThatFailsPartWayKeepsTheOldFile() {
    QTemporaryDir dir;
    const QString trace = write(dir.filePath("trace.csv"), "the old trace\n");
    const Result r =
        cli({"run", scenario("work-queue.json"), "--trace", trace}, fileSizeLimit(64 * 1024));
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("File too large"), qPrintable(r.err));
    QVERIFY2(r.err.contains(trace), qPrintable(r.err));
    QCOMPARE(read(trace), QByteArray("the old trace\n"));
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList{"trace.csv"});  // no leftovers
  }

  void metricsThatFailPartWayKeepTheOldFile() {
    QTemporaryDir dir;
    const QString metrics = write(dir.filePath("m.csv"), "old");
    const Result r = cli({"run", scenario("work-queue.json"), "--metrics-csv", metrics},
                         fileSizeLimit(4 * 1024));
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("File too large"), qPrintable(r.err));
    QCOMPARE(read(metrics), QByteArray("old"));
  }

  void standardOutputErrorsAreReported_data() {
    QTest::addColumn<QStringList>("args");
    QTest::newRow("run --json") << QStringList{"run", scenario("mm1.json"), "--until", "1s",
                                               "--json"};
    QTest::newRow("run table") << QStringList{"run", scenario("mm1.json"), "--until", "1s"};
    QTest::newRow("validate") << QStringList{"validate", scenario("mm1.json")};
    QTest::newRow("bench") << QStringList{"bench", "--messages", "100"};
  }
  void standardOutputErrorsAreReported() {
    QFETCH(QStringList, args);
    const Result r =
        cli(args, [](QProcess& p) { p.setStandardOutputFile(QStringLiteral("/dev/full")); });
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("No space left on device"), qPrintable(r.err));
  }

  // A reader that went away is not an error worth a message: `run ... | head` ends quietly.
  void aClosedPipeEndsQuietly() {
    QProcess head;
    QProcess run;
    run.setStandardOutputProcess(&head);
    head.start(QStringLiteral("head"), {"-c", "1"});
    run.start(QStringLiteral(BROKERLAB_CLI),
              {"run", scenario("mm1.json"), "--json", "--until", "1s"});
    QVERIFY(run.waitForFinished(60000) && head.waitForFinished(60000));
    QVERIFY2(!run.readAllStandardError().contains("brokerlab-cli"), "a message on a closed pipe");
  }

  // A FIFO is written in place: a rename would replace it with a regular file its reader never
  // sees.
  void aFifoIsWrittenInPlace() {
    QTemporaryDir dir;
    const QString fifo = dir.filePath("metrics.fifo");
    QVERIFY(::mkfifo(QFile::encodeName(fifo).constData(), 0600) == 0);
    QProcess reader;
    reader.start(QStringLiteral("cat"), {fifo});
    QVERIFY(reader.waitForStarted());
    const Result r =
        cli({"run", scenario("mm1.json"), "--until", "10s", "--metrics-csv", fifo, "--json"});
    QVERIFY(reader.waitForFinished(20000));
    QCOMPARE(r.exitCode, 0);
    QVERIFY(S_ISFIFO(statOf(fifo).st_mode));
    QVERIFY(reader.readAllStandardOutput().startsWith("time_s,"));
  }

  // A device node stays a device node. As root a rename could replace /dev/null itself, so root
  // writes to a null device of its own; anyone else uses /dev/null, which they cannot replace.
  void aDeviceIsWrittenInPlace() {
    QTemporaryDir dir;
    QString device = QStringLiteral("/dev/null");
    if (::geteuid() == 0) {
      device = dir.filePath("null");
      if (::mknod(QFile::encodeName(device).constData(), S_IFCHR | 0666, makedev(1, 3)) != 0)
        QSKIP("root without the right to make device nodes (a restricted container)");
    }
    const Result r = cli({"run", scenario("mm1.json"), "--until", "10s", "--metrics-csv", device,
                          "--trace", device});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(S_ISCHR(statOf(device).st_mode));
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::System).size(),
             ::geteuid() == 0 ? 1 : 0);
  }

  void aDirectoryIsRefused() {
    QTemporaryDir dir;
    const Result r = cli({"run", scenario("mm1.json"), "--until", "1s", "--trace", dir.path()});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("is a directory"), qPrintable(r.err));
    QVERIFY(QFileInfo(dir.path()).isDir());
  }

  // `format` rewrites a file through a new one renamed over it: that new file takes the old one's
  // mode and (as root, who may) its owner.
  void formatKeepsModeAndOwner() {
    QTemporaryDir dir;
    QByteArray text = read(scenario("mm1.json"));
    text.replace("\n", " ");  // not canonical: format rewrites it
    const QString file = write(dir.filePath("s.json"), text);
    const QByteArray path = QFile::encodeName(file);
    QVERIFY(::chmod(path.constData(), 0444) == 0);
    const bool root = ::geteuid() == 0;
    if (root) QVERIFY(::chown(path.constData(), 65534, 65534) == 0);
    const Result r = cli({"format", file});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(read(file) != text);
    const struct stat st = statOf(file);
    QCOMPARE(st.st_mode & 07777, mode_t(0444));
    if (root) {
      QCOMPARE(st.st_uid, uid_t(65534));
      QCOMPARE(st.st_gid, gid_t(65534));
    }
  }

  void formatThatFailsKeepsTheFile() {
    QTemporaryDir dir;
    QByteArray text = read(scenario("mm1.json"));
    text.replace("\n", " ");
    const QString file = write(dir.filePath("s.json"), text);
    const Result r = cli({"format", file}, fileSizeLimit(100));
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("File too large"), qPrintable(r.err));
    QCOMPARE(read(file), text);
  }
};

QTEST_GUILESS_MAIN(tst_Outputs)
#include "tst_outputs.moc"
