#pragma once

// Headless use of the window: bring its run to a simulated time the way a viewer would see it
// (run fast to a second before, then play the last second at 1x so motion is on screen), and
// write what the window shows to a PNG.

#include "base/SimTime.h"

#include <QString>

namespace brokerlab::ui {

class MainWindow;
class SimulationController;

// Runs `controller` to `at` (capped at the run's end): fast up to a second before, then animated.
void bringRunTo(SimulationController& controller, SimTime at);
// Delivers the events a moved run has posted (layouts, resizes) so that a grab shows the window
// as the user would see it a moment later.
void settleForGrab();
// Grabs `window` into `path` (PNG), settled; false and `error` set on failure.
bool saveWindowImage(MainWindow& window, const QString& path, QString* error);

}  // namespace brokerlab::ui
