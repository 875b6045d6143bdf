#include "compare/DifferenceTable.h"

#include "canvas/Theme.h"

#include <QApplication>
#include <QClipboard>
#include <QHeaderView>
#include <QKeyEvent>
#include <QScrollBar>
#include <QStyleOptionViewItem>

#include <algorithm>

namespace brokerlab::ui {

DifferenceTable::DifferenceTable(QWidget* parent) : QTableWidget(0, ColumnCount, parent) {
  setHorizontalHeaderLabels({tr("Key figure"), tr("A"), tr("B"), tr("B − A"), tr("B vs A")});
  setEditTriggers(QAbstractItemView::NoEditTriggers);
  setSelectionBehavior(QAbstractItemView::SelectRows);
  setAlternatingRowColors(true);
  // A name too long for its column keeps both ends: the component and the figure ("batch-impo…
  // end-to-end p99", not "batch-import: end-to-end …" for both p50 and p99); hovering shows it.
  // (Wrapped, a cell shows its first line and "...": the same loss, so one line.)
  setTextElideMode(Qt::ElideMiddle);
  setWordWrap(false);
  verticalHeader()->hide();
  horizontalHeader()->setSectionResizeMode(QHeaderView::Fixed);  // fitColumns() sizes them
}

// The figures as wide as they need, and the names as wide as the longest needs, no wider: on a
// wide screen (a lecture, the charts put away) a stretched name column left a row's figures a
// screen's width from its name. With less room the names give way, elided in the middle.
void DifferenceTable::fitColumns() {
  QHeaderView* header = horizontalHeader();
  int figures = 0;
  for (int c = A; c < ColumnCount; ++c) {
    const int w = wantedWidth(c);
    if (header->sectionSize(c) != w) header->resizeSection(c, w);
    figures += w;
  }
  const int names = std::max(std::min(viewport()->width() - figures, wantedWidth(Figure)),
                             header->sectionSizeHint(Figure));
  if (header->sectionSize(Figure) != names) header->resizeSection(Figure, names);
}

// Over every row, shown or hidden: the two tables of a split (FiguresTables) show other rows of
// the same figures, and their columns line up.
int DifferenceTable::wantedWidth(int column) const {
  QStyleOptionViewItem option;
  initViewItemOption(&option);
  int widest = horizontalHeader()->sectionSizeHint(column);
  for (int r = 0; r < rowCount(); ++r) {
    const QModelIndex index = model()->index(r, column);
    widest = std::max(widest, itemDelegateForIndex(index)->sizeHint(option, index).width() +
                                  (showGrid() ? 1 : 0));
  }
  return widest;
}

// As wide as its columns want: beside the charts it gets less and its names give way; with the
// charts put away, it stays that wide rather than stretch a grey header across the screen.
QSize DifferenceTable::sizeHint() const {
  int width = 2 * frameWidth() + verticalScrollBar()->sizeHint().width();
  for (int c = 0; c < ColumnCount; ++c) width += wantedWidth(c);
  return {width, QTableWidget::sizeHint().height()};
}

void DifferenceTable::resizeEvent(QResizeEvent* event) {
  QTableWidget::resizeEvent(event);
  fitColumns();
}

void DifferenceTable::changeEvent(QEvent* event) {
  QTableWidget::changeEvent(event);
  if (event->type() == QEvent::FontChange) fitColumns();
}

void DifferenceTable::setFigures(const std::vector<KeyFigure>& figures) {
  figures_ = figures;
  setRowCount(static_cast<int>(figures.size()));
  const auto cell = [](const QString& text, const QVariant& value) {
    auto* item = new QTableWidgetItem(text);
    item->setData(Qt::UserRole, value);
    item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return item;
  };
  const QString none = QStringLiteral("–");
  for (int r = 0; r < static_cast<int>(figures.size()); ++r) {
    const KeyFigure& f = figures[static_cast<std::size_t>(r)];
    auto* name = new QTableWidgetItem(f.name);
    name->setToolTip(f.name);
    setItem(r, Figure, name);
    setItem(r, A, f.a ? cell(formatFigure(*f.a, f.unit), *f.a) : cell(none, {}));
    setItem(r, B, f.b ? cell(formatFigure(*f.b, f.unit), *f.b) : cell(none, {}));
    const std::optional<double> d = f.difference();
    const std::optional<double> rel = f.relative();
    QTableWidgetItem* diff = d ? cell(formatFigure(*d, f.unit, true), *d) : cell(none, {});
    QTableWidgetItem* relative = rel ? cell(formatRelative(*rel), *rel) : cell(none, {});
    if (d && *d != 0 && f.better != 0) {
      const bool improved = (*d > 0) == (f.better > 0);
      const QColor colour(improved ? okabeIto::kGreen : okabeIto::kVermillion);
      diff->setForeground(colour);
      relative->setForeground(colour);
      QFont bold = diff->font();
      bold.setBold(true);
      diff->setFont(bold);
      relative->setFont(bold);
    }
    setItem(r, Difference, diff);
    setItem(r, Relative, relative);
  }
  fitColumns();
  updateGeometry();  // another width wanted
}

int DifferenceTable::rowOf(const QString& name) const {
  for (std::size_t r = 0; r < figures_.size(); ++r)
    if (figures_[r].name == name) return static_cast<int>(r);
  return -1;
}

QVariant DifferenceTable::valueAt(int row, Column column) const {
  const QTableWidgetItem* i = item(row, column);
  return i ? i->data(Qt::UserRole) : QVariant();
}

QString DifferenceTable::copyText() const {
  QStringList lines;
  QStringList header;
  for (int c = 0; c < columnCount(); ++c) header << horizontalHeaderItem(c)->text();
  lines << header.join(QLatin1Char('\t'));
  const QModelIndexList selected = selectionModel()->selectedRows();
  std::vector<int> rows;
  for (const QModelIndex& i : selected) rows.push_back(i.row());
  std::sort(rows.begin(), rows.end());
  if (rows.empty())
    for (int r = 0; r < rowCount(); ++r) rows.push_back(r);
  for (int r : rows) {
    QStringList cells;
    for (int c = 0; c < columnCount(); ++c) cells << (item(r, c) ? item(r, c)->text() : QString());
    lines << cells.join(QLatin1Char('\t'));
  }
  return lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

void DifferenceTable::keyPressEvent(QKeyEvent* event) {
  if (event->matches(QKeySequence::Copy)) {
    QApplication::clipboard()->setText(copyText());
    return;
  }
  QTableWidget::keyPressEvent(event);
}

}  // namespace brokerlab::ui
