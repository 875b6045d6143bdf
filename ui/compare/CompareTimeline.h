#pragma once

// The comparison's time axis, under the two canvases: one present for both runs, the part both
// have explored, and the marks of both (a fault, reset or caption the two scenarios share is
// drawn once; one only A or only B has says so in its tooltip). Landing puts both runs at that
// time on the one clock (CompareClock::seek), and the key figures follow.

#include "timeline/TimeScrubber.h"

namespace brokerlab::ui {

class CompareClock;

class CompareTimeline : public TimeScrubber {
  Q_OBJECT

 public:
  explicit CompareTimeline(CompareClock& clock, QWidget* parent = nullptr);

  std::vector<Mark> marks() const override;

 protected:
  bool hasRun() const override;
  SimTime duration() const override;
  SimTime explored() const override;
  SimTime present() const override;
  void beginLanding() override;
  void land(SimTime t) override;

 private:
  CompareClock& clock_;
};

}  // namespace brokerlab::ui
