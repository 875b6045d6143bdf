#include "compare/CompareControls.h"

#include "canvas/Text.h"
#include "compare/CompareClock.h"
#include "window/Icons.h"
#include "window/SpeedSlider.h"

#include "window/ShortcutAction.h"

#include <QAction>
#include <QFontDatabase>
#include <QLabel>
#include <QLineEdit>
#include <QRegularExpressionValidator>
#include <QToolBar>

namespace brokerlab::ui {

CompareControls::CompareControls(CompareClock& clock, QWidget* window)
    : QObject(window), clock_(clock) {
  playPause_ = newShortcutAction(window, icons::play(), tr("&Play"), tr("Play or pause both runs"),
                                 {Qt::Key_Space});
  step_ = newShortcutAction(window, icons::step(), tr("&Step"),
                            tr("Both runs to the next instant at which either has an event"),
                            {Qt::Key_Right, Qt::Key_Period});
  restart_ = newShortcutAction(window, icons::restart(), tr("&Restart"),
                               tr("Both runs back to time 0 with the same seed"), {Qt::Key_R});
  faster_ = newShortcutAction(window, QIcon(), tr("&Faster"), tr("Speed up (1, 2, 5 steps)"),
                              {Qt::Key_Plus, Qt::Key_Equal});
  slower_ = newShortcutAction(window, QIcon(), tr("S&lower"), tr("Slow down (1, 2, 5 steps)"),
                              {Qt::Key_Minus});
  previousMark_ =
      newShortcutAction(window, QIcon(), tr("&Previous Mark"),
                        tr("Land both runs at the previous caption or fault"), {Qt::Key_PageUp});
  nextMark_ =
      newShortcutAction(window, QIcon(), tr("&Next Mark"),
                        tr("Land both runs at the next caption or fault"), {Qt::Key_PageDown});
  window->addActions({playPause_, step_, restart_, faster_, slower_, previousMark_, nextMark_});
  slider_ = new SpeedSlider(window);
  clockLabel_ = new QLabel(window);
  fitClockFont(window->font());
  clockLabel_->setToolTip(tr("The one simulated clock both runs stand at"));
  state_ = new QLabel(window);
  seed_ = new QLineEdit(window);
  seed_->setValidator(
      new QRegularExpressionValidator(QRegularExpression(QStringLiteral("[0-9]{1,19}")), seed_));
  seed_->setMaximumWidth(120);
  seed_->setToolTip(
      tr("The seed both runs use (common random numbers): press Enter to run both "
         "again from 0 with it"));

  connect(playPause_, &QAction::triggered, &clock_, &CompareClock::togglePlay);
  connect(step_, &QAction::triggered, &clock_, &CompareClock::step);
  connect(restart_, &QAction::triggered, &clock_, &CompareClock::restart);
  connect(slider_, &SpeedSlider::speedChanged, &clock_, &CompareClock::setSpeed);
  connect(faster_, &QAction::triggered, this,
          [this] { slider_->setSpeed(SpeedSlider::faster(slider_->speed())); });
  connect(slower_, &QAction::triggered, this,
          [this] { slider_->setSpeed(SpeedSlider::slower(slider_->speed())); });
  connect(seed_, &QLineEdit::returnPressed, this, [this] {
    bool ok = false;
    const std::uint64_t seed = seed_->text().toULongLong(&ok);
    if (ok) emit seedChosen(seed);
  });
  connect(&clock_, &CompareClock::stateChanged, this, &CompareControls::refresh);
  connect(&clock_, &CompareClock::frameAdvanced, this, &CompareControls::refreshClock);
  refresh();
}

void CompareControls::populate(QToolBar* bar) {
  bar->addAction(playPause_);
  bar->addAction(step_);
  bar->addAction(restart_);
  bar->addSeparator();
  bar->addWidget(slider_);
  bar->addSeparator();
  bar->addWidget(clockLabel_);
  bar->addWidget(state_);
  bar->addSeparator();
  bar->addWidget(new QLabel(tr(" Seed (both): "), bar));
  bar->addWidget(seed_);
}

void CompareControls::fitClockFont(const QFont& windowFont) {
  QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
  mono.setPointSizeF(windowFont.pointSizeF() * 1.2);
  mono.setBold(true);
  clockLabel_->setFont(mono);
}

void CompareControls::setSeed(std::uint64_t seed) {
  seed_->setText(QString::number(seed));
}

QString CompareControls::clockText() const {
  return clockLabel_->text();
}

void CompareControls::refreshClock() {
  const QString text = formatClock(clock_.now(), clock_.end());
  if (clockLabel_->text() != text) clockLabel_->setText(text);
}

void CompareControls::refresh() {
  const bool playing = clock_.playing();
  playPause_->setIcon(playing ? icons::pause() : icons::play());
  playPause_->setText(playing ? tr("&Pause") : tr("&Play"));
  step_->setEnabled(!clock_.finished());
  const QString halted = clock_.haltReason();
  state_->setText(!halted.isEmpty()   ? tr("  halted — %1").arg(halted)
                  : playing           ? tr("  playing")
                  : clock_.finished() ? tr("  finished")
                                      : tr("  paused"));
  refreshClock();
}

}  // namespace brokerlab::ui
