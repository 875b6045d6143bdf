#include "window/SpeedSlider.h"

#include "controller/SimulationController.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QSignalBlocker>
#include <QSlider>

#include <array>
#include <cmath>

namespace brokerlab::ui {

namespace {
constexpr int kStepsPerDecade = 100;
const double kMinLog = std::log10(SimulationController::kMinSpeed);
const double kMaxLog = std::log10(SimulationController::kMaxSpeed);
constexpr std::array<double, 3> kMantissas = {1, 2, 5};
}  // namespace

SpeedSlider::SpeedSlider(QWidget* parent) : QWidget(parent) {
  auto* layout = new QHBoxLayout(this);
  layout->setContentsMargins(6, 0, 6, 0);
  auto* caption = new QLabel(tr("Speed"), this);
  slider_ = new QSlider(Qt::Horizontal, this);
  slider_->setRange(0, static_cast<int>((kMaxLog - kMinLog) * kStepsPerDecade));
  slider_->setMinimumWidth(180);
  slider_->setMaximumWidth(260);
  slider_->setToolTip(
      tr("Simulated seconds per wall-clock second, 0.01× to 10,000× "
         "(+ and − step through 1, 2, 5)"));
  value_ = new QLabel(this);
  value_->setMinimumWidth(80);
  QFont bold = value_->font();
  bold.setBold(true);
  value_->setFont(bold);
  layout->addWidget(caption);
  layout->addWidget(slider_);
  layout->addWidget(value_);
  // Its own width, not the toolbar's spare room: stretched, it pulled the caption, the slider and
  // the figure apart.
  setSizePolicy(QSizePolicy::Maximum, QSizePolicy::Preferred);
  connect(slider_, &QSlider::valueChanged, this, [this](int v) {
    const double s = std::pow(10.0, kMinLog + static_cast<double>(v) / kStepsPerDecade);
    // Snap to three significant digits: the value shown is the value used.
    const double digits = std::pow(10.0, std::floor(std::log10(s)) - 2);
    speed_ = std::round(s / digits) * digits;
    value_->setText(speedText(speed_));
    emit speedChanged(speed_);
  });
  setSpeed(1);
}

void SpeedSlider::setSpeed(double speed) {
  speed = std::clamp(speed, SimulationController::kMinSpeed, SimulationController::kMaxSpeed);
  speed_ = speed;
  {
    const QSignalBlocker block(slider_);
    slider_->setValue(
        static_cast<int>(std::lround((std::log10(speed) - kMinLog) * kStepsPerDecade)));
  }
  value_->setText(speedText(speed));
  emit speedChanged(speed);
}

QString SpeedSlider::speedText(double speed) {
  if (speed >= 1000)
    return QLocale(QLocale::English).toString(std::round(speed), 'f', 0) + QStringLiteral("×");
  return QString::number(speed, 'g', 3) + QStringLiteral("×");
}

double SpeedSlider::faster(double speed) {
  for (double decade = 0.01; decade <= SimulationController::kMaxSpeed; decade *= 10)
    for (double m : kMantissas)
      if (m * decade > speed * 1.0001) return std::min(m * decade, SimulationController::kMaxSpeed);
  return SimulationController::kMaxSpeed;
}

double SpeedSlider::slower(double speed) {
  double best = SimulationController::kMinSpeed;
  for (double decade = 0.01; decade <= SimulationController::kMaxSpeed; decade *= 10)
    for (double m : kMantissas)
      if (m * decade < speed * 0.9999) best = m * decade;
  return best;
}

}  // namespace brokerlab::ui
