// The real program in a real X server: `brokerlab --screenshot` under Xvfb with the xcb platform
// (Debian's xvfb and qt6-qpa-plugins, installed by scripts/brokerlab) writes a picture that is
// not blank. This is the path a user's desktop takes, apart from the window manager.

#include <QImage>
#include <QProcess>
#include <QSet>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

class tst_XvfbSmoke : public QObject {
  Q_OBJECT

 private slots:
  void screenshotUnderXvfb();
};

void tst_XvfbSmoke::screenshotUnderXvfb() {
  const QString xvfbRun = QStandardPaths::findExecutable(QStringLiteral("xvfb-run"));
  QVERIFY2(!xvfbRun.isEmpty(), "xvfb-run is missing: scripts/brokerlab installs xvfb (Debian)");
  QTemporaryDir dir;
  const QString out = dir.filePath(QStringLiteral("xcb.png"));
  QProcess p;
  QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
  env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("xcb"));
  p.setProcessEnvironment(env);
  p.start(xvfbRun,
          {QStringLiteral("-a"), QStringLiteral("-s"), QStringLiteral("-screen 0 1920x1080x24"),
           QStringLiteral(BROKERLAB_GUI_EXE),
           QStringLiteral(BROKERLAB_SOURCE_DIR "/scenarios/async-request-reply.json"),
           QStringLiteral("--at"), QStringLiteral("20s"), QStringLiteral("--screenshot"), out});
  QVERIFY(p.waitForFinished(120000));
  QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
  const QImage image(out);
  QCOMPARE(image.size(), QSize(1600, 900));
  QSet<QRgb> colours;
  for (int y = 0; y < image.height(); y += 7)
    for (int x = 0; x < image.width(); x += 7) colours.insert(image.pixel(x, y) & 0xf0f0f0);
  QVERIFY2(colours.size() > 20, "the screenshot under Xvfb looks blank");
}

QTEST_GUILESS_MAIN(tst_XvfbSmoke)
#include "tst_xvfbsmoke.moc"
