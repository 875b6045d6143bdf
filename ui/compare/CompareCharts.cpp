#include "compare/CompareCharts.h"

#include "compare/CompareClock.h"
#include "controller/SimulationController.h"

#include <QGridLayout>

namespace brokerlab::ui {

CompareCharts::CompareCharts(CompareClock& clock, QWidget* parent)
    : QWidget(parent), clock_(clock) {
  grid_ = new QGridLayout(this);
  grid_->setContentsMargins(0, 0, 0, 0);
  grid_->setSpacing(2);
  for (int k = 0; k < kOverlayKindCount; ++k)
    charts_[static_cast<std::size_t>(k)] = new OverlayChart(static_cast<OverlayKind>(k), this);
  for (int i = 0; i < 2; ++i) {  // the charts share the room alike
    grid_->setRowStretch(i, 1);
    grid_->setColumnStretch(i, 1);
  }
  place();
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

void CompareCharts::showOne(OverlayChart& chart) {
  const SimulationController& a = clock_.left();
  const SimulationController& b = clock_.right();
  if (!a.hasSimulation() || !b.hasSimulation()) return;
  chart.show(pairedSeries(a.simulator(), b.simulator(), chart.kind()), toSeconds(clock_.now()));
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
  if (shown == placed_) return;
  placed_ = shown;
  for (OverlayChart* c : charts_) grid_->removeWidget(c);
  for (std::size_t i = 0; i < shown.size(); ++i)
    grid_->addWidget(shown[i], static_cast<int>(i) / 2, static_cast<int>(i) % 2);
}

}  // namespace brokerlab::ui
