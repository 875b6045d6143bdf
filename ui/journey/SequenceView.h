#pragma once

// Draws a sequence diagram like the pattern's textbook picture: a column per participant with its
// lifeline, one row per step (arrows for requests, dashed for replies, notes, loop boxes), the
// simulated time at the start of each label. paint() also serves the SVG export.

#include "journey/SequenceDiagram.h"

#include <QWidget>

namespace brokerlab::ui {

class SequenceView : public QWidget {
  Q_OBJECT

 public:
  explicit SequenceView(QWidget* parent = nullptr);
  void setDiagram(SequenceDiagram diagram);
  const SequenceDiagram& diagram() const { return diagram_; }
  // The whole diagram's size at scale 1, and drawing it into any painter (screen, SVG).
  QSize diagramSize() const;
  void paint(QPainter& p) const;

  // Drawn larger on screen (lecture mode: the projector's scale); the SVG export stays at 1.
  void setScale(double scale);
  double scale() const { return scale_; }

  QSize sizeHint() const override;

 protected:
  void paintEvent(QPaintEvent* event) override;

 private:
  double rowHeight(const SequenceDiagram::Row& row) const;
  SequenceDiagram diagram_;
  double scale_ = 1.0;
};

}  // namespace brokerlab::ui
