#include "compare/CompareCharts.h"

#include "charts/ChartExport.h"
#include "charts/SharedTitleSize.h"
#include "compare/CompareClock.h"
#include "controller/SimulationController.h"

#include <QGridLayout>
#include <QLabel>
#include <QMenu>

#include <algorithm>

namespace brokerlab::ui {

CompareCharts::CompareCharts(CompareClock& clock, QWidget* parent)
    : QWidget(parent), clock_(clock) {
  titles_ = new SharedTitleSize(this);
  grid_ = new QGridLayout(this);
  grid_->setContentsMargins(0, 0, 0, 0);
  grid_->setSpacing(2);
  static const char* stems[kOverlayKindCount] = {"compare-backlog", "compare-latency",
                                                 "compare-throughput", "compare-utilization"};
  for (int k = 0; k < kOverlayKindCount; ++k) {
    auto* chart = new OverlayChart(static_cast<OverlayKind>(k), this);
    charts_[static_cast<std::size_t>(k)] = chart;
    chart->setAveraging(averaging_.window());
    connect(chart, &OverlayChart::columnsChanged, this, [this, chart] { showOne(*chart); });
    connect(chart, &OverlayChart::legendResized, this, &CompareCharts::alignLegends);
    titles_->add(chart);
    // Right click: the chart as a picture, for a design document or a slide.
    chart->setContextMenuPolicy(Qt::CustomContextMenu);
    const QString stem = QString::fromLatin1(stems[k]);
    connect(chart, &QWidget::customContextMenuRequested, this, [this, chart, stem](QPoint at) {
      QMenu menu(this);
      QAction* png = menu.addAction(tr("Export This Chart as PNG…"));
      QAction* svg = menu.addAction(tr("Export This Chart as SVG…"));
      menu.addSeparator();
      menu.addMenu(averaging_.menu());
      QAction* chosen = menu.exec(chart->mapToGlobal(at));
      if (chosen == png || chosen == svg) saveChartAs(this, *chart, stem, chosen == svg);
    });
  }
  none_ = new QLabel(
      tr("No chart to overlay: the charts draw a figure both runs have, by the name of its "
         "component (orders.depth in A and in B), and these two designs name theirs "
         "differently. The key figures compare the runs' totals; give a component the same id in "
         "both files to chart it."),
      this);
  none_->setWordWrap(true);
  none_->setAlignment(Qt::AlignCenter);
  none_->setMargin(24);
  none_->setForegroundRole(QPalette::PlaceholderText);
  none_->hide();
  for (int i = 0; i < 2; ++i) {  // the charts share the room alike
    grid_->setRowStretch(i, 1);
    grid_->setColumnStretch(i, 1);
  }
  place();
  connect(&averaging_, &AveragingChoice::changed, this, [this](SimTime window) {
    for (OverlayChart* c : charts_) c->setAveraging(window);
    refresh();
  });
  connect(&clock_, &CompareClock::frameAdvanced, this, &CompareCharts::onFrame);
  connect(&clock_, &CompareClock::settled, this, &CompareCharts::refresh);
  sinceRefresh_.start();
}

void CompareCharts::setFontScale(double scale) {
  for (OverlayChart* c : charts_) c->setFontScale(scale);
}

void CompareCharts::onFrame() {
  if (!clock_.playing() || !isVisible()) return;
  if (sinceRefresh_.elapsed() < kRefreshMs / kOverlayKindCount) return;
  sinceRefresh_.restart();
  showOne(*charts_[static_cast<std::size_t>(next_)]);
  next_ = (next_ + 1) % kOverlayKindCount;
  place();
}

QString CompareCharts::noChartNote() const {
  return none_->isHidden() ? QString() : none_->text();
}

// Hidden, the charts were not brought up to date (onFrame): shown again, they are.
void CompareCharts::showEvent(QShowEvent* event) {
  QWidget::showEvent(event);
  refresh();
}

void CompareCharts::showOne(OverlayChart& chart) {
  const SimulationController& a = clock_.left();
  const SimulationController& b = clock_.right();
  if (!a.hasSimulation() || !b.hasSimulation()) return;
  std::vector<std::string> notDrawn;
  const std::vector<SeriesPair> pairs =
      pairedSeries(a.simulator(), b.simulator(), chart.kind(), kPairsPerChart, &notDrawn);
  chart.show(pairs, toSeconds(clock_.now()), notDrawn);
}

void CompareCharts::refresh() {
  sinceRefresh_.restart();
  for (OverlayChart* c : charts_) showOne(*c);
  place();
}

// The charts that have something to show, two to a row.
void CompareCharts::place() {
  std::vector<OverlayChart*> shown;
  for (OverlayChart* c : charts_)
    if (!c->isHidden()) shown.push_back(c);
  const bool loaded = clock_.left().hasSimulation() && clock_.right().hasSimulation();
  const bool none = loaded && shown.empty();
  if (shown == placed_ && none == !none_->isHidden()) return;
  placed_ = shown;
  for (OverlayChart* c : charts_) grid_->removeWidget(c);
  grid_->removeWidget(none_);
  for (std::size_t i = 0; i < shown.size(); ++i)
    grid_->addWidget(shown[i], static_cast<int>(i) / 2, static_cast<int>(i) % 2);
  if (none) grid_->addWidget(none_, 0, 0, 2, 2);
  none_->setVisible(none);
  titles_->shareNow();
  alignLegends();
  emit placed();
}

// The charts of a row leave the taller legend's room under their axes, so that the axes line up.
void CompareCharts::alignLegends() {
  for (std::size_t row = 0; row < placed_.size(); row += 2) {
    const std::size_t end = std::min(row + 2, placed_.size());
    qreal tallest = 0;
    for (std::size_t i = row; i < end; ++i)
      tallest = std::max(tallest, placed_[i]->legend().height());
    for (std::size_t i = row; i < end; ++i) placed_[i]->setLegendRoom(tallest);
  }
}

}  // namespace brokerlab::ui
