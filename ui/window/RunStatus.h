#pragma once

// Always visible in the toolbar: the simulated clock, the events run so far, and what the run is
// doing (paused, playing at which speed or as fast as it can, finished, halted and why).

#include <QWidget>

class QLabel;

namespace brokerlab::ui {

class SimulationController;

class RunStatus : public QWidget {
  Q_OBJECT

 public:
  RunStatus(SimulationController& controller, QWidget* parent = nullptr);
  QString clockText() const;
  QString stateText() const;
  // Lecture mode: the clock and the state only, narrower, so that the clock fits a projector's
  // 1280 pixels beside the large controls.
  void setCompact(bool on);

 private:
  void refresh();

  SimulationController& controller_;
  QLabel* clock_;
  QLabel* events_;
  QLabel* state_;
  int fullStateWidth_ = 0;
};

}  // namespace brokerlab::ui
