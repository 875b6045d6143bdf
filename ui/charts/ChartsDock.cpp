#include "charts/ChartsDock.h"

#include "charts/ChartExport.h"
#include "charts/ChartPanel.h"
#include "charts/SharedTitleSize.h"
#include "controller/SimulationController.h"
#include "timeline/TimelineBar.h"
#include "window/RunExport.h"

#include <QFileDialog>
#include <QGridLayout>
#include <QMenu>
#include <QMessageBox>
#include <QScrollArea>
#include <QScrollBar>

#include <algorithm>

namespace brokerlab::ui {

ChartsDock::ChartsDock(SimulationController& controller, const TimelineBar& timeline,
                       QWidget* parent)
    : QDockWidget(tr("Charts"), parent), controller_(controller), timeline_(timeline) {
  setObjectName(QStringLiteral("charts"));
  // The charts scroll, up and down, when the dock is too small for them all at their minimum
  // size (beside the summary, on a projector's 720 lines): the window must not grow past the
  // screen for them, cutting off the status bar and the last chart.
  titles_ = new SharedTitleSize(this);
  scroll_ = new QScrollArea(this);
  scroll_->setFrameShape(QFrame::NoFrame);
  scroll_->setWidgetResizable(true);
  scroll_->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
  auto* body = new QWidget(scroll_);
  grid_ = new QGridLayout(body);
  grid_->setContentsMargins(2, 2, 2, 2);
  for (int c = 0; c < kSeriesChartCount; ++c) {
    panels_[static_cast<std::size_t>(c)] = new ChartPanel(static_cast<SeriesChart>(c), body);
    ChartPanel* panel = panels_[static_cast<std::size_t>(c)];
    grid_->addWidget(panel, c / 3, c % 3);
    panel->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(panel, &QWidget::customContextMenuRequested, this,
            [this, panel](QPoint at) { exportMenu(*panel, panel->mapToGlobal(at)); });
    panel->setAveraging(averaging_.window());
    connect(panel, &ChartPanel::legendResized, this, &ChartsDock::alignLegends);
    // Queued: after the layout has resized every chart, not between two of them (a chart resized
    // later takes its title back at its new size).
    connect(panel, &ChartPanel::timeAxisTitleLeftOut, this, &ChartsDock::matchTimeAxisTitles,
            Qt::QueuedConnection);
    titles_->add(panel);
    connect(panel, &ChartPanel::columnsChanged, this, [this, panel] {
      if (controller_.hasSimulation()) showSeries(*panel);
    });
  }
  scroll_->setWidget(body);
  setWidget(scroll_);
  connect(&averaging_, &AveragingChoice::changed, this, [this](SimTime window) {
    for (ChartPanel* p : panels_) p->setAveraging(window);
    refresh();
  });
  connect(&controller_, &SimulationController::frameAdvanced, this, &ChartsDock::onFrame);
  connect(&controller_, &SimulationController::simulationReset, this, &ChartsDock::refresh);
  // When the run stops (a pause, its end, a caption), the charts show exactly the present.
  connect(&controller_, &SimulationController::stateChanged, this, [this] {
    if (isVisible() && controller_.state() != SimulationController::RunState::Playing) refresh();
  });
  connect(this, &QDockWidget::visibilityChanged, this, [this](bool shown) {
    if (shown) refresh();
  });
  sinceRefresh_.start();
}

void ChartsDock::setComponent(std::uint32_t component) {
  component_ = component;
  refresh();
}

void ChartsDock::onFrame() {
  // One chart a turn, each in its turn: at 60 frames a second every chart is redrawn about ten
  // times a second, and no frame pays for all six at once.
  if (!isVisible() || sinceRefresh_.elapsed() < kRefreshMs / kSeriesChartCount) return;
  sinceRefresh_.restart();
  if (!controller_.hasSimulation()) return;
  showSeries(*panels_[static_cast<std::size_t>(nextPanel_)]);
  nextPanel_ = (nextPanel_ + 1) % kSeriesChartCount;
  placePanels();
}

std::vector<NamedSeries> ChartsDock::selectedSeries() const {
  std::vector<NamedSeries> series = seriesOf(controller_.simulator());
  if (component_ != kNone)
    std::erase_if(series, [&](const NamedSeries& s) { return s.component != component_; });
  return series;
}

void ChartsDock::showSeries(ChartPanel& panel) {
  std::vector<double> marks;
  for (const TimelineBar::Mark& m : timeline_.marks()) marks.push_back(toSeconds(m.at));
  panel.setMarks(std::move(marks));
  panel.show(selectedSeries(), toSeconds(controller_.simulator().now()));
}

void ChartsDock::refresh() {
  sinceRefresh_.restart();
  if (!controller_.hasSimulation()) return;
  const std::vector<NamedSeries> series = selectedSeries();
  std::vector<double> marks;
  for (const TimelineBar::Mark& m : timeline_.marks()) marks.push_back(toSeconds(m.at));
  const double now = toSeconds(controller_.simulator().now());
  for (ChartPanel* p : panels_) {
    p->setMarks(marks);
    p->forget();  // a landing or a new run: redraw even what looks the same
    p->show(series, now);
  }
  placePanels();
}

int ChartsDock::twoColumnWidth() const {
  const QMargins m = grid_->contentsMargins();
  return 2 * (ChartPanel::kMinWidth + grid_->spacing()) + m.left() + m.right() +
         scroll_->verticalScrollBar()->sizeHint().width() + 2 * scroll_->frameWidth() +
         (width() - scroll_->width());
}

// The charts that have series, packed in reading order: no holes where a kind the scenario lacks
// (lag in a queue scenario) would sit.
void ChartsDock::placePanels() {
  std::vector<ChartPanel*> shown;
  for (ChartPanel* p : panels_)
    if (!p->isHidden()) shown.push_back(p);
  // As many to a row as the dock's width gives each 300 pixels: one row keeps the canvas tall,
  // a narrow dock (beside the summary) stacks them. But no more rows than the dock's height holds
  // at the charts' minimum height, while the width allows narrower charts: rather that than a row
  // the dock cuts off (five charts in lecture mode at 1280x720). Beyond that the charts scroll
  // (and the width to share is then less the scroll bar's).
  const int count = std::max<int>(1, static_cast<int>(shown.size()));
  const int high = scroll_->height();
  const int rows = std::max(1, high / (ChartPanel::kMinHeight + grid_->spacing()));
  const auto columnsIn = [&](int wide) {
    const int across = std::max(1, wide / 300);
    const int narrowest = std::max(1, wide / (ChartPanel::kMinWidth + grid_->spacing()));
    return std::min({count, narrowest, std::max(across, (count + rows - 1) / rows)});
  };
  int columns = columnsIn(scroll_->width());
  if ((count + columns - 1) / columns > rows)
    columns = columnsIn(scroll_->width() - scroll_->verticalScrollBar()->sizeHint().width());
  if (shown == placed_ && columns == columns_) return;
  placed_ = shown;
  columns_ = columns;
  for (ChartPanel* p : panels_) grid_->removeWidget(p);
  for (std::size_t i = 0; i < shown.size(); ++i)
    grid_->addWidget(shown[i], static_cast<int>(i) / columns, static_cast<int>(i) % columns);
  // The columns in use share the width equally, whatever each chart's size hint: without it, one
  // placement after another (as a run reveals its charts) left poll-storm's four charts 389, 389,
  // 240 and 240 pixels wide in lecture mode at 1280, and cut the last one's title.
  for (int c = 0; c < grid_->columnCount(); ++c) grid_->setColumnStretch(c, c < columns ? 1 : 0);
  titles_->shareNow();
  alignLegends();
}

void ChartsDock::alignLegends() {
  qreal tallest = 0;
  for (const ChartPanel* p : panels_)
    if (!p->isHidden()) tallest = std::max(tallest, p->legend().height());
  for (ChartPanel* p : panels_) p->setLegendRoom(tallest);
  matchTimeAxisTitles();
  keepOneRow();
}

// One chart without its time axis's title, all without: with it, a chart's plot ended a line
// higher than its neighbours' (in lecture mode at 1280x720, the utilization chart's, whose
// figures fit where the others' did not).
void ChartsDock::matchTimeAxisTitles() {
  const bool anyLeftOut = std::any_of(panels_.begin(), panels_.end(), [](const ChartPanel* p) {
    return !p->isHidden() && !p->timeAxisTitled();
  });
  if (!anyLeftOut) return;
  for (ChartPanel* p : panels_)
    if (!p->isHidden()) p->leaveOutTimeAxisTitle();
}

// The dock keeps the height of one row of charts whole (what Qt Charts asks for its charts in the
// lecture type is more than a third of 720 lines); further rows scroll.
void ChartsDock::keepOneRow() {
  int tallest = 0;
  for (const ChartPanel* p : panels_)
    if (!p->isHidden())
      tallest = std::max({tallest, p->minimumHeight(), p->minimumSizeHint().height()});
  const QMargins m = grid_->contentsMargins();
  scroll_->setMinimumHeight(tallest + m.top() + m.bottom());
}

void ChartsDock::exportMenu(ChartPanel& panel, QPoint globalPos) {
  QMenu menu(this);
  QAction* png = menu.addAction(tr("Export This Chart as PNG…"));
  QAction* svg = menu.addAction(tr("Export This Chart as SVG…"));
  QAction* csv = menu.addAction(tr("Export All Series as CSV…"));
  csv->setToolTip(tr("The columns of brokerlab-cli run --metrics-csv (docs/cli.md)"));
  menu.addSeparator();
  menu.addMenu(averaging_.menu());
  QAction* chosen = menu.exec(globalPos);
  if (!chosen || !controller_.hasSimulation()) return;
  if (chosen == png || chosen == svg) {
    saveChartAs(this, panel, ChartPanel::fileStem(panel.kind()), chosen == svg);
    return;
  }
  if (chosen != csv) return;  // an average, chosen in its submenu (AveragingChoice acts on it)
  const QString path = QFileDialog::getSaveFileName(
      this, tr("Export all series as CSV"), QStringLiteral("metrics.csv"), tr("CSV (*.csv)"));
  if (path.isEmpty()) return;
  QString error;
  if (!exportMetricsCsv(controller_.simulator(), path, &error))
    QMessageBox::critical(this, tr("Export failed"), tr("%1 was not written: %2").arg(path, error));
}

void ChartsDock::resizeEvent(QResizeEvent* event) {
  QDockWidget::resizeEvent(event);
  placePanels();
}

void ChartsDock::setFontScale(double scale) {
  for (ChartPanel* p : panels_) p->setFontScale(scale);
  refresh();
}

int ChartsDock::pointsShown() const {
  int n = 0;
  for (const ChartPanel* p : panels_) n += p->pointsShown();
  return n;
}

}  // namespace brokerlab::ui
