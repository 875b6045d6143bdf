#include "window/RunStatus.h"

#include "canvas/Text.h"
#include "controller/SimulationController.h"
#include "window/SpeedSlider.h"

#include <QHBoxLayout>
#include <QLabel>

namespace brokerlab::ui {

RunStatus::RunStatus(SimulationController& controller, QWidget* parent)
    : QWidget(parent), controller_(controller) {
  auto* layout = new QHBoxLayout(this);
  layout->setContentsMargins(10, 0, 10, 0);
  layout->setSpacing(16);
  clock_ = new QLabel(this);
  QFont big = clock_->font();
  big.setPointSizeF(big.pointSizeF() * 1.5);
  big.setBold(true);
  big.setStyleHint(QFont::Monospace);
  big.setFamily(QStringLiteral("DejaVu Sans Mono"));
  clock_->setFont(big);
  clock_->setToolTip(tr("Simulated time (minutes:seconds.milliseconds) and the run's duration"));
  events_ = new QLabel(this);
  events_->setToolTip(tr("Events the simulator has run so far"));
  state_ = new QLabel(this);
  QFont bold = state_->font();
  bold.setBold(true);
  state_->setFont(bold);
  // Widths fixed for the longest text each can show: the toolbar must not jitter as figures grow.
  clock_->setMinimumWidth(
      QFontMetrics(big).horizontalAdvance(QStringLiteral("00:00:00.000 / 00:00:00.000")));
  events_->setMinimumWidth(
      QFontMetrics(events_->font()).horizontalAdvance(QStringLiteral("events 999,999,999,999")));
  state_->setMinimumWidth(QFontMetrics(bold).horizontalAdvance(
      QStringLiteral("Fast-forward at 10,000× (no animation)")));
  fullStateWidth_ = state_->minimumWidth();
  layout->addWidget(clock_);
  layout->addWidget(events_);
  layout->addWidget(state_);
  connect(&controller_, &SimulationController::frameAdvanced, this, &RunStatus::refresh);
  connect(&controller_, &SimulationController::stateChanged, this, &RunStatus::refresh);
  refresh();
}

void RunStatus::setCompact(bool on) {
  events_->setVisible(!on);
  state_->setMinimumWidth(on ? 0 : fullStateWidth_);
}

QString RunStatus::clockText() const {
  if (!controller_.hasSimulation()) return QStringLiteral("–");
  return QStringLiteral("%1 / %2").arg(formatClock(controller_.simulator().now()),
                                       formatClock(controller_.model()->duration));
}

QString RunStatus::stateText() const {
  using S = SimulationController::RunState;
  switch (controller_.state()) {
    case S::Empty:
      return tr("No scenario");
    case S::Paused:
      return tr("Paused");
    case S::Finished:
      return tr("Finished");
    case S::Halted:
      return tr("Halted: %1").arg(controller_.haltReason());
    case S::Playing:
      break;
  }
  if (controller_.runUntilTarget() != kNever && !controller_.recordsComplete())
    return tr("Running to %1 (no animation)").arg(formatClock(controller_.runUntilTarget()));
  if (controller_.fastForward())
    return tr("Fast-forward at %1 (no animation)")
        .arg(SpeedSlider::speedText(controller_.achievedSpeed()));
  if (controller_.speedLimited())
    return tr("Playing at %1 (as fast as it goes)")
        .arg(SpeedSlider::speedText(controller_.achievedSpeed()));
  if (!controller_.recordsComplete()) return tr("Playing: too busy to animate, state only");
  return tr("Playing at %1").arg(SpeedSlider::speedText(controller_.speed()));
}

void RunStatus::refresh() {
  clock_->setText(clockText());
  events_->setText(controller_.hasSimulation()
                       ? tr("events %1").arg(formatCount(controller_.simulator().eventsProcessed()))
                       : QString());
  state_->setText(stateText());
  const bool halted = controller_.state() == SimulationController::RunState::Halted;
  state_->setStyleSheet(halted ? QStringLiteral("color: #d55e00") : QString());
}

}  // namespace brokerlab::ui
