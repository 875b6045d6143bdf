#pragma once

// Advances the simulator frame by frame for the window: each timer tick runs the events up to
// "now + wall time x speed" within a wall-time budget (Simulator::runUntil with an event budget),
// pulls the captured trace records in one batch, and tells the views once. It never runs an
// event loop inside the simulation and never emits a signal per event; views pull what they need.
//
//   load ──> Paused ──play──> Playing ──(end of run)──> Finished
//              ^   <──pause──    │
//              └──── restart ────┘          any state ──(invariant or run limit)──> Halted
//
// Playing stops at each caption with "pause": true (annotations), as a lecturer would; fast-forward
// and run-until pass them. Step runs exactly one event. Fast-forward and run-until run as fast as
// the frame budget allows without capturing records (no per-message animation), but every frame
// still shows the true depths, states and counters. The run keeps a timeline (RunTimeline):
// checkpoints, and the faults and resets applied live, so it can be landed at any earlier moment
// (seek) and played forward again into the same future.

#include "base/SimTime.h"
#include "controller/RunTimeline.h"
#include "model/Model.h"
#include "scenario/Scenario.h"
#include "sim/Simulator.h"
#include "sim/Trace.h"

#include <QElapsedTimer>
#include <QObject>
#include <QString>
#include <QTimer>

#include <memory>
#include <optional>
#include <vector>

namespace brokerlab::ui {

class SimulationController : public QObject {
  Q_OBJECT

 public:
  enum class RunState { Empty, Paused, Playing, Finished, Halted };
  static constexpr double kMinSpeed = 0.01;
  static constexpr double kMaxSpeed = 10000;
  static constexpr double kFrameHz = 60;
  static constexpr double kSimulationBudgetMs = 8;  // of each frame, for running events
  // More records than this in one frame cannot be animated within the frame: the frame then
  // shows state only, as fast-forward does (and says so).
  static constexpr std::size_t kMaxRecordsPerFrame = 60000;

  explicit SimulationController(QObject* parent = nullptr);

  // A fresh simulator for the scenario (Paused at time 0); an error (and nothing changed) when
  // its model cannot be built.
  QString load(const Scenario& scenario, std::optional<std::uint64_t> seed = {});
  bool hasSimulation() const { return sim_.has_value(); }
  const Simulator& simulator() const { return *sim_; }
  std::shared_ptr<const Model> model() const { return model_; }
  // The scenario the running model was built from (views read its layout and bindings).
  const Scenario& scenario() const { return scenario_; }
  const RunTimeline& timeline() const { return timeline_; }
  // The furthest simulated time this run has reached (the scrubber can land anywhere before).
  SimTime explored() const { return explored_; }

  // Applies a fault (or an offset reset) now; on success `applied` holds it with the instant it
  // took effect (for the scenario's fault timeline). The error says why it cannot apply.
  QString applyFault(const FaultSpec& spec, FaultSpec* applied);
  QString applyAction(const ActionSpec& spec, ActionSpec* applied);
  // The live changes as the document now has them (after an undo or redo): when one at or before
  // the current time went or came, the run is landed again at the current time without or with
  // it.
  void setLiveChanges(std::vector<LiveChange> changes);
  // The canvas places of the components changed, nothing else: the run goes on as it is.
  void setLayout(const std::map<std::string, LayoutPoint>& layout);
  // Every record so far of a message (or a job: its correlation id), re-simulated from the latest
  // checkpoint before `from` (its publish or submit time, when known; else 0).
  std::vector<TraceRecord> recordsOf(std::uint64_t serial, SimTime from = 0);

  RunState state() const { return state_; }
  double speed() const { return speed_; }
  bool fastForward() const { return fast_; }
  SimTime runUntilTarget() const { return untilTarget_; }
  // Simulated seconds per wall second over the last playing frame.
  double achievedSpeed() const { return achievedSpeed_; }
  // The last frame's budget ran out before its target time: the run is as fast as it can go.
  bool speedLimited() const { return limited_; }
  const QString& haltReason() const { return haltReason_; }
  // The simulated times where playing pauses by itself (the captions that ask for it), in order.
  const std::vector<SimTime>& pausePoints() const { return pausePoints_; }
  // Whether playing pauses at them (View > Show Captions: no captions, no pauses for them).
  void setCaptionPauses(bool on) { captionPauses_ = on; }
  bool captionPauses() const { return captionPauses_; }

