#pragma once

// The canvas as a picture: PNG (at twice the canvas's size, for slides) or SVG (vector shapes,
// sharp at any size). The whole topology is drawn, whatever the view is zoomed to; the file is
// replaced atomically.

#include <QString>

namespace brokerlab::ui {

class TopologyScene;

bool exportCanvasPng(TopologyScene& scene, const QString& path, QString* error);
bool exportCanvasSvg(TopologyScene& scene, const QString& path, QString* error);

}  // namespace brokerlab::ui
