#pragma once

// The page that shows a run: the canvas above (with the scenario's captions over it), the
// timeline below.

#include <QWidget>

namespace brokerlab::ui {

class CaptionOverlay;
class SimulationController;
class TimelineBar;
class TopologyView;

class CanvasPage : public QWidget {
  Q_OBJECT

 public:
  CanvasPage(SimulationController& controller, QWidget* parent = nullptr);
  TopologyView& canvas() { return *canvas_; }
  TimelineBar& timeline() { return *timeline_; }
  CaptionOverlay& captions() { return *captions_; }

 private:
  TopologyView* canvas_;
  TimelineBar* timeline_;
  CaptionOverlay* captions_;
};

}  // namespace brokerlab::ui
