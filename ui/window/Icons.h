#pragma once

// The toolbar's icons, drawn rather than loaded: crisp at any size and screen density, one
// consistent stroke, and nothing to install.

#include <QIcon>

namespace brokerlab::ui::icons {

QIcon open();
QIcon save();
QIcon play();
QIcon pause();
QIcon step();
QIcon restart();
QIcon fastForward();
QIcon runUntil();
QIcon fit();
QIcon zoomIn();
QIcon zoomOut();
QIcon start();
QIcon lecture();
QIcon application();  // the window icon (the same drawing as the installed SVG)

}  // namespace brokerlab::ui::icons
