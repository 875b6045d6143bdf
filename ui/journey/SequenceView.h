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

  QSize sizeHint() const override { return diagramSize(); }

 protected:
  void paintEvent(QPaintEvent* event) override;

 private:
  double rowHeight(const SequenceDiagram::Row& row) const;
  SequenceDiagram diagram_;
};

}  // namespace brokerlab::ui
