// The programs' restart with glibc's heap on transparent huge pages (app/common/HugePages.h): once,
// only where it can help, never against the user's own setting, and with the same process.

#include <QProcess>
#include <QtTest/QtTest>

#include <gnu/libc-version.h>
#include <unistd.h>

namespace {

struct Seen {
  QString flag, tunables;
  qint64 pid = 0;
};

Seen probe(const QProcessEnvironment& env, qint64* startedPid = nullptr) {
  QProcess p;
  p.setProcessEnvironment(env);
  p.start(QStringLiteral(BROKERLAB_HUGEPAGES_PROBE), {});
  if (!p.waitForStarted(30000)) return {};
  if (startedPid) *startedPid = p.processId();
  if (!p.waitForFinished(30000) || p.exitCode() != 0) return {};
  Seen s;
  for (const QString& line : QString::fromUtf8(p.readAllStandardOutput()).split(u'\n')) {
    if (line.startsWith(u"switch=")) s.flag = line.mid(7);
    if (line.startsWith(u"tunables=")) s.tunables = line.mid(9);
    if (line.startsWith(u"pid=")) s.pid = line.mid(4).toLongLong();
  }
  return s;
}

QProcessEnvironment cleanEnvironment() {
  QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
  env.remove(QStringLiteral("BROKERLAB_HUGE_PAGES"));
  env.remove(QStringLiteral("GLIBC_TUNABLES"));
  env.remove(QStringLiteral("LD_PRELOAD"));
  return env;
}

// What the restart needs of the machine: glibc 2.35+ and transparent huge pages not "never".
bool machineOffersHugePages() {
  int major = 0, minor = 0;
  if (std::sscanf(gnu_get_libc_version(), "%d.%d", &major, &minor) != 2) return false;
  if (major < 2 || (major == 2 && minor < 35)) return false;
  QFile f(QStringLiteral("/sys/kernel/mm/transparent_hugepage/enabled"));
  if (!f.open(QIODevice::ReadOnly)) return false;
  const QByteArray line = f.readLine();
  return line.contains("[always]") || line.contains("[madvise]");
}

}  // namespace

class TestHugePages : public QObject {
  Q_OBJECT

 private slots:
  void restartsOnceWithTheTunable() {
    const Seen s = probe(cleanEnvironment());
    if (!machineOffersHugePages()) {
      QCOMPARE(s.flag, QStringLiteral("-"));  // nothing to gain: no restart
      QSKIP("this machine offers no transparent huge pages (or glibc < 2.35)");
    }
    QCOMPARE(s.flag, QStringLiteral("on"));
    QCOMPARE(s.tunables, QStringLiteral("glibc.malloc.hugetlb=1"));
  }

  void keepsTheProcess() {  // exec, not a child: a pid taken at start still names the program
    qint64 started = 0;
    const Seen s = probe(cleanEnvironment(), &started);
    QVERIFY(s.pid > 0);
    QCOMPARE(s.pid, started);
  }

  void addsToTunablesAlreadySet() {
    if (!machineOffersHugePages()) QSKIP("no transparent huge pages here");
    QProcessEnvironment env = cleanEnvironment();
    env.insert(QStringLiteral("GLIBC_TUNABLES"), QStringLiteral("glibc.malloc.arena_max=2"));
    const Seen s = probe(env);
    QCOMPARE(s.flag, QStringLiteral("on"));
    QCOMPARE(s.tunables, QStringLiteral("glibc.malloc.arena_max=2:glibc.malloc.hugetlb=1"));
  }

  void leavesTheUsersChoice() {
    QProcessEnvironment env = cleanEnvironment();
    env.insert(QStringLiteral("GLIBC_TUNABLES"), QStringLiteral("glibc.malloc.hugetlb=0"));
    Seen s = probe(env);
    QCOMPARE(s.flag, QStringLiteral("-"));
    QCOMPARE(s.tunables, QStringLiteral("glibc.malloc.hugetlb=0"));

    env = cleanEnvironment();
    env.insert(QStringLiteral("BROKERLAB_HUGE_PAGES"), QStringLiteral("0"));
    s = probe(env);
    QCOMPARE(s.flag, QStringLiteral("0"));
    QCOMPARE(s.tunables, QStringLiteral("-"));
  }

  void notUnderValgrind() {  // valgrind would lose the restarted program
    QProcessEnvironment env = cleanEnvironment();
    env.insert(QStringLiteral("LD_PRELOAD"), QStringLiteral("/nonexistent/vgpreload_core.so"));
    const Seen s = probe(env);
    QCOMPARE(s.flag, QStringLiteral("-"));
  }
};

QTEST_GUILESS_MAIN(TestHugePages)
#include "tst_hugepages.moc"
