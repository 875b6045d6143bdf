#pragma once

// Always visible in the toolbar: the simulated clock, the events run so far, and what the run is
// doing (paused, playing at which speed or as fast as it can, finished, halted and why).

#include "base/SimTime.h"

#include <QWidget>

class QLabel;
class QToolBar;

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
  bool compact() const { return compact_; }
  // Watches the toolbar it sits in: compact, too, while the toolbar is too narrow for all of it.
  void fitInto(QToolBar* bar);

 protected:
  bool eventFilter(QObject* watched, QEvent* event) override;

 private:
  void refresh();
  void fitClock();  // room for the longest clock this run shows
  void fit();
  QString clockText(SimTime now) const;

  SimulationController& controller_;
  QLabel* clock_;
  QLabel* events_;
  QLabel* state_;
  int fullStateWidth_ = 0;
  QToolBar* bar_ = nullptr;
  bool lecture_ = false;
  bool compact_ = false;
};

}  // namespace brokerlab::ui
