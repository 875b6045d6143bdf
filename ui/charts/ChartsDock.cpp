#include "charts/ChartsDock.h"

#include "charts/ChartPanel.h"
#include "controller/SimulationController.h"
#include "timeline/TimelineBar.h"

#include <QGridLayout>

namespace brokerlab::ui {

ChartsDock::ChartsDock(SimulationController& controller, const TimelineBar& timeline,
                       QWidget* parent)
    : QDockWidget(tr("Charts"), parent), controller_(controller), timeline_(timeline) {
  setObjectName(QStringLiteral("charts"));
  auto* body = new QWidget(this);
  auto* grid = new QGridLayout(body);
  grid->setContentsMargins(2, 2, 2, 2);
  for (int c = 0; c < kSeriesChartCount; ++c) {
    panels_[static_cast<std::size_t>(c)] = new ChartPanel(static_cast<SeriesChart>(c), body);
    grid->addWidget(panels_[static_cast<std::size_t>(c)], c / 3, c % 3);
  }
  setWidget(body);
  connect(&controller_, &SimulationController::frameAdvanced, this, &ChartsDock::onFrame);
  connect(&controller_, &SimulationController::simulationReset, this, &ChartsDock::refresh);
  sinceRefresh_.start();
}

void ChartsDock::setComponent(std::uint32_t component) {
  component_ = component;
  refresh();
}

void ChartsDock::onFrame() {
  if (isVisible() && sinceRefresh_.elapsed() >= kRefreshMs) refresh();
}

void ChartsDock::refresh() {
  sinceRefresh_.restart();
  if (!controller_.hasSimulation()) return;
  std::vector<NamedSeries> series = seriesOf(controller_.simulator());
  if (component_ != kNone) {
    std::erase_if(series, [&](const NamedSeries& s) { return s.component != component_; });
  }
  std::vector<double> marks;
  for (const TimelineBar::Mark& m : timeline_.marks()) marks.push_back(toSeconds(m.at));
  const double now = toSeconds(controller_.simulator().now());
  for (ChartPanel* p : panels_) {
    p->setMarks(marks);
    p->show(series, now);
  }
}

int ChartsDock::pointsShown() const {
  int n = 0;
  for (const ChartPanel* p : panels_) n += p->pointsShown();
  return n;
}

}  // namespace brokerlab::ui
