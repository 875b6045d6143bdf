// The window as a user meets it: the start page lists the bundled scenarios and opens one with a
// click; every action has a tooltip and the shortcuts list shows them; the `brokerlab` program
// writes a screenshot headless, refuses bad command lines and reports a broken file.

#include "UiFixtures.h"
#include "canvas/TopologyView.h"
#include "charts/ChartPanel.h"
#include "charts/ChartsDock.h"
#include "controller/SimulationController.h"
#include "document/ScenarioDocument.h"
#include "inspector/InspectorDock.h"
#include "journey/JourneyDock.h"
#include "window/FileActions.h"
#include "window/HelpActions.h"
#include "window/MainWindow.h"
#include "window/StartPage.h"
#include "window/TimeControls.h"

#include <QImage>
#include <QMenu>
#include <QMenuBar>
#include <QTemporaryDir>

using namespace brokerlab;
using namespace brokerlab::ui;
using namespace brokerlab::ui::testing;

namespace {
// Distinct colours in a coarse grid of the image: a blank or single-colour picture has one or two.
int colourVariety(const QImage& image) {
  QSet<QRgb> colours;
  for (int y = 0; y < image.height(); y += 7)
    for (int x = 0; x < image.width(); x += 7) colours.insert(image.pixel(x, y) & 0xf0f0f0);
  return static_cast<int>(colours.size());
}

// brokerlab with `args`, offscreen (or, `display` false, on a machine with no display and no
// platform chosen: over ssh, in CI).
int runGui(const QStringList& args, QByteArray* err = nullptr, QByteArray* out = nullptr,
           bool display = true) {
  QProcess p;
  QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
  if (display) {
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
  } else {
    for (const char* name : {"QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"})
      env.remove(QString::fromLatin1(name));
  }
  p.setProcessEnvironment(env);
  p.start(QStringLiteral(BROKERLAB_GUI_EXE), args);
  if (!p.waitForFinished(120000)) return -1;
  if (err) *err = p.readAllStandardError();
  if (out) *out = p.readAllStandardOutput();
  return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2;
}
}  // namespace

class tst_Window : public QObject {
  Q_OBJECT

 private slots:
  void initTestCase();
  void startPageListsBundledScenarios();
  void startPageOpensAScenario();
  void aSecondScenarioKeepsNothingOfTheFirsts();
  void everyActionHasATooltipAndShortcutsAreListed();
  void timeControlsDriveTheController();
  void theViewMenuChoosesTheChartsAverages();
  void headlessScreenshotIsNotBlankAndMoves();
  void commandLineErrorsAreUsageErrors_data();
  void commandLineErrorsAreUsageErrors();
  void brokenFileFailsHeadless();
  void withoutADisplayItAnswersAndSaysWhy();
};

void tst_Window::initTestCase() {
  qputenv("BROKERLAB_SCENARIOS", BROKERLAB_SOURCE_DIR "/scenarios");
}

void tst_Window::startPageListsBundledScenarios() {
  StartPage page;
  QCOMPARE(static_cast<int>(page.scenarios().size()), static_cast<int>(bundledNames().size()));
  QCOMPARE(page.scenarios().front().file, QStringLiteral("work-queue.json"));
  for (const BundledScenario& s : page.scenarios()) {
    QVERIFY(!s.name.isEmpty());
    QVERIFY(!s.description.isEmpty());
  }
}

void tst_Window::startPageOpensAScenario() {
  MainWindow w;
  w.files().setInteractive(false);
  const auto cards = w.startPage().findChildren<QPushButton*>(QStringLiteral("scenarioCard"));
  QCOMPARE(static_cast<int>(cards.size()), static_cast<int>(bundledNames().size()));
  cards.at(3)->click();
  QVERIFY(w.showingCanvas());
  QCOMPARE(QString::fromStdString(w.document().scenario().name), w.startPage().scenarios()[3].name);
}

// A component selected in one scenario, then another scenario opened in the same window: the
// views follow the new run, not the old selection's index into it.
void tst_Window::aSecondScenarioKeepsNothingOfTheFirsts() {
  MainWindow w;
  w.files().setInteractive(false);
  w.resize(1600, 900);
  w.show();
  w.showPanels({QStringLiteral("charts"), QStringLiteral("inspector")});
  const auto chartsShown = [&w] {
    int shown = 0;
    for (int k = 0; k < kSeriesChartCount; ++k)
      shown += w.charts().panel(static_cast<SeriesChart>(k)).isHidden() ? 0 : 1;
    return shown;
  };
  const auto indexOf = [&w](const char* id) {
    const auto& all = w.controller().model()->components;
    for (std::uint32_t i = 0; i < all.size(); ++i)
      if (all[i].id == id) return i;
    return kNone;
  };
  // work-queue's "orders" (component 1), then consumer-crash-manual-ack, which has an "orders"
  // too, as component 2: it stays selected, and the views follow it there.
  QVERIFY(w.files().openPath(scenarioPath(QStringLiteral("work-queue"))));
  w.canvas().selectComponent(QStringLiteral("orders"));
  QCOMPARE(w.charts().component(), indexOf("orders"));
  QVERIFY(w.files().openPath(scenarioPath(QStringLiteral("consumer-crash-manual-ack"))));
  QCOMPARE(w.canvas().selectedId(), QStringLiteral("orders"));
  QCOMPARE(indexOf("orders"), 2u);
  QCOMPARE(w.charts().component(), 2u);
  QCOMPARE(w.inspector().component(), 2u);
  QCOMPARE(w.inspector().heading(), QStringLiteral("orders"));
  // Then poll-storm, which has none: no selection, every chart, an empty inspector. Before, the
  // charts kept the index 2 (poll-storm's client-03) and showed nothing at all.
  w.journey().showJob(1);
  QVERIFY(w.files().openPath(scenarioPath(QStringLiteral("poll-storm"))));
  runTo(w.controller(), 5 * kSecond);
  w.charts().refresh();
  QVERIFY(w.canvas().selectedId().isEmpty());
  QCOMPARE(w.charts().component(), kNone);
  QCOMPARE(w.inspector().component(), kNone);
  QVERIFY(chartsShown() >= 3);
  QCOMPARE(w.journey().job(), std::uint64_t{0});  // consumer-crash's job 1 is not poll-storm's
}

