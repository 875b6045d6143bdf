#include "journey/SequenceView.h"

#include "canvas/Theme.h"

#include <QPainter>
#include <QRegularExpression>

#include <algorithm>
#include <cmath>

namespace brokerlab::ui {

namespace {
constexpr double kColumn = 190;
constexpr double kMargin = 20;
constexpr double kHeader = 52;
constexpr double kLine = 17;
QFont diagramFont(double px, bool bold = false) {
  QFont f(QStringLiteral("DejaVu Sans"));
  f.setPixelSize(static_cast<int>(px));
  f.setBold(bold);
  return f;
}
double columnX(int i) {
  return kMargin + kColumn / 2 + i * kColumn;
}
}  // namespace

SequenceView::SequenceView(QWidget* parent) : QWidget(parent) {
  setAutoFillBackground(true);
  QPalette pal = palette();
  pal.setColor(QPalette::Window, Qt::white);
  setPalette(pal);
}

void SequenceView::setDiagram(SequenceDiagram diagram) {
  diagram_ = std::move(diagram);
  setMinimumSize(sizeHint());
  resize(sizeHint());
  updateGeometry();
  update();
}

void SequenceView::setScale(double scale) {
  scale_ = scale;
  setMinimumSize(sizeHint());
  resize(sizeHint());  // smaller too: in its scroll area nothing else shrinks it
  updateGeometry();
  update();
}

QSize SequenceView::sizeHint() const {
  const QSize size = diagramSize();
  return {static_cast<int>(std::ceil(size.width() * scale_)),
          static_cast<int>(std::ceil(size.height() * scale_))};
}

double SequenceView::rowHeight(const SequenceDiagram::Row& row) const {
  using K = SequenceDiagram::Row::Kind;
  switch (row.kind) {
    case K::LoopStart:
      return 26;
    case K::LoopEnd:
      return 12;
    default:
      return 16 + kLine * std::max<qsizetype>(1, row.text.size());
  }
}

QSize SequenceView::diagramSize() const {
  double h = kMargin + kHeader + 10;
  for (const auto& row : diagram_.rows) h += rowHeight(row);
  const double w = 2 * kMargin + std::max<std::size_t>(diagram_.participants.size(), 1) * kColumn;
  return QSize(static_cast<int>(w), static_cast<int>(h + kMargin));
}

void SequenceView::paintEvent(QPaintEvent*) {
  QPainter p(this);
  p.scale(scale_, scale_);
  paint(p);
}

void SequenceView::paint(QPainter& p) const {
  p.setRenderHint(QPainter::Antialiasing);
  const QColor ink(0x1f, 0x23, 0x28);
  const QSize size = diagramSize();
  const double bottom = size.height() - kMargin;
  // Participants and their lifelines.
  for (int i = 0; i < static_cast<int>(diagram_.participants.size()); ++i) {
    const double x = columnX(i);
    const QRectF box(x - kColumn / 2 + 8, kMargin, kColumn - 16, kHeader - 8);
    p.setPen(QPen(ink, 1.5));
    p.setBrush(QColor(0xea, 0xf0, 0xf6));
    p.drawRoundedRect(box, 6, 6);
    p.setFont(diagramFont(12, true));
    p.drawText(box.adjusted(4, 2, -4, -2), Qt::AlignCenter | Qt::TextWordWrap,
               diagram_.participants[static_cast<std::size_t>(i)].label);
    p.setPen(QPen(QColor(0x8a, 0x93, 0x9e), 1, Qt::DashLine));
    p.drawLine(QPointF(x, box.bottom()), QPointF(x, bottom));
  }
  double y = kMargin + kHeader + 10;
  std::vector<double> loopTops;
  using K = SequenceDiagram::Row::Kind;
  for (const auto& row : diagram_.rows) {
    const double h = rowHeight(row);
    switch (row.kind) {
      case K::LoopStart:
        loopTops.push_back(y);
        p.setFont(diagramFont(11, true));
        p.setPen(QColor(okabeIto::kPurple).darker(130));
        p.drawText(QRectF(kMargin + 6, y + 4, 400, 18), Qt::AlignLeft,
                   QStringLiteral("loop  ") + row.text.value(0));
        break;
      case K::LoopEnd:
        if (!loopTops.empty()) {
          p.setPen(QPen(QColor(okabeIto::kPurple), 1.2));
          p.setBrush(Qt::NoBrush);
          p.drawRect(QRectF(kMargin, loopTops.back(), size.width() - 2 * kMargin,
                            y + 6 - loopTops.back()));
          loopTops.pop_back();
        }
        break;
      case K::Note: {
        // As wide as its longest line (over the lifelines beside, as Mermaid draws it): wrapped
        // into a box of one column, "[1.285 s] Processing for 3.000 s" took two lines in a box of
        // one and lost half of each.
        const double x = columnX(std::max(row.from, 0));
        p.setFont(diagramFont(11));
        double wide = kColumn - 20;
        for (const QString& line : row.text)
          wide = std::max(wide, p.fontMetrics().horizontalAdvance(line) + 12.0);
        const QRectF box(x - wide / 2, y + 6, wide, h - 10);
        p.setPen(QPen(QColor(okabeIto::kYellow).darker(160), 1));
        p.setBrush(QColor(0xfd, 0xf6, 0xc3));
        p.drawRect(box);
        p.setPen(ink);
        p.drawText(box.adjusted(4, 2, -4, -2), Qt::AlignCenter, row.text.join(QLatin1Char('\n')));
        break;
      }
      case K::Arrow: {
        const double x0 = columnX(std::max(row.from, 0));
        const double x1 = columnX(std::max(row.to, 0));
        const double ay = y + h - 8;
        // A reply whose status is 4xx or 5xx ("[1.283 s] 404 Not Found") is drawn in vermillion.
        static const QRegularExpression failing(QStringLiteral(R"(\] [45]\d\d )"));
        const bool error = failing.match(row.text.value(0)).hasMatch();
        QColor colour = row.dashed ? QColor(okabeIto::kPurple).darker(120) : ink;
        if (error && row.dashed) colour = QColor(okabeIto::kVermillion);
        p.setPen(QPen(colour, 1.6, row.dashed ? Qt::DashLine : Qt::SolidLine));
        p.drawLine(QPointF(x0, ay), QPointF(x1, ay));
        const double dir = x1 >= x0 ? 1 : -1;
        p.setBrush(colour);
        p.setPen(Qt::NoPen);
        p.drawPolygon(QPolygonF(
            {QPointF(x1, ay), QPointF(x1 - dir * 9, ay - 4.5), QPointF(x1 - dir * 9, ay + 4.5)}));
        p.setPen(colour.darker(110));
        p.setFont(diagramFont(11));
        const double left = std::min(x0, x1) + 6;
        const double width = std::max(std::abs(x1 - x0) - 12, kColumn - 12);
        // Centred over the arrow and never cut: a label longer than a one-column arrow ("[1.283 s]
        // Enqueue job 1 (correlation id 1)") was clipped to "33 s] Enqueue job 1 (correlation".
        for (int l = 0; l < static_cast<int>(row.text.size()); ++l)
          p.drawText(QRectF(left, y + 4 + l * kLine, width, kLine),
                     Qt::AlignHCenter | Qt::AlignVCenter | Qt::TextDontClip,
                     row.text[static_cast<std::size_t>(l)]);
        break;
      }
    }
    y += h;
  }
}

}  // namespace brokerlab::ui
