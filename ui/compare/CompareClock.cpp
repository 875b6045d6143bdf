#include "compare/CompareClock.h"

#include "controller/SimulationController.h"

#include <algorithm>

namespace brokerlab::ui {

using RunState = SimulationController::RunState;

CompareClock::CompareClock(SimulationController& left, SimulationController& right, QObject* parent)
    : QObject(parent), left_(left), right_(right) {
  timer_.setTimerType(Qt::PreciseTimer);
  timer_.setInterval(static_cast<int>(1000 / SimulationController::kFrameHz));
  connect(&timer_, &QTimer::timeout, this, &CompareClock::tick);
}

bool CompareClock::runnable(const SimulationController& c) const {
  return c.hasSimulation() && (c.state() == RunState::Paused || c.state() == RunState::Playing);
}

bool CompareClock::finished() const {
  return !runnable(left_) && !runnable(right_);
}

SimTime CompareClock::now() const {
  SimTime t = 0;
  for (const SimulationController* c : {&left_, &right_})
    if (c->hasSimulation()) t = std::max(t, c->simulator().now());
  return t;
}

SimTime CompareClock::end() const {
  SimTime t = 0;
  for (const SimulationController* c : {&left_, &right_})
    if (c->hasSimulation()) t = std::max(t, c->model()->duration);
  return t;
}

QString CompareClock::haltReason() const {
  QStringList why;
  if (left_.state() == RunState::Halted) why << tr("A: %1").arg(left_.haltReason());
  if (right_.state() == RunState::Halted) why << tr("B: %1").arg(right_.haltReason());
  return why.join(QStringLiteral("; "));
}

void CompareClock::play() {
  if (playing_ || finished()) return;
  for (SimulationController* c : {&left_, &right_})
    if (runnable(*c)) c->play();
  playing_ = true;
  emit stateChanged();
}

void CompareClock::pause() {
  const bool was = playing_;
  playing_ = false;
  left_.pause();
  right_.pause();
  emit stateChanged();
  if (was) emit settled();
}

void CompareClock::togglePlay() {
  if (playing_) {
    pause();
  } else if (finished()) {
    restart();
    play();
  } else {
    play();
  }
}

void CompareClock::restart() {
  playing_ = false;
  left_.restart();
  right_.restart();
  emit stateChanged();
  emit settled();
}

void CompareClock::seek(SimTime t) {
  playing_ = false;
  for (SimulationController* c : {&left_, &right_})
    if (c->hasSimulation()) c->seek(std::min(t, c->model()->duration));
  emit frameAdvanced();
  emit stateChanged();
  emit settled();
}

void CompareClock::setSpeed(double speed) {
  speed_ = std::clamp(speed, SimulationController::kMinSpeed, SimulationController::kMaxSpeed);
  emit stateChanged();
}

// To the next instant at which either run has an event (every event of that instant, in both).
void CompareClock::step() {
  if (playing_) pause();
  if (finished()) return;
  SimTime t = end();
  for (const SimulationController* c : {&left_, &right_})
    if (runnable(*c)) t = std::min(t, c->simulator().nextEventTime());
  for (SimulationController* c : {&left_, &right_})
    if (runnable(*c)) c->advanceTo(t, 0, /*budgeted=*/false);
  emit frameAdvanced();
  emit stateChanged();
  emit settled();
}

void CompareClock::advanceFrame(double wallSeconds, bool budgeted) {
  if (!playing_) {
    // Paused: the runs stand still; what a step set in motion moves for a moment.
    left_.advanceFrame(wallSeconds, budgeted);
    right_.advanceFrame(wallSeconds, budgeted);
    emit frameAdvanced();
    return;
  }
  const double ahead = std::max(wallSeconds, 0.0) * speed_ * 1e9;
  SimTime goal = now() + static_cast<SimTime>(std::min(ahead, static_cast<double>(kMaxSimTime)));
  goal = std::min(goal, end());
  // The first run still playing goes as far as the frame's budget allows; the other is brought
  // exactly to where it got, whatever that costs, so that both clocks read the same.
  bool first = true;
  for (SimulationController* c : {&left_, &right_}) {
    if (c->state() != RunState::Playing) {
      c->advanceFrame(wallSeconds, budgeted);  // ended or halted: its views still get their frame
      continue;
    }
    c->advanceTo(goal, wallSeconds, budgeted && first);
    first = false;
    if (c->state() != RunState::Finished) goal = std::min(goal, c->simulator().now());
  }
  stopIfOver();
  emit frameAdvanced();
}

void CompareClock::stopIfOver() {
  const bool halted = left_.state() == RunState::Halted || right_.state() == RunState::Halted;
  const bool anyPlaying = left_.state() == RunState::Playing || right_.state() == RunState::Playing;
  if (!halted && anyPlaying) return;
  playing_ = false;
  left_.pause();
  right_.pause();
  emit stateChanged();
  emit settled();
}

void CompareClock::setTicking(bool on) {
  if (on && !timer_.isActive()) {
    wallClock_.start();
    timer_.start();
  } else if (!on) {
    timer_.stop();
  }
}

void CompareClock::tick() {
  // Wall time since the last tick, capped so that a stall (a dialog) is not made up.
  const double wall = std::min(wallClock_.restart() / 1000.0, 0.1);
  advanceFrame(wall);
}

}  // namespace brokerlab::ui
