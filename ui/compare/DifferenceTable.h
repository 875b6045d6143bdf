#pragma once

// The key figures of the two runs as a table: figure, A, B, B − A and the relative difference.
// A difference is green when it is an improvement and vermillion when it is worse (where the
// figure has a better direction). Each number cell keeps its exact value under Qt::UserRole (tests
// read it); an absent value is an empty QVariant.

#include "compare/KeyFigures.h"

#include <QTableWidget>

namespace brokerlab::ui {

class DifferenceTable : public QTableWidget {
  Q_OBJECT

 public:
  enum Column { Figure, A, B, Difference, Relative, ColumnCount };

  explicit DifferenceTable(QWidget* parent = nullptr);
  void setFigures(const std::vector<KeyFigure>& figures);
  const std::vector<KeyFigure>& figures() const { return figures_; }
  // The row of a figure by its name, or -1.
  int rowOf(const QString& name) const;
  // A number cell's exact value (empty when absent).
  QVariant valueAt(int row, Column column) const;
  // The header and the selected rows (every row when none is selected) as shown, a tab between
  // cells: what Ctrl+C puts on the clipboard, to paste into a spreadsheet or a document.
  QString copyText() const;

  QSize sizeHint() const override;

 protected:
  void keyPressEvent(QKeyEvent* event) override;
  void resizeEvent(QResizeEvent* event) override;
  void changeEvent(QEvent* event) override;

 private:
  void fitColumns();
  int wantedWidth(int column) const;  // its widest cell's, or its header's

  std::vector<KeyFigure> figures_;
};

}  // namespace brokerlab::ui
