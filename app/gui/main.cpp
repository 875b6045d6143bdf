// brokerlab: the desktop window. Thin: parse the command line, build the window, hand over;
// headless modes (--screenshot, --bench-ui) drive the same window offscreen.

#include "bench/ScrubBenchmark.h"
#include "bench/UiBenchmark.h"
#include "canvas/ImageFile.h"
#include "canvas/TopologyView.h"
#include "charts/ChartsDock.h"
#include "common/HugePages.h"
#include "compare/CompareActions.h"
#include "compare/CompareWindow.h"
#include "controller/SimulationController.h"
#include "document/ScenarioDocument.h"
#include "gui/GuiOptions.h"
#include "scenario/ScenarioFile.h"
#include "window/BundledScenarios.h"
#include "window/FileActions.h"
#include "window/LectureMode.h"
#include "window/MainWindow.h"
#include "window/ScreenFit.h"
#include "window/Screenshot.h"

#include <QApplication>
#include <QStyleFactory>
#include <QTimer>

#include <cstdio>

namespace {

int screenshot(brokerlab::ui::MainWindow& window, const GuiOptions& o) {
  if (o.at) brokerlab::ui::bringRunTo(window.controller(), *o.at);  // none: the start page
  QString error;
  if (!brokerlab::ui::saveWindowImage(window, o.screenshot, &error)) {
    std::fprintf(stderr, "brokerlab: cannot write %s: %s\n", qPrintable(o.screenshot),
                 qPrintable(error));
    return 1;
  }
  return 0;
}

// --select ID: selects the component, or says on stderr that the scenario has none of that id
// and which it has (a typo would otherwise leave the inspector empty without a word).
bool selectComponent(brokerlab::ui::MainWindow& window, const QString& id) {
  window.canvas().selectComponent(id);
  if (window.canvas().selectedId() == id) return true;
  QStringList ids;
  for (const auto& c : window.document().scenario().components) ids << QString::fromStdString(c.id);
  std::fprintf(stderr,
               "brokerlab: --select: no component \"%s\" in the scenario; its components: %s\n",
               qPrintable(id), ids.isEmpty() ? "none" : qPrintable(ids.join(QStringLiteral(", "))));
  return false;
}

// The comparison window at --at, written to --screenshot.
int compareScreenshot(brokerlab::ui::CompareWindow& compare, const GuiOptions& o) {
  compare.bringTo(*o.at);
  brokerlab::ui::settleForGrab();
  QString error;
  if (!brokerlab::ui::writePng(compare.grab().toImage(), o.screenshot, &error)) {
    std::fprintf(stderr, "brokerlab: cannot write %s: %s\n", qPrintable(o.screenshot),
                 qPrintable(error));
    return 1;
  }
  return 0;
}

int benchmark(brokerlab::ui::MainWindow& window, const GuiOptions& o) {
  using namespace brokerlab::ui;
  if (o.benchCharts) {
    // The charts' worst case: an hour of 10 ms samples behind every series (the points budget
    // halves them as they come), drawn while the run plays on at 1x in its last minute.
    window.charts().show();
    SimulationController& c = window.controller();
    c.runUntil(c.model()->duration - brokerlab::kMinute);
    while (c.state() == SimulationController::RunState::Playing) c.advanceFrame(1.0 / 60);
  }
  const UiBenchResult r = runUiBenchmark(window, o.frames);
  std::printf("scenario: %s\n", window.document().scenario().name.c_str());
  std::printf("frames: %zu at 1600x900 offscreen (advance one 60 Hz frame + paint the canvas)\n",
              r.frameMs.size());
  std::printf("frame time ms: p50 %.2f  p95 %.2f  p99 %.2f  max %.2f\n", r.percentile(50),
              r.percentile(95), r.percentile(99), r.percentile(100));
  double advance = 0;
  for (double ms : r.advanceMs) advance += ms;
  std::printf("of which advancing the run and the views' state: mean %.2f ms\n",
              r.advanceMs.empty() ? 0.0 : advance / static_cast<double>(r.advanceMs.size()));
  std::printf("messages in flight: max %llu; flights drawn one by one: max %llu\n",
              static_cast<unsigned long long>(r.messagesInFlightMax),
              static_cast<unsigned long long>(r.flightsDrawnMax));
  std::printf(
      "frame_p50_ms=%.3f\nframe_p95_ms=%.3f\nframe_p99_ms=%.3f\nmessages_in_flight_max=%llu\n",
      r.percentile(50), r.percentile(95), r.percentile(99),
      static_cast<unsigned long long>(r.messagesInFlightMax));
  if (o.benchCharts) {
    std::printf("charts_open=%d\n", r.chartsOpen);
    std::printf("chart_points_max=%d\n", r.chartPointsMax);
  }
  return 0;
}

int scrubBenchmark(const GuiOptions& o) {
  using namespace brokerlab;
  Scenario scenario = ui::scrubScenario(10'000'000);
  if (!o.file.isEmpty()) {
    const ScenarioLoadResult loaded = loadScenarioFile(o.file);
    if (!loaded.ok()) {
      for (const ScenarioIssue& issue : loaded.issues)
        std::fprintf(stderr, "%s\n", formatIssue(o.file.toStdString(), issue).c_str());
      return 1;
    }
    scenario = *loaded.scenario;
  }
  const ui::ScrubBenchResult r = ui::runScrubBenchmark(scenario, o.landings, o.seed.value_or(1));
  std::printf("scenario: %s\n", scenario.name.c_str());
  std::printf("run: %llu events in %.2f s (playing to the end, checkpoints taken)\n",
              static_cast<unsigned long long>(r.events), r.runSeconds);
  double worst = 0;
  bool allEqual = true;
  for (const ui::ScrubLanding& l : r.landings) {
    std::printf("landing at %.3f s: %.1f ms, %s\n", toSeconds(l.at), l.ms,
                l.equal ? "equal to a straight run" : "DIFFERS from a straight run");
    worst = std::max(worst, l.ms);
    allEqual = allEqual && l.equal;
  }
  std::printf("checkpoints: %zu, %.1f MiB, every %llu events\n", r.checkpoints,
              r.checkpointBytes / 1048576.0, static_cast<unsigned long long>(r.spacingEvents));
  std::printf("scrub_max_ms=%.1f\ncheckpoint_mib=%.1f\nlandings_equal=%s\n", worst,
              r.checkpointBytes / 1048576.0, allEqual ? "yes" : "no");
  return allEqual ? 0 : 3;
}

// Nothing a window could show on: no platform chosen, and neither X11 nor Wayland.
bool noDisplay() {
  return qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM") && qEnvironmentVariableIsEmpty("DISPLAY") &&
         qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY");
}

void nameTheApplication() {
  QCoreApplication::setApplicationName(QStringLiteral("BrokerLab"));
  QCoreApplication::setOrganizationName(QStringLiteral("BrokerLab"));
  QCoreApplication::setApplicationVersion(QStringLiteral(BROKERLAB_VERSION));
}

}  // namespace

