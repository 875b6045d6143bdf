#include "compare/CompareTimeline.h"

#include "compare/CompareClock.h"
#include "controller/SimulationController.h"
#include "timeline/RunMarks.h"

#include <algorithm>

namespace brokerlab::ui {

CompareTimeline::CompareTimeline(CompareClock& clock, QWidget* parent)
    : TimeScrubber(parent), clock_(clock) {
  setToolTip(
      tr("Both runs' time: click or drag to land both there. Marks: faults (orange; "
         "vermillion when applied live), offset resets (purple), captions (blue)."));
  connect(&clock_, &CompareClock::frameAdvanced, this, qOverload<>(&QWidget::update));
  for (SimulationController* c : {&clock_.left(), &clock_.right()})
    connect(c, &SimulationController::timelineChanged, this, qOverload<>(&QWidget::update));
}

std::vector<TimeScrubber::Mark> CompareTimeline::marks() const {
  const std::vector<Mark> a = runMarks(clock_.left());
  const std::vector<Mark> b = runMarks(clock_.right());
  std::vector<Mark> out;
  for (const Mark& m : a) {
    Mark shown = m;
    if (std::find(b.begin(), b.end(), m) == b.end()) shown.text = tr("A: %1").arg(m.text);
    out.push_back(shown);
  }
  for (const Mark& m : b) {
    if (std::find(a.begin(), a.end(), m) != a.end()) continue;  // shared: drawn once
    Mark shown = m;
    shown.text = tr("B: %1").arg(m.text);
    out.push_back(shown);
  }
  return out;
}

bool CompareTimeline::hasRun() const {
  return clock_.left().hasSimulation() && clock_.right().hasSimulation();
}

SimTime CompareTimeline::duration() const {
  return clock_.end();
}

// Where both can be landed from a checkpoint: a run that has reached its end counts as explored
// to the comparison's end.
SimTime CompareTimeline::explored() const {
  SimTime both = clock_.end();
  for (const SimulationController* c : {&clock_.left(), &clock_.right()})
    if (c->explored() < c->model()->duration) both = std::min(both, c->explored());
  return both;
}

SimTime CompareTimeline::present() const {
  return clock_.now();
}

void CompareTimeline::beginLanding() {
  clock_.pause();
}

void CompareTimeline::land(SimTime t) {
  clock_.seek(t);
}

}  // namespace brokerlab::ui
