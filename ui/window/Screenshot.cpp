#include "window/Screenshot.h"

#include "canvas/ImageFile.h"
#include "controller/SimulationController.h"
#include "window/MainWindow.h"

#include <QCoreApplication>
#include <QPixmap>

#include <algorithm>

namespace brokerlab::ui {

namespace {
constexpr double kFrame = 1.0 / SimulationController::kFrameHz;

// Runs to `at` frame by frame; a caption that pauses the run stops it short of `at`, and the run
// goes on from there (the caption stays on screen, as in a lecture). The frames are not held to
// the window's wall-clock budget: a frame cut short by a slow moment (a cold start, a busy
// machine) moved every later frame, and the screenshot's flights with them.
void runTo(SimulationController& controller, SimTime at, bool animate) {
  for (;;) {
    controller.runUntil(at, animate);
    while (controller.state() == SimulationController::RunState::Playing)
      controller.advanceFrame(kFrame, /*budgeted=*/false);
    if (controller.state() != SimulationController::RunState::Paused ||
        controller.simulator().now() >= at)
      return;
  }
}
}  // namespace

void bringRunTo(SimulationController& controller, SimTime at) {
  if (!controller.hasSimulation()) return;
  at = std::min(at, controller.model()->duration);
  const SimTime lead = std::min<SimTime>(kSecond, at);
  controller.setFastForward(false);
  runTo(controller, at - lead, false);
  const double speed = controller.speed();
  controller.setSpeed(1);
  runTo(controller, at, /*animate=*/true);
  controller.setSpeed(speed);
}

void settleForGrab() {
  // What changed while the run advanced (labels, charts given series, the docks placing them)
  // asks for layouts, and a chart laid out anew asks again (its title, its axes): a single round
  // of layout requests left a chart half laid out, its title wrapped over its plot. A side dock
  // that grew shares the bottom's width anew once laid out (BottomDocksShare), the charts place
  // themselves in their new columns after that, and each chart fits its axes to its new width
  // after that: six rounds left poll-storm's charts, selected API and summary open at 1280x720,
  // with their figures cut to "...". A round with nothing posted costs nothing.
  for (int round = 0; round < 12; ++round) QCoreApplication::sendPostedEvents();
}

bool saveWindowImage(MainWindow& window, const QString& path, QString* error) {
  settleForGrab();
  const QImage image = window.grab().toImage();
  return writePng(image, path, error);  // atomically, or in place on a device
}

}  // namespace brokerlab::ui
