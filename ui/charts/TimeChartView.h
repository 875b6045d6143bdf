#pragma once

// A chart of lines over simulated time, as the charts dock and the comparison show them: the one
// look of TimeChart, lines decimated for the plot's width, and a legend that wraps under the axis
// (ChartLegend) rather than Qt Charts' own, which keeps to one row and cuts names to "…". What the
// lines are is the subclass's (ChartPanel: one run's series; OverlayChart: two runs' pairs).

#include "base/SimTime.h"
#include "charts/ChartLegend.h"

#include <QChartView>
#include <QSize>
#include <QStringList>

#include <vector>

class QValueAxis;

namespace brokerlab {
class TimeSeries;
}

namespace brokerlab::ui {

class TimeChartView : public QChartView {
  Q_OBJECT

 public:
  TimeChartView(const QString& title, QWidget* parent = nullptr);

  const ChartLegend& legend() const { return legend_; }
  // The title's type (setFontScale's); the chart may draw it smaller where it is narrow.
  const QFont& titleType() const { return titleFont_; }
  // The point size the title needs alone: its type's, or smaller where the chart is narrow.
  qreal ownTitleSize() const { return ownTitleSize_; }
  // The title drawn at most this size (SharedTitleSize); 0: at its own size.
  void setTitleCap(qreal pointSize);
  // Type `scale` times the view's font (a projector's larger type).
  void setFontScale(double scale);
  // Room under the axis for the legend, at least its own rows: charts side by side are given the
  // tallest legend's room so that their axes line up.
  void setLegendRoom(qreal height);
  // Whether the time axis has its title ("simulated time (s)"); a chart leaves it out where Qt
  // Charts would cut the axes' figures with it.
  bool timeAxisTitled() const;
  // Leaves the title out at this size and smaller, as if it cut the figures here: charts side by
  // side then all have it or none does, and their plots end at one height.
  void leaveOutTimeAxisTitle();
  // Lines of figures that are means over their sample interval (rates, utilizations: the
  // subclass says which) drawn as their mean over the last `window` of simulated time; 0, or a
  // window shorter than two intervals: each sample as taken. The lines change at the next show.
  void setAveraging(SimTime window) { averaging_ = window; }
  SimTime averaging() const { return averaging_; }
  // "1 s mean": what a title says of the window (the subclass words its titles).
  static QString meanWords(SimTime window);

 signals:
  void legendResized();  // the legend's own rows changed (its height may have)
  // The plot's width changed since the lines were decimated: show them again.
  void columnsChanged();
  void ownTitleSizeChanged();  // the chart's width or title asks for another size (SharedTitleSize)
  void timeAxisTitleLeftOut();  // it cut the axes' figures (not after leaveOutTimeAxisTitle())

 protected:
  // The columns to decimate the lines to for the plot's present width; remembered, so that a
  // later change of width asks for the lines again (columnsChanged).
  int takeColumns();
  // `t`'s line for the plot: decimated to `columns`, keeping each column's lowest and highest
  // point (with `t`'s own envelope); when `averaged` and the window spans two or more of `t`'s
  // intervals, each point is first the mean over the window (and the envelope, the samples'
  // spread, is not drawn: the line is the window's figure). `*meanOver` is set to the window
  // when the points were averaged. Values are divided by `divisor` (NamedSeries::chartDivisor).
  QList<QPointF> linePoints(const TimeSeries& t, int columns, bool averaged, double divisor = 1,
                            SimTime* meanOver = nullptr) const;
  // The legend's entries; `notDrawn` names the series the chart has no line for (said in the
  // "+N more" note and, with `why`, in the tooltip).
  void setLegendEntries(std::vector<ChartLegend::Entry> entries, const QStringList& notDrawn = {},
                        const QString& why = {});
  // The chart's title, in type small enough for the chart's width (TimeChart's bold title type at
  // most, three quarters of the body type at least: five charts side by side in lecture mode are
  // 250 pixels wide).
  void setTitle(const QString& title);
  // The axes for lines over [0, untilS] seconds reaching `high` (fractions: 0 to 1); then, as
  // after a resize, the time axis's title is left out where it would make Qt Charts cut the
  // axes' figures to "...".
  // - The value axis runs from 0 to a round top a little above `high`, in round steps (1, 1.5,
  //   2, 2.5, 3, 4, 5, 6 or 8 times a power of ten), as many as the plot's height has room to
  //   label. Qt Charts would divide any range in four (0, 2.25, 4.5, 6.75) and, on a short plot,
  //   leave out every other label (150, 50, 0).
  // - The time axis runs from 0 to `untilS` (at least a second), its figures at multiples of a
  //   round step (0, 25, 50, 75, 100 over 107 seconds, where Qt Charts would put 0, 27, 54, 80,
  //   107), as many as the plot's width has room for.
  void setRanges(double untilS, double high, bool fraction);
  // The time axis's unit for a run shown up to `untilS` seconds (timeAxisUnit): what linePoints()
  // and setRanges() count in. Called before either.
  void setTimeSpan(double untilS);
  double timeUnit() const { return timeUnit_; }  // seconds per unit of the time axis
  // The view at least `width` pixels wide and `lines` lines of its type high, in whatever type
  // setFontScale() gives it.
  void setMinimumLines(int width, double lines);

  void drawForeground(QPainter* painter, const QRectF& rect) override;
  void resizeEvent(QResizeEvent* event) override;

  QValueAxis* x_;
  QValueAxis* y_;

 private:
  // Lays the legend out for the chart's width and makes room for it under the axis title.
  void placeLegend();
  void fitTitle();
  void applyValueRange();  // setRanges()'s, for the plot's present height
  void applyTimeRange();   // setRanges()'s, for the plot's present width
  // Leaves out the time axis's title where, with it, Qt Charts cuts the axes' figures to "...".
  void keepAxisFiguresWhole();
  // Whether Qt Charts cut an axis's figures or title to "..." in the last layout.
  bool axisTextCut() const;
  qreal legendTop() const;  // in the scene's coordinates

  ChartLegend legend_;
  QFont titleFont_;  // as scaleTimeChartFonts made it; fitTitle() may draw it smaller
  qreal ownTitleSize_ = 0;
  qreal titleCap_ = 0;
  QStringList notDrawn_;
  QString notDrawnWhy_;
  qreal legendRoom_ = 0;
  // The time axis has no title at this size or smaller (in both directions): the last size at which
  // Qt Charts, with the title, cut the axes' figures to "..." (TimeChart's rule of thumb let it
  // keep a title it had no room for: the room Qt Charts wants depends on the fonts and figures).
  QSize untitledUpTo_;
  int minimumWidth_ = 0;  // setMinimumLines()'s
  double minimumLines_ = 0;
  double until_ = 1;     // setRanges()'s, in the time axis's unit
  double timeUnit_ = 1;  // seconds
  double high_ = 0;
  bool fraction_ = false;
  int columns_ = 0;  // the decimation of the lines drawn (0: none yet)
  SimTime averaging_ = 0;
};

}  // namespace brokerlab::ui
