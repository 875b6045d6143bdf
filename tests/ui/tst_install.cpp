// `cmake --install` lays BrokerLab out like a desktop program: both executables in bin, the bundled
// scenarios where the GUI finds them at run time (relative to its executable), a desktop entry
// and an icon. The installed GUI lists the installed scenarios, not the source tree's.

#include "UiFixtures.h"

#include <QTemporaryDir>

class tst_Install : public QObject {
  Q_OBJECT

 private slots:
  void installedProgramFindsItsScenarios();
};

void tst_Install::installedProgramFindsItsScenarios() {
  QTemporaryDir prefix;
  QProcess install;
  install.start(QStringLiteral(BROKERLAB_CMAKE),
                {QStringLiteral("--install"), QStringLiteral(BROKERLAB_BINARY_DIR),
                 QStringLiteral("--prefix"), prefix.path()});
  QVERIFY(install.waitForFinished(120000));
  QVERIFY2(install.exitCode() == 0, install.readAllStandardError().constData());
  for (const char* path :
       {"bin/brokerlab", "bin/brokerlab-cli", "share/brokerlab/scenarios/work-queue.json",
        "share/applications/brokerlab.desktop", "share/icons/hicolor/scalable/apps/brokerlab.svg"})
    QVERIFY2(QFile::exists(prefix.filePath(QString::fromLatin1(path))), path);

  QProcess list;
  QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
  env.remove(QStringLiteral("BROKERLAB_SCENARIOS"));
  env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
  list.setProcessEnvironment(env);
  list.start(prefix.filePath(QStringLiteral("bin/brokerlab")),
             {QStringLiteral("--list-scenarios")});
  QVERIFY(list.waitForFinished(60000));
  QCOMPARE(list.exitCode(), 0);
  const QStringList lines =
      QString::fromUtf8(list.readAllStandardOutput()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
  QCOMPARE(QDir(lines.value(0)).canonicalPath(),
           QDir(prefix.filePath(QStringLiteral("share/brokerlab/scenarios"))).canonicalPath());
  QCOMPARE(lines.size() - 1, brokerlab::ui::testing::bundledNames().size());
  QVERIFY(lines.value(1).startsWith(QStringLiteral("work-queue.json\t")));
}

QTEST_GUILESS_MAIN(tst_Install)
#include "tst_install.moc"
