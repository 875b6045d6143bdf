#pragma once

// The scenario's captions (its `annotations`) over the canvas: the latest one the run has reached,
// in large type at the bottom of the view (at its right on a wide, short canvas), for as long as it
// takes to read it (or until the next one). A caption that paused the run stays while the run waits
// on it and says how to go on. Landing on the timeline shows the caption of that moment again. A
// click hides it.

#include "base/SimTime.h"

#include <QWidget>

#include <vector>

class QAction;

namespace brokerlab::ui {

class SimulationController;
class TopologyView;

class CaptionOverlay : public QWidget {
  Q_OBJECT

 public:
  CaptionOverlay(SimulationController& controller, TopologyView& view);

  // The caption on screen: its index in the scenario's annotations, -1 for none.
  int shownIndex() const { return isVisible() ? shown_ : -1; }
  QString shownText() const;
  // The scale of the captions' type: the theme's, or less where a short canvas has no room.
  double typeScale() const { return type_; }
  // Wall seconds a caption of `characters` stays while the run plays: time to read it twice.
  static double readingSeconds(qsizetype characters);
  // View > Show Captions, checked: the captions show and pause the run where they ask to.
  // Unchecked: none shows, none pauses, and the band kept for them goes to the topology (a
  // lecturer who tells the story in their own words gets the whole canvas).
  QAction* showAction() const { return showAction_; }
  // What a caption that paused the run adds while the run waits on it.
  static QString pausedHere();

 protected:
  void paintEvent(QPaintEvent* event) override;
  void mousePressEvent(QMouseEvent* event) override;
  bool eventFilter(QObject* watched, QEvent* event) override;

 private:
  void onReset();
  void setShown(bool on);
  void refresh(bool newFrame);
  int reachedAt(SimTime now) const;  // the latest caption at or before `now`, -1 for none
  void place();
  // The widest a caption's box is under the topology; and beside it, worked out for the canvas's
  // present size (0: no column there holds every caption).
  double widthBelow() const;
  double columnBeside() const;
  // The box of a caption that reads `text`, at most `width` wide, in the type's scale.
  QSizeF boxFor(const QString& text, double width) const;
  // The height of the tallest of the scenario's captions at most `width` wide (0: none shows).
  double tallestAt(double width) const;
  // Keeps room for the tallest of the scenario's captions, under the topology and, where it fits,
  // beside it (the view takes the one that draws the topology larger): the same room all along,
  // so the topology does not jump when a caption comes or goes.
  void reserveBand();
  bool waitingOnIt() const;
  QString displayText() const;  // the caption, and how to go on when the run waits on it

  SimulationController& controller_;
  TopologyView& view_;
  std::vector<int> byTime_;  // indices into the annotations, in time order (stable)
  int shown_ = -1;
  bool dismissed_ = false;
  double readFor_ = 0;  // wall seconds it has been on screen while the run played
  double scale_ = 1;
  double type_ = 1;    // the captions' type: the theme's scale, or less on a short canvas
  double beside_ = 0;  // the width of the column at the right that holds every caption, or 0
  QAction* showAction_;
};

}  // namespace brokerlab::ui