  // The records captured during the last frame (or step), in order.
  const std::vector<TraceRecord>& frameRecords() const { return records_; }
  // False when the last frame ran events without capturing them all (fast-forward, run-until,
  // or too many to animate): views must not trust motion built from earlier records.
  bool recordsComplete() const { return recordsComplete_; }
  // How far the animation clock moves this frame: the frame's wall time while playing, a short
  // stretch after a step, nothing while paused.
  double animationSeconds() const { return animationSeconds_; }

 public slots:
  void play();
  void pause();
  void togglePlay();
  void step();
  void restart();
  void setSpeed(double simSecondsPerWallSecond);
  void setFastForward(bool on);
  // Runs to `time` and pauses there: as fast as possible without animation, or (`animate`) at the
  // current speed with every record captured, as play does.
  void runUntil(SimTime time, bool animate = false);
  // Lands the run at simulated time `t` (earlier: from a checkpoint; later: running there), paused.
  // Views are told as after a restart (their motion is of another moment) and then get a frame.
  void seek(SimTime t);
  // One frame of `wallSeconds`: the timer calls this; tests and benchmarks call it directly.
  // `budgeted`: the frame's events stop at kSimulationBudgetMs of wall-clock time, as a window
  // must to stay responsive; unbudgeted, a frame runs all it is due, and what it shows no longer
  // depends on how fast the machine is (a screenshot).
  void advanceFrame(double wallSeconds, bool budgeted = true);
  void setTicking(bool on);

 public:
  // For a comparison of two runs on one clock (ui/compare): brings the clock to exactly `target`
  // (not past the end), capturing the records as play does. While Playing it is a playing frame
  // of `wallSeconds`; while Paused, a step to `target` (its short animation follows). With
  // `budgeted` it stops sooner when the frame's wall-time budget runs out (the clock then stands
  // before `target`); without, it always gets there (unless the run halts). Captions do not
  // pause it: the caller keeps the clock.
  void advanceTo(SimTime target, double wallSeconds, bool budgeted);

 signals:
  void simulationReset();  // a new or restarted run: views rebuild or clear what they hold
  void frameAdvanced();    // after every frame and step: views pull records and state once
  void stateChanged();     // run state, speed, fast-forward, run-until target
  void timelineChanged();  // a live change was applied or removed (markers on the timeline)
  void layoutChanged();    // components moved on the canvas (setLayout)

 private:
  void tick();
  // One playing (or paused) frame; `given` is the target time (kNever: from the speed).
  void frame(double wallSeconds, SimTime given, bool budgeted);
  void runBudgeted(SimTime target, bool budgeted = true);
  void pullRecords();
  void setState(RunState state);
  void halt(const std::string& why);
  void noteProgress();  // after the simulator advanced: explored time, a checkpoint
  void startNow();      // runs the instant a live change was given
  void land(SimTime t);
  bool capturing() const;
  SimTime duration() const { return model_->duration; }
  SimTime nextPausePoint(SimTime after) const;  // kNever when there is none

  Scenario scenario_;
  std::shared_ptr<const Model> model_;
  std::optional<Simulator> sim_;
  RunTimeline timeline_;  // checkpoints (the first is time 0: a restart) and live changes
  SimTime explored_ = 0;
  RunState state_ = RunState::Empty;
  double speed_ = 1;
  bool fast_ = false;
  SimTime untilTarget_ = kNever;
  bool untilAnimated_ = false;
  double achievedSpeed_ = 0;
  bool limited_ = false;
  QString haltReason_;
  std::vector<SimTime> pausePoints_;
  bool captionPauses_ = true;
  std::vector<TraceRecord> records_;
  bool recordsComplete_ = true;
  bool frameOverflowed_ = false;
  double animationSeconds_ = 0;
  double stepAnimationLeft_ = 0;
  std::uint64_t eventsPerChunk_ = 4096;
  QTimer timer_;
  QElapsedTimer wallClock_;
};

}  // namespace brokerlab::ui
