#include "charts/TimeChartView.h"

#include "charts/Decimate.h"
#include "charts/TimeChart.h"

#include <QFontMetricsF>
#include <QGraphicsLayout>
#include <QGraphicsTextItem>
#include <QLegend>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace brokerlab::ui {

namespace {
constexpr int kMargin = 4;
// The rows a legend may take leave the rest of the chart this many lines of its type: the title,
// the time axis's labels and title, and a plot whose value labels still fit (Qt Charts cuts them
// to "…" below that).
constexpr double kChartLines = 9;
}  // namespace

TimeChartView::TimeChartView(const QString& title, QWidget* parent) : QChartView(parent) {
  setRenderHint(QPainter::Antialiasing);
  TimeChartAxes axes;
  setChart(newTimeChart(title, &axes));
  x_ = axes.x;
  y_ = axes.y;
  chart()->legend()->hide();
  setFontScale(1.0);
  // Lines decimated before the layout gave the chart its width (a chart is often shown first at
  // the smallest count) are asked for again when it settles at another column count: otherwise
  // what is drawn would depend on how many refreshes, throttled by the wall clock, came before.
  connect(chart(), &QChart::plotAreaChanged, this, [this](const QRectF& area) {
    fitTitle();
    if (columns_ != 0 && decimationColumns(area.width()) != columns_) emit columnsChanged();
  });
}

void TimeChartView::setFontScale(double scale) {
  legend_.setFont(scaleTimeChartFonts(chart(), {x_, y_}, font(), scale));
  titleFont_ = chart()->titleFont();
  fitTitle();
  placeLegend();
  emit legendResized();
}

void TimeChartView::setTitle(const QString& title) {
  if (chart()->title() == title) return;
  chart()->setTitle(title);
  fitTitle();
}

void TimeChartView::fitTitle() {
  QFont fitted = titleFont_;
  // Qt Charts gives the title about the plot's width (measured: it cut a 225-pixel title over a
  // 169-pixel plot in a 250-pixel chart, and wrapped a narrower one onto two lines), less the text
  // item's margins. Before the first layout, the chart's width less the value axis's figures.
  const qreal plot = chart()->plotArea().width();
  const qreal room = (plot > 0 ? plot : width() - 60) - 8;
  const qreal wide = QFontMetricsF(titleFont_).horizontalAdvance(chart()->title());
  if (wide > room && room > 0) {
    const qreal smallest = 0.75 * legend_.font().pointSizeF();
    fitted.setPointSizeF(std::max(smallest, titleFont_.pointSizeF() * room / wide));
  }
  if (chart()->titleFont() != fitted) chart()->setTitleFont(fitted);
}

int TimeChartView::takeColumns() {
  columns_ = decimationColumns(chart()->plotArea().width());
  return columns_;
}

void TimeChartView::setLegendEntries(std::vector<ChartLegend::Entry> entries,
                                     const QStringList& notDrawn, const QString& why) {
  const bool changed = notDrawn != notDrawn_ || why != notDrawnWhy_;
  notDrawn_ = notDrawn;
  notDrawnWhy_ = why;
  if (legend_.setEntries(std::move(entries), static_cast<int>(notDrawn.size())) || changed)
    placeLegend();
}

double TimeChartView::roundedTop(double high) {
  if (high <= 0) return 1;
  const double unit = std::pow(10.0, std::ceil(std::log10(high * 1.1)) - 1);
  return unit * std::ceil(high * 1.1 / unit);
}

void TimeChartView::placeLegend() {
  const double rest = kChartLines * QFontMetricsF(legend_.font()).height();
  const int rows = std::max(1, static_cast<int>((height() - rest) / legend_.rowHeight()));
  const qreal before = legend_.height();
  legend_.layout(width() - 2 * kMargin, rows);
  setLegendRoom(legendRoom_);
  // What the rows could not show whole is one hover away.
  QStringList lines;
  if (legend_.notShown() > 0 || legend_.elided())
    for (const ChartLegend::Entry& e : legend_.entries()) lines << e.text;
  if (!notDrawn_.isEmpty()) lines << notDrawnWhy_ << notDrawn_;
  setToolTip(lines.join(QLatin1Char('\n')));
  if (legend_.height() != before) emit legendResized();
}

void TimeChartView::setLegendRoom(qreal height) {
  legendRoom_ = height;
  const int room = static_cast<int>(std::ceil(std::max(legendRoom_, legend_.height())));
  if (chart()->margins().bottom() != kMargin + room)
    chart()->setMargins(QMargins(kMargin, kMargin, kMargin, kMargin + room));
  const bool cut = width() <= untitledUpTo_.width() && this->height() <= untitledUpTo_.height();
  fitTimeAxisTitle(x_, cut ? 0 : this->height(), legend_.font(), room + 2 * kMargin);
  keepAxisFiguresWhole();
}

void TimeChartView::keepAxisFiguresWhole() {
  if (x_->titleText().isEmpty()) return;
  chart()
      ->layout()
      ->activate();  // the figures as Qt Charts lays them out now, not at the next frame
  if (!axisTextCut()) return;
  untitledUpTo_ = size();
  x_->setTitleText(QString());
}

bool TimeChartView::axisTextCut() const {
  const QString dots = QStringLiteral("...");
  for (const QGraphicsItem* item : chart()->childItems()) {
    const auto* text = dynamic_cast<const QGraphicsTextItem*>(item);
    if (text && text->isVisible() && text->toPlainText().endsWith(dots)) return true;
  }
  return false;
}

qreal TimeChartView::legendTop() const {
  return chart()->geometry().bottom() - kMargin - std::max(legendRoom_, legend_.height());
}

void TimeChartView::resizeEvent(QResizeEvent* event) {
  QChartView::resizeEvent(event);
  fitTitle();
  placeLegend();
}

void TimeChartView::drawForeground(QPainter* painter, const QRectF& rect) {
  QChartView::drawForeground(painter, rect);
  legend_.paint(*painter, QPointF(chart()->geometry().left() + kMargin, legendTop()),
                x_->titleBrush().color());
}

}  // namespace brokerlab::ui
