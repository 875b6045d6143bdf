#pragma once

// The time controls as actions (for the toolbar, the menus and their shortcuts): play / pause,
// step one event, faster, slower, fast-forward, run until a time, restart; plus the speed slider
// and the run status. Each forwards to the controller; none decides anything itself.

#include <QObject>

class QAction;
class QToolBar;
class QWidget;

namespace brokerlab::ui {

class RunStatus;
class SimulationController;
class SpeedSlider;

class TimeControls : public QObject {
  Q_OBJECT

 public:
  TimeControls(SimulationController& controller, QWidget* window);

  QAction* playPause() const { return playPause_; }
  QAction* step() const { return step_; }
  QAction* faster() const { return faster_; }
  QAction* slower() const { return slower_; }
  QAction* fastForward() const { return fastForward_; }
  QAction* runUntil() const { return runUntil_; }
  QAction* restart() const { return restart_; }
  QList<QAction*> actions() const;
  // Adds the controls, the speed slider and the run status to `toolBar`.
  void populate(QToolBar* toolBar);
  SpeedSlider* speedSlider() const { return slider_; }
  RunStatus* runStatus() const { return status_; }

 private:
  void refresh();
  void askRunUntil();

  SimulationController& controller_;
  QWidget* window_;
  QAction* playPause_;
  QAction* step_;
  QAction* faster_;
  QAction* slower_;
  QAction* fastForward_;
  QAction* runUntil_;
  QAction* restart_;
  SpeedSlider* slider_;
  RunStatus* status_;
};

}  // namespace brokerlab::ui
