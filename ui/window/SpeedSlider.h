#pragma once

// Simulated seconds per wall second, from 0.01x to 10,000x on a logarithmic slider, with the value
// shown beside it. Faster and slower step through 1-2-5 values.

#include <QWidget>

class QLabel;
class QSlider;

namespace brokerlab::ui {

class SpeedSlider : public QWidget {
  Q_OBJECT

 public:
  explicit SpeedSlider(QWidget* parent = nullptr);
  double speed() const { return speed_; }
  static QString speedText(double speed);  // "1×", "0.05×", "10,000×"
  // The next 1-2-5 value above / below `speed`, within the slider's range.
  static double faster(double speed);
  static double slower(double speed);

 public slots:
  void setSpeed(double speed);

 signals:
  void speedChanged(double speed);

 private:
  QSlider* slider_;
  QLabel* value_;
  double speed_ = 1;
};

}  // namespace brokerlab::ui
