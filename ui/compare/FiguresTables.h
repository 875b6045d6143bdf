#pragma once

// The key figures of a comparison as one table or, where the room is at least twice as wide as
// the table wants and the table would not show all its rows, as two side by side: the first half
// of the rows in the first, the rest in the second. A lecture puts the charts away, and the room
// beside a single table stayed empty while its rows scrolled. Both tables hold every figure (a
// row is the same figure in either) and show their share; their columns are as wide in both.

#include "compare/KeyFigures.h"

#include <QWidget>

#include <array>
#include <vector>

namespace brokerlab::ui {

class DifferenceTable;

class FiguresTables : public QWidget {
  Q_OBJECT

 public:
  explicit FiguresTables(QWidget* parent = nullptr);
  void setFigures(const std::vector<KeyFigure>& figures);
  // The first table holds every row when the figures are not split.
  DifferenceTable& first() const { return *tables_[0]; }
  DifferenceTable& second() const { return *tables_[1]; }
  bool split() const { return split_; }
  // One table's: what the figures want beside the charts.
  QSize sizeHint() const override;
  QSize minimumSizeHint() const override;

 signals:
  // A right click in one of the tables, at a global screen position.
  void menuRequested(DifferenceTable* table, QPoint globalPos);

 protected:
  void resizeEvent(QResizeEvent* event) override;

 private:
  void arrange();

  std::array<DifferenceTable*, 2> tables_{};
  bool split_ = false;
};

}  // namespace brokerlab::ui
