#include "compare/FiguresTables.h"

#include "compare/DifferenceTable.h"

#include <QHeaderView>

#include <algorithm>

namespace brokerlab::ui {

namespace {
constexpr int kGap = 12;  // between the two tables
}

FiguresTables::FiguresTables(QWidget* parent) : QWidget(parent) {
  for (DifferenceTable*& table : tables_) {
    table = new DifferenceTable(this);
    table->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(table, &QWidget::customContextMenuRequested, this, [this, table](QPoint at) {
      emit menuRequested(table, table->viewport()->mapToGlobal(at));
    });
  }
  tables_[1]->hide();
}

void FiguresTables::setFigures(const std::vector<KeyFigure>& figures) {
  for (DifferenceTable* table : tables_) table->setFigures(figures);
  arrange();
  updateGeometry();
}

QSize FiguresTables::sizeHint() const {
  return tables_[0]->sizeHint();
}

QSize FiguresTables::minimumSizeHint() const {
  return tables_[0]->minimumSizeHint();
}

void FiguresTables::resizeEvent(QResizeEvent* event) {
  QWidget::resizeEvent(event);
  arrange();
}

void FiguresTables::arrange() {
  DifferenceTable& one = *tables_[0];
  const int wanted = one.sizeHint().width();
  const int rows = one.rowCount();
  const int frame = 2 * one.frameWidth();
  const int header = one.horizontalHeader()->sizeHint().height();
  const int row = std::max(1, one.verticalHeader()->defaultSectionSize());
  const int fit = (height() - frame - header) / row;  // the rows one table shows whole
  split_ = rows > fit && width() >= 2 * wanted + kGap;
  const int half = split_ ? (rows + 1) / 2 : rows;
  for (int r = 0; r < rows; ++r) {
    tables_[0]->setRowHidden(r, r >= half);
    tables_[1]->setRowHidden(r, r < half);
  }
  tables_[0]->setGeometry(0, 0, std::min(width(), wanted), height());
  tables_[1]->setGeometry(wanted + kGap, 0, wanted, height());
  tables_[1]->setVisible(split_);
}

}  // namespace brokerlab::ui
