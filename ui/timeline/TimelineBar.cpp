#include "timeline/TimelineBar.h"

#include "controller/SimulationController.h"
#include "timeline/RunMarks.h"

namespace brokerlab::ui {

TimelineBar::TimelineBar(SimulationController& controller, QWidget* parent)
    : TimeScrubber(parent), controller_(controller) {
  setToolTip(
      tr("The run's time: click or drag to land there (earlier moments re-simulate from a "
         "checkpoint: the same run). Marks: faults (orange; vermillion when applied live), "
         "offset resets (purple), captions (blue)."));
  connect(&controller_, &SimulationController::frameAdvanced, this, qOverload<>(&QWidget::update));
  connect(&controller_, &SimulationController::timelineChanged, this,
          qOverload<>(&QWidget::update));
}

std::vector<TimeScrubber::Mark> TimelineBar::marks() const {
  return runMarks(controller_);
}

bool TimelineBar::hasRun() const {
  return controller_.hasSimulation();
}

SimTime TimelineBar::duration() const {
  return controller_.model()->duration;
}

SimTime TimelineBar::explored() const {
  return controller_.explored();
}

SimTime TimelineBar::present() const {
  return controller_.simulator().now();
}

void TimelineBar::beginLanding() {
  controller_.pause();
}

void TimelineBar::land(SimTime t) {
  controller_.seek(t);
}

}  // namespace brokerlab::ui
