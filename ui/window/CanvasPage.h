#pragma once

// The page that shows a run: the canvas above, the timeline below.

#include <QWidget>

namespace brokerlab::ui {

class SimulationController;
class TimelineBar;
class TopologyView;

class CanvasPage : public QWidget {
  Q_OBJECT

 public:
  CanvasPage(SimulationController& controller, QWidget* parent = nullptr);
  TopologyView& canvas() { return *canvas_; }
  TimelineBar& timeline() { return *timeline_; }

 private:
  TopologyView* canvas_;
  TimelineBar* timeline_;
};

}  // namespace brokerlab::ui
