#pragma once

// The run's time axis under the canvas: the part of the run explored so far, the present, every
// fault (the scenario's and those applied live), offset reset and caption as a mark where it
// happens. Landing earlier re-simulates from a checkpoint; later, runs there.

#include "timeline/TimeScrubber.h"

namespace brokerlab::ui {

class SimulationController;

class TimelineBar : public TimeScrubber {
  Q_OBJECT

 public:
  explicit TimelineBar(SimulationController& controller, QWidget* parent = nullptr);

  std::vector<Mark> marks() const override;

 protected:
  bool hasRun() const override;
  SimTime duration() const override;
  SimTime explored() const override;
  SimTime present() const override;
  void beginLanding() override;
  void land(SimTime t) override;

 private:
  SimulationController& controller_;
};

}  // namespace brokerlab::ui
