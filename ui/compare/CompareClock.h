#pragma once

// One simulated clock for two runs (a comparison): each frame brings both controllers to the same
// simulated time, by time and not by an event budget, so their clocks stay equal. The left run
// goes first within the frame's wall-time budget; the right one is then brought exactly to where
// the left one got. Step goes to the next instant at which either run has an event. It decides
// nothing about either simulation; the controllers run them.
//
// Paused ──play──> Playing ──(both at their end)──> Finished
//   ^   <──pause──    │         any ──(a run halts)──> Paused, with the reason

#include "base/SimTime.h"

#include <QElapsedTimer>
#include <QObject>
#include <QString>
#include <QTimer>

namespace brokerlab::ui {

class SimulationController;

class CompareClock : public QObject {
  Q_OBJECT

 public:
  CompareClock(SimulationController& left, SimulationController& right, QObject* parent = nullptr);

  SimulationController& left() { return left_; }
  SimulationController& right() { return right_; }
  bool playing() const { return playing_; }
  bool finished() const;  // both runs are at their end (or halted)
  double speed() const { return speed_; }
  // The shared simulated time: the later of the two clocks (they are equal while both run; a run
  // that ends sooner stays at its end).
  SimTime now() const;
  SimTime end() const;  // the later of the two runs' ends
  // Why a run stopped before its end (empty while both can go on).
  QString haltReason() const;

 public slots:
  void play();
  void pause();
  void togglePlay();
  void step();
  void restart();
  // Both runs at `t` (a run that ends sooner at its end): from a checkpoint when earlier, running
  // there when later; then the clock stands still.
  void seek(SimTime t);
  void setSpeed(double simSecondsPerWallSecond);
  // One frame of `wallSeconds`: the timer calls this; tests call it directly.
  void advanceFrame(double wallSeconds, bool budgeted = true);  // as SimulationController's
  void setTicking(bool on);

 signals:
  void frameAdvanced();  // after every frame and step: views pull once
  void stateChanged();   // playing, paused, finished, speed
  void settled();        // the clock stands still at a new time (pause, step, end, restart)

 private:
  void tick();
  void stopIfOver();
  bool runnable(const SimulationController& c) const;

  SimulationController& left_;
  SimulationController& right_;
  bool playing_ = false;
  double speed_ = 1;
  QTimer timer_;
  QElapsedTimer wallClock_;
};

}  // namespace brokerlab::ui
