#include "charts/TimeChartView.h"

#include "charts/Decimate.h"
#include "charts/TimeChart.h"
#include "charts/TrailingMean.h"

#include "base/TimeSeries.h"

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
// And whatever the type, a legend takes at most this share of its chart's height: with one name to
// a row (a chart 300 pixels wide), fifteen series took eight rows and left the plot 50 pixels.
constexpr double kLegendShare = 0.3;

// The smallest round step (1, 1.5, 2, 2.5, 3, 4, 5, 6 or 8 times a power of ten) that is at least
// `atLeast` (> 0): the more of them, the closer the axis's top to the highest line.
double roundStep(double atLeast) {
  const double power = std::pow(10.0, std::floor(std::log10(atLeast)));
  for (const double m : {1.0, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0, 6.0, 8.0})
    if (m * power >= atLeast * (1 - 1e-9)) return m * power;
  return 10 * power;
}
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
  if (minimumLines_ > 0) setMinimumLines(minimumWidth_, minimumLines_);  // in the new type
  fitTitle();
  placeLegend();
  emit legendResized();
}

void TimeChartView::setMinimumLines(int width, double lines) {
  minimumWidth_ = width;
  minimumLines_ = lines;
  setMinimumSize(width,
                 static_cast<int>(std::ceil(lines * QFontMetricsF(legend_.font()).height())));
}

void TimeChartView::setTitle(const QString& title) {
  if (chart()->title() == title) return;
  chart()->setTitle(title);
  fitTitle();
}

void TimeChartView::fitTitle() {
  qreal size = titleFont_.pointSizeF();
  // Qt Charts gives the title about the plot's width (measured: it cut a 225-pixel title over a
  // 169-pixel plot in a 250-pixel chart, and wrapped a narrower one onto two lines), less the text
  // item's margins. Before the first layout, the chart's width less the value axis's figures.
  const qreal plot = chart()->plotArea().width();
  const qreal room = (plot > 0 ? plot : width() - 60) - 8;
  const qreal wide = QFontMetricsF(titleFont_).horizontalAdvance(chart()->title());
  if (wide > room && room > 0) {
    const qreal smallest = 0.75 * legend_.font().pointSizeF();
    size = std::max(smallest, size * room / wide);
  }
  QFont fitted = titleFont_;
  fitted.setPointSizeF(titleCap_ > 0 ? std::min(size, titleCap_) : size);
  if (chart()->titleFont() != fitted) {
    chart()->setTitleFont(fitted);
    // Qt Charts wraps the title to the width it measured in its last layout; laid out again now,
    // not at the next frame, a title made smaller by another chart (SharedTitleSize) keeps to one
    // line.
    chart()->layout()->activate();
  }
  if (size != ownTitleSize_) {
    ownTitleSize_ = size;
    emit ownTitleSizeChanged();
  }
}

void TimeChartView::setTitleCap(qreal pointSize) {
  if (titleCap_ == pointSize) return;
  titleCap_ = pointSize;
  fitTitle();
}

QString TimeChartView::meanWords(SimTime window) {
  const QString span = window % kSecond == 0
                           ? tr("%1 s").arg(window / kSecond)
                           : tr("%1 ms").arg(static_cast<double>(window) / kMillisecond);
  return tr("%1 mean").arg(span);
}

