#include "window/TimeControls.h"

#include "canvas/Text.h"
#include "controller/SimulationController.h"
#include "scenario/DurationText.h"
#include "window/Icons.h"
#include "window/RunStatus.h"
#include "window/SpeedSlider.h"

#include "window/ShortcutAction.h"

#include <QAction>
#include <QInputDialog>
#include <QMessageBox>
#include <QToolBar>

namespace brokerlab::ui {

TimeControls::TimeControls(SimulationController& controller, QWidget* window)
    : QObject(window), controller_(controller), window_(window) {
  playPause_ = newShortcutAction(this, icons::play(), tr("&Play"),
                                 tr("Play or pause the simulation"), {Qt::Key_Space});
  step_ = newShortcutAction(this, icons::step(), tr("&Step"), tr("Run exactly one event"),
                            {Qt::Key_Right, Qt::Key_Period});
  faster_ = newShortcutAction(this, QIcon(), tr("&Faster"), tr("Speed up (1, 2, 5 steps)"),
                              {Qt::Key_Plus, Qt::Key_Equal});
  slower_ = newShortcutAction(this, QIcon(), tr("S&lower"), tr("Slow down (1, 2, 5 steps)"),
                              {Qt::Key_Minus});
  fastForward_ =
      newShortcutAction(this, icons::fastForward(), tr("Fast-&forward"),
                        tr("Run as fast as possible without per-message animation; depths, "
                           "states and counters still update"),
                        {Qt::Key_F});
  fastForward_->setCheckable(true);
  runUntil_ =
      newShortcutAction(this, icons::runUntil(), tr("Run &until…"),
                        tr("Run without animation to a simulated time, then pause"), {Qt::Key_U});
  restart_ = newShortcutAction(this, icons::restart(), tr("&Restart"),
                               tr("Back to time 0 with the same seed"), {Qt::Key_R});
  slider_ = new SpeedSlider(window);
  status_ = new RunStatus(controller_, window);

  connect(playPause_, &QAction::triggered, &controller_, &SimulationController::togglePlay);
  connect(step_, &QAction::triggered, &controller_, &SimulationController::step);
  connect(restart_, &QAction::triggered, &controller_, &SimulationController::restart);
  connect(fastForward_, &QAction::toggled, &controller_, &SimulationController::setFastForward);
  connect(runUntil_, &QAction::triggered, this, &TimeControls::askRunUntil);
  connect(slider_, &SpeedSlider::speedChanged, &controller_, &SimulationController::setSpeed);
  connect(faster_, &QAction::triggered, this,
          [this] { slider_->setSpeed(SpeedSlider::faster(slider_->speed())); });
  connect(slower_, &QAction::triggered, this,
          [this] { slider_->setSpeed(SpeedSlider::slower(slider_->speed())); });
  connect(&controller_, &SimulationController::stateChanged, this, &TimeControls::refresh);
  connect(&controller_, &SimulationController::simulationReset, this, &TimeControls::refresh);
  refresh();
}

QList<QAction*> TimeControls::actions() const {
  return {playPause_, step_, faster_, slower_, fastForward_, runUntil_, restart_};
}

void TimeControls::populate(QToolBar* toolBar) {
  toolBar->addAction(playPause_);
  toolBar->addAction(step_);
  toolBar->addAction(restart_);
  toolBar->addSeparator();
  toolBar->addWidget(slider_);
  toolBar->addAction(fastForward_);
  toolBar->addAction(runUntil_);
  toolBar->addSeparator();
  toolBar->addWidget(status_);
  status_->fitInto(toolBar);
}

void TimeControls::refresh() {
  using S = SimulationController::RunState;
  const S state = controller_.state();
  const bool playing = state == S::Playing;
  playPause_->setIcon(playing ? icons::pause() : icons::play());
  playPause_->setText(playing ? tr("&Pause") : tr("&Play"));
  const bool runnable = state == S::Paused || state == S::Playing;
  playPause_->setEnabled(state != S::Empty && state != S::Halted);
  step_->setEnabled(runnable);
  runUntil_->setEnabled(runnable);
  restart_->setEnabled(state != S::Empty);
  fastForward_->setChecked(controller_.fastForward());
}

void TimeControls::askRunUntil() {
  if (!controller_.hasSimulation()) return;
  bool ok = false;
  const QString text = QInputDialog::getText(
      window_, tr("Run until"),
      tr("Run to the simulated time (for example 90s, 2m, 1.5 for seconds), up to %1:")
          .arg(formatClock(controller_.model()->duration)),
      QLineEdit::Normal, QString(), &ok);
  if (!ok || text.trimmed().isEmpty()) return;
  const std::string t = text.trimmed().toStdString();
  DurationParse parsed = parseDurationText(t);
  if (!parsed.value) {
    const DurationParse seconds = parseDurationSeconds(t);
    if (seconds.value) parsed = seconds;
  }
  if (!parsed.value) {
    QMessageBox::warning(window_, tr("Run until"), QString::fromStdString(parsed.error));
    return;
  }
  if (*parsed.value <= controller_.simulator().now()) {
    QMessageBox::information(
        window_, tr("Run until"),
        tr("%1 is not after the current time %2; restart to run from 0.")
            .arg(formatClock(*parsed.value, controller_.model()->duration),
                 formatClock(controller_.simulator().now(), controller_.model()->duration)));
    return;
  }
  controller_.runUntil(*parsed.value);
}

}  // namespace brokerlab::ui