void tst_Window::everyActionHasATooltipAndShortcutsAreListed() {
  MainWindow w;
  for (const QAction* a : w.findChildren<QAction*>()) {
    if (a->isSeparator() || a->text().isEmpty() || a->menu()) continue;
    QVERIFY2(!a->toolTip().isEmpty(), qPrintable(a->text()));
  }
  const QStringList lines = HelpActions::shortcutLines(&w);
  const QString all = lines.join(QLatin1Char('\n'));
  for (const char* what :
       {"Play or pause the simulation", "Run exactly one event", "Speed up", "Slow down",
        "Back to time 0 with the same seed", "Open a scenario file"})
    QVERIFY2(all.contains(QLatin1String(what)), what);
  QVERIFY(all.contains(QStringLiteral("Space\t")));
}

void tst_Window::timeControlsDriveTheController() {
  MainWindow w;
  w.files().setInteractive(false);
  QVERIFY(w.files().openPath(scenarioPath(QStringLiteral("work-queue"))));
  SimulationController& c = w.controller();
  w.time().step()->trigger();
  QCOMPARE(c.simulator().eventsProcessed(), std::uint64_t{1});
  w.time().playPause()->trigger();
  QCOMPARE(c.state(), SimulationController::RunState::Playing);
  w.time().faster()->trigger();
  QCOMPARE(c.speed(), 2.0);
  w.time().slower()->trigger();
  w.time().slower()->trigger();
  QCOMPARE(c.speed(), 0.5);
  w.time().playPause()->trigger();
  QCOMPARE(c.state(), SimulationController::RunState::Paused);
  w.time().fastForward()->trigger();
  QVERIFY(c.fastForward());
  w.time().restart()->trigger();
  QCOMPARE(c.simulator().now(), SimTime{0});
}

void tst_Window::theViewMenuChoosesTheChartsAverages() {
  MainWindow w;
  QMenu* view = nullptr;
  for (QAction* a : w.menuBar()->actions())
    if (a->text() == QStringLiteral("&View")) view = a->menu();
  QVERIFY(view);
  QMenu* averages = nullptr;
  for (QAction* a : view->actions())
    if (a->menu() && a->text() == QStringLiteral("Chart &Averages")) averages = a->menu();
  QVERIFY(averages);
  QCOMPARE(averages, w.charts().averaging().menu());
  const QList<QAction*> choices = averages->actions();
  QCOMPARE(choices.size(), 4);
  QVERIFY(choices[1]->isChecked());  // a second, the default
  choices[3]->trigger();
  QCOMPARE(w.charts().averaging().window(), 10 * kSecond);
  QCOMPARE(w.charts().panel(SeriesChart::Throughput).averaging(), 10 * kSecond);
  choices[0]->trigger();
  QCOMPARE(w.charts().panel(SeriesChart::Throughput).averaging(), SimTime{0});
}

void tst_Window::headlessScreenshotIsNotBlankAndMoves() {
  QTemporaryDir dir;
  const QString a = dir.filePath(QStringLiteral("a.png"));
  const QString b = dir.filePath(QStringLiteral("b.png"));
  const QString file = scenarioPath(QStringLiteral("work-queue"));
  QCOMPARE(runGui({file, QStringLiteral("--at"), QStringLiteral("5s"),
                   QStringLiteral("--screenshot"), a}),
           0);
  QCOMPARE(
      runGui({file, QStringLiteral("--at"), QStringLiteral("40s"), QStringLiteral("--screenshot"),
              b, QStringLiteral("--size"), QStringLiteral("1280x720")}),
      0);
  const QImage first(a);
  const QImage second(b);
  QCOMPARE(first.size(), QSize(1600, 900));
  QCOMPARE(second.size(), QSize(1280, 720));
  QVERIFY2(colourVariety(first) > 20, "the screenshot looks blank");
  QVERIFY(first.scaled(second.size()) != second);
  // Without FILE: the start page, as the window opens on it.
  const QString start = dir.filePath(QStringLiteral("start.png"));
  QCOMPARE(runGui({QStringLiteral("--screenshot"), start}), 0);
  const QImage page(start);
  QCOMPARE(page.size(), QSize(1600, 900));
  QVERIFY2(colourVariety(page) > 8, "the start page looks blank");
  QVERIFY(page != first);
}

