#pragma once

// The comparison's charts: throughput, backlog, latency and utilization with both runs overlaid
// (A solid, B dashed). While the clock plays each chart is redrawn about ten times a second, one
// chart a frame in turn; all at once whenever the clock stands still.

#include "charts/AveragingChoice.h"
#include "compare/OverlayChart.h"

#include <QElapsedTimer>
#include <QWidget>

#include <array>
#include <vector>

class QGridLayout;
class QLabel;

namespace brokerlab::ui {

class CompareClock;
class SharedTitleSize;

class CompareCharts : public QWidget {
  Q_OBJECT

 public:
  static constexpr int kRefreshMs = 100;
  static constexpr std::size_t kPairsPerChart = 4;  // eight lines: more would be unreadable

  CompareCharts(CompareClock& clock, QWidget* parent = nullptr);
  OverlayChart& chart(OverlayKind kind) { return *charts_[static_cast<std::size_t>(kind)]; }
  void setFontScale(double scale);
  // Rates and utilizations each sample or as means over a window (each chart's right click).
  AveragingChoice& averaging() { return averaging_; }
  // Shown in the charts' place when the runs have no figure in common (two designs whose
  // components are named differently): why there is no chart, and where to look instead.
  QString noChartNote() const;

 public slots:
  void refresh();

 signals:
  void placed();  // other charts are shown than before (the height they need may have changed)

 protected:
  void showEvent(QShowEvent* event) override;

 private:
  void onFrame();
  void showOne(OverlayChart& chart);
  void place();
  void alignLegends();

  CompareClock& clock_;
  AveragingChoice averaging_;
  std::array<OverlayChart*, kOverlayKindCount> charts_{};
  QGridLayout* grid_;
  QLabel* none_;  // the note in place of the charts
  SharedTitleSize* titles_;
  QElapsedTimer sinceRefresh_;
  int next_ = 0;
  std::vector<OverlayChart*> placed_;  // the charts in the grid, in order
};

}  // namespace brokerlab::ui
