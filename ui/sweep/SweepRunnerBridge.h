#pragma once

// Runs a prepared sweep off the UI thread (the engine's runSweep on a thread of its own, which
// spreads the runs over the sweep's jobs) and reports back on the UI thread: progress a few times
// a second, then finished() once, after a Cancel too. The window never waits on it, except when it
// is destroyed mid-sweep: then it stops the runs and waits for them to notice (at most one budget
// of events each).

#include "sweep/SweepModel.h"

#include <QObject>
#include <QTimer>

#include <memory>
#include <thread>

namespace brokerlab::ui {

class SweepRunnerBridge : public QObject {
  Q_OBJECT

 public:
  explicit SweepRunnerBridge(QObject* parent = nullptr);
  ~SweepRunnerBridge() override;

  // Starts the runs; false while a sweep is still running.
  bool start(PreparedSweep sweep);
  // Asks the runs to stop where they are; finished() follows.
  void cancel();
  bool isRunning() const { return running_; }

  // The last sweep and its outcome (after finished()).
  const PreparedSweep& sweep() const { return *sweep_; }
  const SweepOutcome& outcome() const { return outcome_; }

 signals:
  void progress(int done, int total);
  void finished();

 private:
  void poll();
  void onThreadDone();

  std::shared_ptr<const PreparedSweep> sweep_;
  std::unique_ptr<SweepControl> control_;
  std::thread thread_;
  SweepOutcome outcome_;
  bool running_ = false;
  QTimer timer_;
};

}  // namespace brokerlab::ui
