#include "charts/ChartLegend.h"

#include <QCoreApplication>
#include <QFontMetricsF>
#include <QPainter>

#include <algorithm>
#include <cmath>

namespace brokerlab::ui {

namespace {

struct Item {
  QString text;
  QColor colour;
  qreal width;
  bool marker;
  QColor second;
};

}  // namespace

bool ChartLegend::setEntries(std::vector<Entry> entries, int notDrawn) {
  if (entries == entries_ && notDrawn == notDrawn_) return false;
  entries_ = std::move(entries);
  notDrawn_ = notDrawn;
  return true;
}

qreal ChartLegend::rowHeight() const {
  return std::ceil(QFontMetricsF(font_).height() * 1.2);
}

qreal ChartLegend::layout(qreal width, int maxRows) {
  placed_.clear();
  hidden_ = 0;
  height_ = 0;
  elided_ = false;
  if ((entries_.empty() && notDrawn_ == 0) || width <= 0) return 0;
  maxRows = std::max(1, maxRows);
  const QFontMetricsF fm(font_);
  const qreal box = std::round(fm.ascent() * 0.75);
  const qreal gap = std::round(fm.averageCharWidth() * 0.6);      // a marker and its name
  const qreal spacing = std::round(fm.averageCharWidth() * 2.5);  // one entry and the next
  const auto rowWidth = [&](const std::vector<Item>& row) {
    qreal w = 0;
    for (std::size_t k = 0; k < row.size(); ++k) w += (k ? spacing : 0) + row[k].width;
    return w;
  };

  // Greedy rows, in the series' order.
  std::vector<std::vector<Item>> rows(1);
  std::size_t next = 0;
  const qreal pairGap = std::max<qreal>(2, std::round(box / 4));  // a pair's two markers
  for (; next < entries_.size(); ++next) {
    const Entry& e = entries_[next];
    const qreal markers = e.second.isValid() ? 2 * box + pairGap : box;
    QString text = e.text;
    if (markers + gap + fm.horizontalAdvance(text) > width) {
      // Both ends say something (the component, the figure): the middle goes.
      text = fm.elidedText(text, Qt::ElideMiddle, width - markers - gap);
      elided_ = true;
    }
    const Item item{text, e.colour, markers + gap + fm.horizontalAdvance(text), true, e.second};
    if (!rows.back().empty() && rowWidth(rows.back()) + spacing + item.width > width) {
      if (static_cast<int>(rows.size()) == maxRows) break;
      rows.emplace_back();
    }
    rows.back().push_back(item);
  }
  hidden_ = static_cast<int>(entries_.size() - next);
  if (notShown() > 0) {
    // The last row ends with "+N more", in place of as many of its entries as the note needs.
    std::vector<Item>& last = rows.back();
    for (;;) {
      const QString note = QCoreApplication::translate("ChartLegend", "+%1 more").arg(notShown());
      const qreal noteWidth = fm.horizontalAdvance(note);
      if (last.empty() || rowWidth(last) + spacing + noteWidth <= width) {
        last.push_back(Item{note, QColor(), noteWidth, false, QColor()});
        break;
      }
      last.pop_back();
      ++hidden_;
    }
  }

  const qreal rowH = rowHeight();
  for (std::size_t r = 0; r < rows.size(); ++r) {
    qreal x = std::max<qreal>(0, std::round((width - rowWidth(rows[r])) / 2));
    const qreal baseline =
        std::round(static_cast<qreal>(r) * rowH + (rowH - fm.height()) / 2 + fm.ascent());
    for (const Item& item : rows[r]) {
      Placed p;
      p.row = static_cast<int>(r);
      p.colour = item.colour;
      p.text = item.text;
      if (item.marker) {
        p.marker = QRectF(x, baseline - box, box, box);
        x += box;
        if (item.second.isValid()) {
          p.secondMarker = QRectF(x + pairGap, baseline - box, box, box);
          p.secondColour = item.second;
          x += pairGap + box;
        }
        x += gap;
      }
      p.baseline = QPointF(x, baseline);
      x += fm.horizontalAdvance(item.text) + spacing;
      placed_.push_back(p);
    }
  }
  height_ = static_cast<qreal>(rows.size()) * rowH;
  return height_;
}

void ChartLegend::paint(QPainter& painter, QPointF topLeft, const QColor& textColour) const {
  painter.save();
  painter.setFont(font_);
  painter.setPen(textColour);
  for (const Placed& p : placed_) {
    if (!p.marker.isEmpty()) painter.fillRect(p.marker.translated(topLeft), p.colour);
    if (!p.secondMarker.isEmpty())
      painter.fillRect(p.secondMarker.translated(topLeft), p.secondColour);
    painter.drawText(p.baseline + topLeft, p.text);
  }
  painter.restore();
}

}  // namespace brokerlab::ui
