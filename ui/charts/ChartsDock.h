#pragma once

// The charts: throughput, backlog, latency, utilization, consumer-group lag and request-reply
// against simulated time, following the run (and the timeline when it lands elsewhere: the series
// are part of the simulator's state). While the run plays each chart is redrawn about ten times a
// second, one chart a frame in turn; all at once when the run stops or lands. A selected
// component narrows every chart to its series; faults and captions are vertical marks.

#include "base/Index.h"
#include "charts/AveragingChoice.h"
#include "metrics/SeriesCatalog.h"

#include <QDockWidget>
#include <QElapsedTimer>

class QGridLayout;
class QScrollArea;

#include <array>
#include <cstdint>
#include <vector>

namespace brokerlab::ui {

class ChartPanel;
class SharedTitleSize;
class SimulationController;
class TimelineBar;

class ChartsDock : public QDockWidget {
  Q_OBJECT

 public:
  static constexpr int kRefreshMs = 100;

  ChartsDock(SimulationController& controller, const TimelineBar& timeline,
             QWidget* parent = nullptr);

  ChartPanel& panel(SeriesChart chart) { return *panels_[static_cast<std::size_t>(chart)]; }
  // Points held by all charts now (the benchmark prints the maximum).
  int pointsShown() const;
  // Every chart's type `scale` times the window's (lecture mode: the projector's).
  void setFontScale(double scale);
  // Rates and utilizations each sample or as means over a window (the View menu offers it too).
  AveragingChoice& averaging() { return averaging_; }
  std::uint32_t component() const { return component_; }  // the selected one's, or kNone
  // The dock's width that holds two charts to a row at their narrowest (with a scroll bar).
  int twoColumnWidth() const;

 public slots:
  void setComponent(std::uint32_t component);  // kNone: every component
  void refresh();

 protected:
  void resizeEvent(QResizeEvent* event) override;

 private:
  void onFrame();
  void placePanels();
  void alignLegends();         // every shown chart gets the tallest legend's room
  void matchTimeAxisTitles();  // one shown chart without its time axis title: none has it
  void keepOneRow();
  std::vector<NamedSeries> selectedSeries() const;  // the selected component's, or all
  void showSeries(ChartPanel& panel);
  // Right click on a chart: it as PNG or SVG, or every series as the CLI's metrics CSV.
  void exportMenu(ChartPanel& panel, QPoint globalPos);

  SimulationController& controller_;
  const TimelineBar& timeline_;
  AveragingChoice averaging_;
  std::array<ChartPanel*, kSeriesChartCount> panels_{};
  QScrollArea* scroll_;
  SharedTitleSize* titles_;
  QGridLayout* grid_;
  std::vector<ChartPanel*> placed_;  // the panels in the grid, in order
  int columns_ = 0;
  std::uint32_t component_ = kNone;
  QElapsedTimer sinceRefresh_;
  int nextPanel_ = 0;  // the chart the next frame redraws
};

}  // namespace brokerlab::ui
