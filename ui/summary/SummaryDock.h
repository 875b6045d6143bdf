#pragma once

// The summary panel: the run's key figures whenever it stands still (paused, finished, landed on
// the timeline), with Little's law on every queue and the queueing-theory value beside the measured
// one where the model is a textbook system. While the run plays it keeps the last summary, marked
// as such: a report per frame would cost the animation for figures nobody can read moving.

#include <QDockWidget>

class QLabel;
class QTextBrowser;

namespace brokerlab::ui {

class SimulationController;

class SummaryDock : public QDockWidget {
  Q_OBJECT

 public:
  explicit SummaryDock(SimulationController& controller, QWidget* parent = nullptr);
  QString html() const;
  bool current() const { return current_; }  // false while the run plays on past it

 private:
  void refresh();

  SimulationController& controller_;
  QLabel* status_;
  QTextBrowser* text_;
  bool current_ = false;
};

}  // namespace brokerlab::ui
