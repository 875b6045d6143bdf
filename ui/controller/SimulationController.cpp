#include "controller/SimulationController.h"

#include "canvas/Animator.h"
#include "model/ModelBuilder.h"

#include <algorithm>
#include <cmath>

namespace brokerlab::ui {

SimulationController::SimulationController(QObject* parent) : QObject(parent) {
  timer_.setTimerType(Qt::PreciseTimer);
  timer_.setInterval(static_cast<int>(1000 / kFrameHz));
  connect(&timer_, &QTimer::timeout, this, &SimulationController::tick);
}

QString SimulationController::load(const Scenario& scenario, std::optional<std::uint64_t> seed) {
  ModelBuildResult built = buildModel(scenario, seed);
  if (!built.model) return QString::fromStdString(built.error);
  scenario_ = scenario;
  built.model->seriesEnvelopes = true;  // the charts show every spike (the trace is the same)
  model_ = std::make_shared<const Model>(std::move(*built.model));
  sim_.emplace(model_);
  timeline_.reset(*sim_);
  sim_->trace().setCapturing(true);
  explored_ = 0;
  untilTarget_ = kNever;
  pausePoints_.clear();
  for (const AnnotationSpec& a : scenario_.annotations)
    if (a.pause.value_or(false) && a.at <= duration()) pausePoints_.push_back(a.at);
  std::sort(pausePoints_.begin(), pausePoints_.end());
  pausePoints_.erase(std::unique(pausePoints_.begin(), pausePoints_.end()), pausePoints_.end());
  haltReason_.clear();
  records_.clear();
  recordsComplete_ = true;
  setState(RunState::Paused);
  emit simulationReset();
  emit frameAdvanced();
  return {};
}

void SimulationController::setState(RunState state) {
  if (state == state_) return;
  state_ = state;
  emit stateChanged();
}

void SimulationController::play() {
  if (state_ == RunState::Paused) setState(RunState::Playing);
}

void SimulationController::pause() {
  untilTarget_ = kNever;
  if (state_ == RunState::Playing) setState(RunState::Paused);
  if (sim_) sim_->trace().setCapturing(capturing());
  emit stateChanged();
}

void SimulationController::togglePlay() {
  if (state_ == RunState::Playing) {
    pause();
  } else if (state_ == RunState::Finished) {
    restart();
    play();
  } else {
    play();
  }
}

void SimulationController::restart() {
  if (!sim_) return;
  land(0);
}

void SimulationController::seek(SimTime t) {
  if (!sim_) return;
  land(std::clamp<SimTime>(t, 0, duration()));
}

void SimulationController::land(SimTime t) {
  Simulator landed = *sim_;
  const std::string error = timeline_.landAt(t, landed);
  *sim_ = std::move(landed);
  sim_->trace().setCapturing(capturing());
  explored_ = std::max(explored_, sim_->now());
  untilTarget_ = kNever;
  haltReason_.clear();
  records_.clear();
  recordsComplete_ = true;
  stepAnimationLeft_ = 0;
  if (!error.empty()) {
    halt(error);
  } else {
    setState(sim_->now() >= duration() ? RunState::Finished : RunState::Paused);
  }
  emit simulationReset();
  emit frameAdvanced();
}

QString SimulationController::applyFault(const FaultSpec& spec, FaultSpec* applied) {
  if (!sim_ || state_ == RunState::Finished || state_ == RunState::Halted)
    return tr("the run is over: restart it, or land earlier on the timeline");
  records_.clear();
  const std::string error = timeline_.applyFault(*sim_, spec, applied);
  if (!error.empty()) return QString::fromStdString(error);
  startNow();
  emit timelineChanged();
  emit frameAdvanced();
  return {};
}

QString SimulationController::applyAction(const ActionSpec& spec, ActionSpec* applied) {
  if (!sim_ || state_ == RunState::Finished || state_ == RunState::Halted)
    return tr("the run is over: restart it, or land earlier on the timeline");
  records_.clear();
  const std::string error = timeline_.applyAction(*sim_, spec, applied);
  if (!error.empty()) return QString::fromStdString(error);
  startNow();
  emit timelineChanged();
  emit frameAdvanced();
  return {};
}

void SimulationController::setLayout(const std::map<std::string, LayoutPoint>& layout) {
  scenario_.layout = layout;
  emit layoutChanged();
}

void SimulationController::setLiveChanges(std::vector<LiveChange> changes) {
  if (!sim_) return;
  const SimTime differs = timeline_.setChanges(std::move(changes), sim_->now());
  emit timelineChanged();
  if (differs != kNever) land(sim_->now());  // the present was made with or without it: redo
}

// A change applied live has its instant to itself (the engine chose one where nothing else is
// due): run that instant, so a crash shows at once even while paused; the replay of the saved
// scenario runs the same events at the same instant.
void SimulationController::startNow() {
  const StopReason why = sim_->runUntil(sim_->now());
  pullRecords();
  if (why == StopReason::InvariantViolated) halt(sim_->violation());
  if (why == StopReason::LimitReached) halt(sim_->limitReached());
  noteProgress();
}

std::vector<TraceRecord> SimulationController::recordsOf(std::uint64_t serial, SimTime from) {
  if (!sim_) return {};
  return timeline_.trail(serial, from, sim_->now());
}

SimTime SimulationController::nextPausePoint(SimTime after) const {
  if (!captionPauses_) return kNever;
  const auto next = std::upper_bound(pausePoints_.begin(), pausePoints_.end(), after);
  return next == pausePoints_.end() ? kNever : *next;
}

void SimulationController::noteProgress() {
  explored_ = std::max(explored_, sim_->now());
  timeline_.offer(*sim_);
}

void SimulationController::setSpeed(double speed) {
  speed_ = std::clamp(speed, kMinSpeed, kMaxSpeed);
  emit stateChanged();
}

void SimulationController::setFastForward(bool on) {
  fast_ = on;
  if (sim_) sim_->trace().setCapturing(capturing());
  emit stateChanged();
}

void SimulationController::runUntil(SimTime time, bool animate) {
  if (!sim_ || state_ == RunState::Halted || state_ == RunState::Finished) return;
  if (time <= sim_->now()) return;
  untilTarget_ = std::min(time, duration());
  untilAnimated_ = animate;
  sim_->trace().setCapturing(capturing());
  setState(RunState::Playing);
  emit stateChanged();
}

bool SimulationController::capturing() const {
  return !fast_ && (untilTarget_ == kNever || untilAnimated_);
}

void SimulationController::step() {
  if (!sim_ || state_ == RunState::Halted || state_ == RunState::Finished) return;
  if (state_ == RunState::Playing) pause();
  sim_->trace().setCapturing(true);
  records_.clear();
  // Exactly one event, unless a live change is due first: then the change is that step.
  StopReason why = StopReason::EventBudget;
  if (timeline_.stopFor(sim_->now(), duration()) == sim_->now()) {
    if (const std::string e = timeline_.applyDue(*sim_); !e.empty()) halt(e);
  } else {
    why = sim_->runUntil(duration(), 1);
  }
  pullRecords();
  noteProgress();
  recordsComplete_ = true;
  animationSeconds_ = 0;
  // Let what the event set in motion move for a moment, then freeze again.
  stepAnimationLeft_ = Animator::kMinVisualSeconds;
  if (why == StopReason::InvariantViolated) halt(sim_->violation());
  if (why == StopReason::LimitReached) halt(sim_->limitReached());
  if (why == StopReason::ReachedTime && sim_->now() >= duration()) setState(RunState::Finished);
  emit frameAdvanced();
}

void SimulationController::setTicking(bool on) {
  if (on && !timer_.isActive()) {
    wallClock_.start();
    timer_.start();
  } else if (!on) {
    timer_.stop();
  }
}

void SimulationController::tick() {
  // Wall time since the last tick, capped so that a stall (a dialog, a debugger) is not made up.
  const double wall = std::min(wallClock_.restart() / 1000.0, 0.1);
  advanceFrame(wall);
}

void SimulationController::halt(const std::string& why) {
  haltReason_ = QString::fromStdString(why);
  untilTarget_ = kNever;
  setState(RunState::Halted);
}

void SimulationController::pullRecords() {
  TraceBuffer& buffer = sim_->trace();
  if (buffer.size() == 0) return;
  if (records_.size() >= kMaxRecordsPerFrame) {
    // Too many to animate this frame: drop them from the animation (never from the run: the
    // trace hash has them) and let the views show state only.
    std::vector<TraceRecord> discard;
    buffer.pull(discard, buffer.size());
    frameOverflowed_ = true;
    return;
  }
  buffer.pull(records_, buffer.size());
}

void SimulationController::runBudgeted(SimTime target, bool budgeted) {
  QElapsedTimer budget;
  budget.start();
  const qint64 budgetNs = static_cast<qint64>(kSimulationBudgetMs * 1e6);
  limited_ = false;
  for (;;) {
    const std::uint64_t before = sim_->eventsProcessed();
    QElapsedTimer chunk;
    chunk.start();
    // Stop just before a live change on the timeline, apply it again, go on.
    const SimTime stop = timeline_.stopFor(sim_->now(), target);
    StopReason why = sim_->runUntil(stop, eventsPerChunk_);
    if (why == StopReason::ReachedTime && stop < target) {
      if (const std::string e = timeline_.applyDue(*sim_); !e.empty()) {
        halt(e);
        return;
      }
      why = StopReason::EventBudget;  // not there yet: go round again
    }
    pullRecords();
    noteProgress();
    // Chunks of about a millisecond: the budget is checked often enough, the loop rarely.
    const double ns = std::max<qint64>(chunk.nsecsElapsed(), 1);
    const double perMs = static_cast<double>(sim_->eventsProcessed() - before) * 1e6 / ns;
    if (why == StopReason::EventBudget)
      eventsPerChunk_ = std::clamp<std::uint64_t>(static_cast<std::uint64_t>(perMs), 256, 1u << 20);
    switch (why) {
      case StopReason::ReachedTime:
        return;
      case StopReason::EventBudget:
      case StopReason::TraceFull:
        if (budgeted && budget.nsecsElapsed() >= budgetNs) {
          limited_ = true;
          return;
        }
        break;
      case StopReason::InvariantViolated:
        halt(sim_->violation());
        return;
      case StopReason::LimitReached:
        halt(sim_->limitReached());
        return;
    }
  }
}

void SimulationController::advanceFrame(double wallSeconds, bool budgeted) {
  frame(wallSeconds, kNever, budgeted);
}

void SimulationController::advanceTo(SimTime target, double wallSeconds, bool budgeted) {
  if (!sim_) return;
  if (state_ == RunState::Playing) return frame(wallSeconds, target, budgeted);
  if (state_ != RunState::Paused) return;
  // Paused: a step to `target`, every record captured.
  sim_->trace().setCapturing(true);
  records_.clear();
  frameOverflowed_ = false;
  runBudgeted(std::min(target, duration()), budgeted);
  recordsComplete_ = !frameOverflowed_;
  animationSeconds_ = 0;
  stepAnimationLeft_ = Animator::kMinVisualSeconds;
  if (state_ == RunState::Paused && sim_->now() >= duration()) setState(RunState::Finished);
  emit frameAdvanced();
}

void SimulationController::frame(double wallSeconds, SimTime given, bool budgeted) {
  records_.clear();
  frameOverflowed_ = false;
  animationSeconds_ = 0;
  if (!sim_) return;
  bool uncaptured = false;  // events ran this frame without their records being kept
  if (state_ == RunState::Playing) {
    uncaptured = !sim_->trace().capturing();
    const SimTime start = sim_->now();
    SimTime target;
    if (given != kNever) {
      target = std::max(given, start);
    } else if (untilTarget_ != kNever && !untilAnimated_) {
      target = untilTarget_;
    } else if (fast_) {
      target = duration();
    } else {
      const double ahead = std::max(wallSeconds, 0.0) * speed_ * 1e9;
      target = start + static_cast<SimTime>(std::min(ahead, static_cast<double>(kMaxSimTime)));
      target = std::min(target, untilTarget_);
    }
    // Playing (not skipping ahead) stops at a caption that asks for a pause.
    const bool watching = given == kNever && !fast_ && (untilTarget_ == kNever || untilAnimated_);
    const SimTime pausePoint = watching ? nextPausePoint(start) : kNever;
    target = std::min(target, pausePoint);
    runBudgeted(std::min(target, duration()), budgeted);
    achievedSpeed_ = wallSeconds > 0 ? toSeconds(sim_->now() - start) / wallSeconds : 0;
    animationSeconds_ = wallSeconds;
    if (state_ == RunState::Playing && sim_->now() >= duration()) {
      untilTarget_ = kNever;
      setState(RunState::Finished);
    } else if (state_ == RunState::Playing && sim_->now() >= pausePoint) {
      pause();
    } else if (untilTarget_ != kNever && sim_->now() >= untilTarget_) {
      untilTarget_ = kNever;
      sim_->trace().setCapturing(capturing());
      setState(RunState::Paused);
      emit stateChanged();
    }
  } else if (stepAnimationLeft_ > 0) {
    animationSeconds_ = std::min(wallSeconds, stepAnimationLeft_);
    stepAnimationLeft_ -= animationSeconds_;
  }
  recordsComplete_ = !uncaptured && !frameOverflowed_;
  emit frameAdvanced();
}

}  // namespace brokerlab::ui