void tst_Window::commandLineErrorsAreUsageErrors_data() {
  QTest::addColumn<QStringList>("args");
  QTest::addColumn<QString>("message");
  const QString file = scenarioPath(QStringLiteral("mm1"));
  QTest::newRow("unknown option") << QStringList{QStringLiteral("--frobnicate")}
                                  << QStringLiteral("frobnicate");
  QTest::newRow("screenshot without time")
      << QStringList{file, QStringLiteral("--screenshot"), QStringLiteral("x.png")}
      << QStringLiteral("--at");
  QTest::newRow("bad size") << QStringList{file,
                                           QStringLiteral("--at"),
                                           QStringLiteral("1s"),
                                           QStringLiteral("--screenshot"),
                                           QStringLiteral("x.png"),
                                           QStringLiteral("--size"),
                                           QStringLiteral("big")}
                            << QStringLiteral("--size");
  QTest::newRow("bad time") << QStringList{file, QStringLiteral("--at"), QStringLiteral("soon"),
                                           QStringLiteral("--screenshot"), QStringLiteral("x.png")}
                            << QStringLiteral("--at");
  // A component the scenario does not have: named, with those it has, and no picture.
  QTest::newRow("unknown component")
      << QStringList{file,
                     QStringLiteral("--select"),
                     QStringLiteral("servers"),
                     QStringLiteral("--at"),
                     QStringLiteral("1s"),
                     QStringLiteral("--screenshot"),
                     QStringLiteral("x.png")}
      << QStringLiteral(
             "no component \"servers\" in the scenario; its components: arrivals, "
             "queue, server");
  QTest::newRow("time without a file")
      << QStringList{QStringLiteral("--at"), QStringLiteral("1s"), QStringLiteral("--screenshot"),
                     QStringLiteral("x.png")}
      << QStringLiteral("--at needs FILE");
  QTest::newRow("repeated seed") << QStringList{file, QStringLiteral("--seed"), QStringLiteral("1"),
                                                QStringLiteral("--seed"), QStringLiteral("2")}
                                 << QStringLiteral("more than once");
}

void tst_Window::commandLineErrorsAreUsageErrors() {
  QFETCH(QStringList, args);
  QFETCH(QString, message);
  QByteArray err;
  QCOMPARE(runGui(args, &err), 2);
  QVERIFY2(QString::fromUtf8(err).contains(message), err.constData());
}

void tst_Window::brokenFileFailsHeadless() {
  QTemporaryDir dir;
  const QString broken = dir.filePath(QStringLiteral("broken.json"));
  QFile f(broken);
  QVERIFY(f.open(QIODevice::WriteOnly));
  f.write("{ \"format\": \"brokerlab-scenario\", \"version\": 1, ");
  f.close();
  QByteArray err;
  QCOMPARE(runGui({broken, QStringLiteral("--at"), QStringLiteral("1s"),
                   QStringLiteral("--screenshot"), dir.filePath(QStringLiteral("x.png"))},
                  &err),
           1);
  QVERIFY2(QString::fromUtf8(err).contains(broken + QStringLiteral(":1:")), err.constData());
  QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("x.png"))));
}

// On a machine without a display (no DISPLAY, no WAYLAND_DISPLAY, no platform chosen) the options
// still answer, a headless job still works, and the window says why it cannot open. Qt's xcb
// plugin aborted on all of them ("could not connect to display", then a core dump), --help too.
void tst_Window::withoutADisplayItAnswersAndSaysWhy() {
  QByteArray out, err;
  QCOMPARE(runGui({QStringLiteral("--help")}, &err, &out, false), 0);
  QVERIFY2(out.contains("--screenshot"), out.constData());
  QCOMPARE(runGui({QStringLiteral("--version")}, &err, &out, false), 0);
  QVERIFY2(out.startsWith("BrokerLab "), out.constData());
  QCOMPARE(runGui({QStringLiteral("--frobnicate")}, &err, &out, false), 2);
  QCOMPARE(runGui({QStringLiteral("--list-scenarios")}, &err, &out, false), 0);
  QVERIFY(out.contains("work-queue.json"));
  QTemporaryDir dir;
  const QString png = dir.filePath(QStringLiteral("a.png"));
  QCOMPARE(runGui({scenarioPath(QStringLiteral("work-queue")), QStringLiteral("--at"),
                   QStringLiteral("2s"), QStringLiteral("--screenshot"), png},
                  &err, &out, false),
           0);
  QCOMPARE(QImage(png).size(), QSize(1600, 900));
  QCOMPARE(runGui({scenarioPath(QStringLiteral("work-queue"))}, &err, &out, false), 1);
  QVERIFY2(err.contains("no display to open the window on"), err.constData());
}

QTEST_MAIN(tst_Window)
#include "tst_window.moc"
