#include "sweep/SweepRunnerBridge.h"

#include <QMetaObject>

namespace brokerlab::ui {

SweepRunnerBridge::SweepRunnerBridge(QObject* parent) : QObject(parent) {
  timer_.setInterval(100);
  connect(&timer_, &QTimer::timeout, this, &SweepRunnerBridge::poll);
}

SweepRunnerBridge::~SweepRunnerBridge() {
  if (control_) control_->stop = true;
  if (thread_.joinable()) thread_.join();
}

bool SweepRunnerBridge::start(PreparedSweep sweep) {
  if (running_) return false;
  if (thread_.joinable()) thread_.join();  // the last sweep's thread, already done
  sweep_ = std::make_shared<const PreparedSweep>(std::move(sweep));
  control_ = std::make_unique<SweepControl>();
  outcome_ = {};
  running_ = true;
  SweepControl* control = control_.get();
  std::shared_ptr<const PreparedSweep> job = sweep_;
  // The outcome comes back to the UI thread as a queued call: dropped if this object is gone (the
  // destructor joined the thread before that anyway).
  thread_ = std::thread([this, control, job] {
    SweepOutcome outcome = runSweep(job->points, job->seeds, job->jobs, *control);
    QMetaObject::invokeMethod(
        this,
        [this, o = std::move(outcome)]() mutable {
          outcome_ = std::move(o);
          onThreadDone();
        },
        Qt::QueuedConnection);
  });
  timer_.start();
  emit progress(0, static_cast<int>(sweep_->runs()));
  return true;
}

void SweepRunnerBridge::cancel() {
  if (control_) control_->stop = true;
}

void SweepRunnerBridge::poll() {
  if (control_)
    emit progress(static_cast<int>(control_->done.load()), static_cast<int>(sweep_->runs()));
}

void SweepRunnerBridge::onThreadDone() {
  timer_.stop();
  if (thread_.joinable()) thread_.join();  // it has returned: this does not wait
  running_ = false;
  poll();
  emit finished();
}

}  // namespace brokerlab::ui