QList<QPointF> TimeChartView::linePoints(const TimeSeries& t, int columns, bool averaged,
                                         double divisor, SimTime* meanOver) const {
  const double step = toSeconds(t.step()) / timeUnit_;
  const SimTime width = averaged && t.step() > 0 ? (averaging_ + t.step() / 2) / t.step() : 1;
  QList<QPointF> points;
  if (width < 2) {
    points = decimateMinMax(t.points(), step, step, columns, t.mins(), t.maxs());
  } else {
    if (meanOver) *meanOver = averaging_;
    points = decimateMinMax(trailingMean(t.points(), static_cast<int>(width)), step, step, columns);
  }
  if (divisor != 1)
    for (QPointF& p : points) p.setY(p.y() / divisor);
  return points;
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

void TimeChartView::setTimeSpan(double untilS) {
  const double unit = timeAxisUnit(untilS);
  if (unit == timeUnit_) return;
  timeUnit_ = unit;
  setLegendRoom(legendRoom_);  // the time axis's title says the unit
}

void TimeChartView::setRanges(double untilS, double high, bool fraction) {
  until_ = std::max(untilS, 1.0) / timeUnit_;
  high_ = high;
  fraction_ = fraction;
  applyTimeRange();
  applyValueRange();
  keepAxisFiguresWhole();
}

void TimeChartView::applyTimeRange() {
  if (x_->min() != 0 || x_->max() != until_) x_->setRange(0, until_);
  // A figure every two and a half widths of "0000" at most, four steps at most (Qt's default);
  // the plot's width reckoned from the view's, as for the value axis.
  const QFontMetricsF metrics(x_->labelsFont());
  const double plot = width() - 10 * metrics.horizontalAdvance(QLatin1Char('0')) - 2 * kMargin;
  const double room = 2.5 * metrics.horizontalAdvance(QStringLiteral("0000"));
  const int steps = std::clamp(static_cast<int>(plot / room), 1, 4);
  // The smallest round step that labels no more than `steps` intervals after 0 (the range ends
  // at the present, between two figures).
  const double step = roundStep(until_ / (steps + 1) * (1 + 1e-9));
  // As many decimals as the step has: 1.5 minutes labelled "%.0f" read 0, 2, 3, 5.
  const auto whole = [](double v) { return std::abs(v - std::round(v)) < 1e-6; };
  const QString format = whole(step)        ? QStringLiteral("%.0f")
                         : whole(step * 10) ? QStringLiteral("%.1f")
                                            : QStringLiteral("%.2f");
  if (x_->tickType() != QValueAxis::TicksDynamic) x_->setTickType(QValueAxis::TicksDynamic);
  if (x_->tickAnchor() != 0) x_->setTickAnchor(0);
  if (x_->tickInterval() != step) x_->setTickInterval(step);
  if (x_->labelFormat() != format) x_->setLabelFormat(format);
}

void TimeChartView::applyValueRange() {
  // Room for a label every 1.6 lines of the axis's type; four steps at most, as Qt's default.
  // The plot's height is reckoned from the view's, not read from the chart's layout: setting the
  // range from the layout's own signal made Qt Charts' axis and domain set each other's range
  // without end. The title, the time axis's figures (and title) and the margins take about three
  // and a half lines (four and a half).
  const double line = QFontMetricsF(y_->labelsFont()).height();
  const double around = x_->titleText().isEmpty() ? 3.5 : 4.5;
  const double plot = height() - std::max(legendRoom_, legend_.height()) - around * line;
  const int steps = std::clamp(static_cast<int>(plot / (1.6 * line)), 1, 4);
  // A tenth of headroom above the highest line; a fraction's axis ends at 1, in quarters, halves
  // or at once.
  const double top = fraction_ ? 1.0 : !(high_ > 0) ? 1.0 : high_ * 1.1;
  const double step = fraction_ ? (steps >= 4   ? 0.25
                                   : steps >= 2 ? 0.5
                                                : 1.0)
                                : roundStep(top / steps);
  const int used = std::max(1, static_cast<int>(std::ceil(top / step - 1e-9)));
  if (y_->min() != 0 || y_->max() != used * step) y_->setRange(0, used * step);
  if (y_->tickCount() != used + 1) y_->setTickCount(used + 1);
}

void TimeChartView::placeLegend() {
  const double rest = kChartLines * QFontMetricsF(legend_.font()).height();
  const qreal rowH = legend_.rowHeight();
  const int rows =
      std::max(1, static_cast<int>(std::min(height() - rest, kLegendShare * height()) / rowH));
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
  fitTimeAxisTitle(x_, cut ? 0 : this->height(), legend_.font(), room + 2 * kMargin, timeUnit_);
  keepAxisFiguresWhole();
}

void TimeChartView::keepAxisFiguresWhole() {
  if (x_->titleText().isEmpty()) return;
  // The figures as Qt Charts lays them out now, not at the next frame.
  chart()->layout()->activate();
  if (!axisTextCut()) return;
  untitledUpTo_ = size();
  x_->setTitleText(QString());
  emit timeAxisTitleLeftOut();
}

bool TimeChartView::timeAxisTitled() const {
  return !x_->titleText().isEmpty();
}

void TimeChartView::leaveOutTimeAxisTitle() {
  if (!timeAxisTitled()) return;
  untitledUpTo_ = size();
  setLegendRoom(legendRoom_);
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
  applyValueRange();
  applyTimeRange();
}

void TimeChartView::drawForeground(QPainter* painter, const QRectF& rect) {
  QChartView::drawForeground(painter, rect);
  legend_.paint(*painter, QPointF(chart()->geometry().left() + kMargin, legendTop()),
                x_->titleBrush().color());
}

}  // namespace brokerlab::ui
