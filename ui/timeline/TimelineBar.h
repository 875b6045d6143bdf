#pragma once

// The run's time axis under the canvas: the part of the run explored so far, the present, every
// fault (the scenario's and those applied live), offset reset and caption as a mark where it
// happens.
// Clicking or dragging lands the run there (earlier: from a checkpoint; later: running there);
// a drag lands once per frame at the latest position, however fast the mouse moves.

#include "base/SimTime.h"

#include <QTimer>
#include <QWidget>

#include <vector>

namespace brokerlab::ui {

class SimulationController;

class TimelineBar : public QWidget {
  Q_OBJECT

 public:
  explicit TimelineBar(SimulationController& controller, QWidget* parent = nullptr);

  // A marked moment: what the bar draws, and its tooltip.
  struct Mark {
    SimTime at = 0;
    SimTime until = 0;  // the end of a fault with a duration; equal to `at` otherwise
    QString text;
    enum class Kind { Fault, LiveFault, Action, LiveAction, Annotation } kind = Kind::Fault;
  };
  std::vector<Mark> marks() const;
  // The simulated time under x (widget coordinates), and the x of a time.
  SimTime timeAt(double x) const;
  double xOf(SimTime t) const;

  QSize sizeHint() const override { return {800, 64}; }

 protected:
  void paintEvent(QPaintEvent* event) override;
  void mousePressEvent(QMouseEvent* event) override;
  void mouseMoveEvent(QMouseEvent* event) override;
  void mouseReleaseEvent(QMouseEvent* event) override;
  bool event(QEvent* event) override;

 private:
  QRectF track() const;
  void requestLanding(double x);

  SimulationController& controller_;
  QTimer landing_;  // coalesces a drag's moves into one landing per frame
  SimTime pending_ = 0;
  bool dragging_ = false;
};

}  // namespace brokerlab::ui
