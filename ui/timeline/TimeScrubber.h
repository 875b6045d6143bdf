#pragma once

// A time axis one can land on: the part explored so far, the present, and the marked moments
// (faults, offset resets, captions), drawn over the run's duration. Clicking or dragging lands
// there; a drag lands once per frame at the latest position, however fast the mouse moves.
// What the axis shows and what landing does belong to a subclass: one run (TimelineBar under the
// canvas) or two on one clock (CompareTimeline in a comparison).

#include "base/SimTime.h"

#include <QString>
#include <QTimer>
#include <QWidget>

#include <vector>

namespace brokerlab::ui {

class TimeScrubber : public QWidget {
  Q_OBJECT

 public:
  // A marked moment: what the bar draws, and its tooltip.
  struct Mark {
    SimTime at = 0;
    SimTime until = 0;  // the end of a fault with a duration; equal to `at` otherwise
    QString text;
    enum class Kind { Fault, LiveFault, Action, LiveAction, Annotation } kind = Kind::Fault;
    bool operator==(const Mark&) const = default;
  };
  virtual std::vector<Mark> marks() const = 0;

  // The simulated time under x (widget coordinates), and the x of a time.
  SimTime timeAt(double x) const;
  double xOf(SimTime t) const;

  // Lecture mode draws the axis larger (Theme::scale): its labels, marks, handle and height.
  void setScale(double scale);
  double scale() const { return scale_; }

  QSize sizeHint() const override;

 protected:
  explicit TimeScrubber(QWidget* parent = nullptr);

  virtual bool hasRun() const = 0;
  virtual SimTime duration() const = 0;
  virtual SimTime explored() const = 0;  // landing up to here is re-simulation from a checkpoint
  virtual SimTime present() const = 0;
  virtual void beginLanding() = 0;  // a press: stop playing
  virtual void land(SimTime t) = 0;

  void paintEvent(QPaintEvent* event) override;
  void mousePressEvent(QMouseEvent* event) override;
  void mouseMoveEvent(QMouseEvent* event) override;
  void mouseReleaseEvent(QMouseEvent* event) override;
  bool event(QEvent* event) override;

 private:
  QRectF track() const;
  void requestLanding(double x);

  QTimer landing_;  // coalesces a drag's moves into one landing per frame
  SimTime pending_ = 0;
  bool dragging_ = false;
  double scale_ = 1.0;
};

}  // namespace brokerlab::ui
