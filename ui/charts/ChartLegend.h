#pragma once

// The legend under a chart, drawn by the chart's view. Qt Charts' own legend keeps to one row and
// cuts every name short ("s…") when eight series share a chart a quarter of the screen wide; this
// one wraps its entries onto as many rows as the chart can spare, elides only a name wider than a
// whole row, and says "+N more" when even the rows run out (or the chart has more series than it
// draws lines).

#include <QColor>
#include <QFont>
#include <QPointF>
#include <QRectF>
#include <QString>

#include <vector>

class QPainter;

namespace brokerlab::ui {

class ChartLegend {
 public:
  struct Entry {
    QColor colour;
    QString text;
    // A second marker after the first: one figure of two runs (a comparison's A and B).
    QColor second = {};
    bool operator==(const Entry&) const = default;
  };
  // One entry (or the "+N more" note, which has no marker) where layout() put it, relative to
  // the legend's top left corner.
  struct Placed {
    QRectF marker;        // empty for the note
    QRectF secondMarker;  // empty but for an entry with a second colour
    QPointF baseline;
    QString text;  // as drawn: elided when the whole name did not fit a row
    QColor colour;
    QColor secondColour;
    int row = 0;
  };

  void setFont(const QFont& font) { font_ = font; }
  const QFont& font() const { return font_; }
  // True when the entries changed (the caller then lays them out again). `notDrawn` series of
  // the chart's kind have no line (a chart draws only so many) and count in the "+N more" note.
  bool setEntries(std::vector<Entry> entries, int notDrawn = 0);
  const std::vector<Entry>& entries() const { return entries_; }

  // Places the entries in rows of at most `width` pixels, each row centred, at most `maxRows`
  // of them; returns the height they take (0 with no entries).
  qreal layout(qreal width, int maxRows);
  qreal rowHeight() const;
  qreal height() const { return height_; }
  const std::vector<Placed>& placed() const { return placed_; }
  int hidden() const { return hidden_; }                // entries left out for want of rows
  int notShown() const { return hidden_ + notDrawn_; }  // what the "+N more" note counts
  bool elided() const { return elided_; }               // some name is drawn shortened

  void paint(QPainter& painter, QPointF topLeft, const QColor& textColour) const;

 private:
  QFont font_;
  std::vector<Entry> entries_;
  std::vector<Placed> placed_;
  qreal height_ = 0;
  int notDrawn_ = 0;
  int hidden_ = 0;
  bool elided_ = false;
};

}  // namespace brokerlab::ui