int main(int argc, char** argv) {
  brokerlab::restartWithHugePages(argv);
  std::optional<int> exitCode;
  GuiOptions o;
  {
    // The options before any window: --help, --version, --list-scenarios and a usage error
    // answer on a machine without a display (over ssh, in CI), where Qt's xcb plugin would abort.
    QCoreApplication options(argc, argv);
    nameTheApplication();
    o = parseGuiOptions(QCoreApplication::arguments(), &exitCode);
    if (exitCode) return *exitCode;
    if (o.listScenarios) {
      const QString dir = brokerlab::ui::bundledScenarioDir();
      std::printf("%s\n", dir.isEmpty() ? "no bundled scenarios found" : qPrintable(dir));
      for (const auto& s : brokerlab::ui::bundledScenarios())
        std::printf("%s\t%s\n", qPrintable(s.file), qPrintable(s.name));
      return dir.isEmpty() ? 1 : 0;
    }
  }
  if (noDisplay()) {
    if (o.screenshot.isEmpty() && !o.benchUi && !o.benchScrub) {
      std::fprintf(stderr,
                   "brokerlab: no display to open the window on (neither DISPLAY nor "
                   "WAYLAND_DISPLAY is set). Run it in a desktop session, or without a window: "
                   "--screenshot, --bench-ui, or brokerlab-cli.\n");
      return 1;
    }
    qputenv("QT_QPA_PLATFORM", "offscreen");  // what these draw needs no screen
  }
  QApplication app(argc, argv);
  nameTheApplication();
  QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
  if (o.benchScrub) return scrubBenchmark(o);

  brokerlab::ui::MainWindow window;
  window.setSeedOverride(o.seed);
  const bool headless = !o.screenshot.isEmpty() || o.benchUi;
  window.files().setInteractive(!headless);
  if (headless) window.resize(o.size);
  if (o.benchUi && o.file.isEmpty()) {
    window.document().reset(o.benchCharts ? brokerlab::ui::chartsStressScenario(o.inFlight)
                                          : brokerlab::ui::stressScenario(o.inFlight));
  } else if (!o.file.isEmpty() && !window.files().openPath(o.file)) {
    if (headless) return 1;  // the errors are on stderr
  }
  window.showPanels(o.show);
  if (!o.select.isEmpty() && !selectComponent(window, o.select) && headless) return 2;
  brokerlab::ui::CompareWindow* compare = nullptr;
  if (!o.compare.isEmpty()) {
    auto* actions = window.findChild<brokerlab::ui::CompareActions*>();
    actions->setInteractive(!headless);
    compare = actions->compareWithFile(o.compare, o.seed);
    if (!compare && headless) return 1;  // the problems are on stderr
    if (compare && o.lecture) compare->setLecture(true);
    if (compare && headless) {
      compare->showNormal();  // offscreen there is no screen to fill: the requested size
      compare->resize(o.size);
    }
  }
  if (!headless) {
    brokerlab::ui::fitToScreen(window, window.size());
    window.show();
    if (o.lecture) {
      window.lecture().setActive(true);
      window.showPanels(o.show);  // entering lecture mode put the docks away; these were asked for
    }
    if (compare) {
      compare->show();
      compare->raise();
    }
    return QApplication::exec();
  }
  // Headless: show (offscreen it is never on a screen) so layouts are real, then work once the
  // event loop has laid the window out.
  window.show();
  // Offscreen there is no screen to fill: lecture mode keeps the requested size.
  if (o.lecture) {
    window.lecture().setActive(true);
    window.showNormal();
    window.resize(o.size);
    window.showPanels(o.show);
  }
  int rc = 0;
  QTimer::singleShot(0, [&] {
    rc = o.benchUi ? benchmark(window, o)
         : compare ? compareScreenshot(*compare, o)
                   : screenshot(window, o);
    QApplication::exit(rc);
  });
  QApplication::exec();
  return rc;
}
