#pragma once

// The one set of time controls of a comparison: play / pause, step, restart, the speed slider,
// the shared clock, + and − for the speed, Page Up / Page Down between marks, and the seed both
// runs use (a new seed runs both again from 0). Each forwards to the comparison clock (or asks the
// window to run again); none decides anything itself.

#include <QObject>

#include <cstdint>

class QAction;
class QFont;
class QLabel;
class QLineEdit;
class QToolBar;
class QWidget;

namespace brokerlab::ui {

class CompareClock;
class SpeedSlider;

class CompareControls : public QObject {
  Q_OBJECT

 public:
  CompareControls(CompareClock& clock, QWidget* window);

  QAction* playPause() const { return playPause_; }
  QAction* step() const { return step_; }
  QAction* restart() const { return restart_; }
  QAction* faster() const { return faster_; }
  QAction* slower() const { return slower_; }
  // Page Up / Page Down: the window lands both runs at the marks of its time axis.
  QAction* previousMark() const { return previousMark_; }
  QAction* nextMark() const { return nextMark_; }
  SpeedSlider* speedSlider() const { return slider_; }
  QString clockText() const;
  void populate(QToolBar* toolBar);
  void setSeed(std::uint64_t seed);
  // The clock a size above the window's type (which lecture mode changes).
  void fitClockFont(const QFont& windowFont);

 signals:
  void seedChosen(std::uint64_t seed);

 private:
  void refresh();
  void refreshClock();

  CompareClock& clock_;
  QAction* playPause_;
  QAction* step_;
  QAction* restart_;
  QAction* faster_;
  QAction* slower_;
  QAction* previousMark_;
  QAction* nextMark_;
  SpeedSlider* slider_;
  QLabel* clockLabel_;
  QLabel* state_;
  QLineEdit* seed_;
};

}  // namespace brokerlab::ui
