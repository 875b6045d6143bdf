#include "window/RunStatus.h"

#include "canvas/Text.h"
#include "controller/SimulationController.h"
#include "window/SpeedSlider.h"

#include <QAction>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QToolBar>

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
  clock_->setToolTip(
      tr("Simulated time (minutes:seconds.milliseconds; in a run of an hour or "
         "more, hours:minutes:seconds.milliseconds) and the run's duration"));
  events_ = new QLabel(this);
  events_->setToolTip(tr("Events the simulator has run so far"));
  state_ = new QLabel(this);
  QFont bold = state_->font();
  bold.setBold(true);
  state_->setFont(bold);
  // Widths fixed for the longest text each can show: the toolbar must not jitter as figures grow.
  // The clock's is the run's own (fitClock): "0:00.000 / 0:00.000" for a run under an hour.
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
  connect(&controller_, &SimulationController::simulationReset, this, &RunStatus::fitClock);
  fitClock();
  refresh();
}

void RunStatus::fitClock() {
  QString widest = controller_.hasSimulation() ? clockText(controller_.model()->duration)
                                               : QStringLiteral("0:00.000 / 0:00.000");
  for (QChar& c : widest)
    if (c.isDigit()) c = QLatin1Char('0');
  clock_->setMinimumWidth(QFontMetrics(clock_->font()).horizontalAdvance(widest));
  fit();
}

void RunStatus::setCompact(bool on) {
  lecture_ = on;
  fit();
}

void RunStatus::fitInto(QToolBar* bar) {
  bar_ = bar;
  bar->installEventFilter(this);
  fit();
}

bool RunStatus::eventFilter(QObject* watched, QEvent* event) {
  // A resize, or items added to the toolbar after this one (the editor's button).
  if (watched == bar_ &&
      (event->type() == QEvent::Resize || event->type() == QEvent::LayoutRequest))
    fit();
  return QWidget::eventFilter(watched, event);
}

// Compact in lecture mode, and wherever the toolbar is too narrow for the whole status beside
// its other controls (1280 pixels): a toolbar that overflows hides its last items, the clock
// among them, behind its extension button.
void RunStatus::fit() {
  bool small = lecture_;
  if (!small && bar_ != nullptr) {
    const QMargins m = layout()->contentsMargins();
    const int spacing = layout()->spacing();
    const int whole = m.left() + m.right() + clock_->minimumWidth() + spacing +
                      events_->minimumWidth() + spacing + fullStateWidth_;
    // The other items' widths, from their own size hints: the toolbar's hint is the one it last
    // laid out, with this status as it was then (after it turned compact, the whole status was
    // still in it, and the status stayed compact in a toolbar wide enough for all of it).
    int others =
        bar_->layout()->contentsMargins().left() + bar_->layout()->contentsMargins().right();
    for (QAction* a : bar_->actions()) {
      const QWidget* item = a->isVisible() ? bar_->widgetForAction(a) : nullptr;
      if (item != nullptr && item != this)
        others += item->sizeHint().width() + bar_->layout()->spacing();
    }
    small = others + whole > bar_->width();
  }
  if (small == compact_) return;
  compact_ = small;
  events_->setVisible(!small);
  state_->setMinimumWidth(small ? 0 : fullStateWidth_);
  // A QLabel keeps its size hint, the old minimum width in it, until its text changes.
  state_->clear();
  refresh();
  // The toolbar lays its items out again for the new width: without it, the items it had put
  // behind its extension button ("»") as the window narrowed stayed there.
  if (bar_ != nullptr) bar_->layout()->invalidate();
}

QString RunStatus::clockText() const {
  if (!controller_.hasSimulation()) return QStringLiteral("–");
  return clockText(controller_.simulator().now());
}

QString RunStatus::clockText(SimTime now) const {
  const SimTime duration = controller_.model()->duration;
  return QStringLiteral("%1 / %2").arg(formatClock(now, duration), formatClock(duration));
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
    return tr("Running to %1 (no animation)")
        .arg(formatClock(controller_.runUntilTarget(), controller_.model()->duration));
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
