#pragma once

// Top-level windows open at a comfortable size (the main window and a comparison at 1600x900, the
// sweep at 1100x820), which ran off smaller screens: a 1366x768 laptop, a 1280x720 projector, a
// 1920x1080 screen at 150%. On such a screen a window opens as large as the screen's free area
// allows, with room for the window manager's frame, centred on it; never below its own minimum.

#include <QSize>

class QWidget;

namespace brokerlab::ui {

// The arithmetic: `wanted` within `available` less the frame's room, at least `minimum`.
QSize fittedSize(QSize wanted, QSize available, QSize minimum);

// Resizes `window` (not yet shown) to `wanted` fitted to its screen, and centres it there when
// it had to shrink.
void fitToScreen(QWidget& window, QSize wanted);

}  // namespace brokerlab::ui
