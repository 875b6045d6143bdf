#include "inspector/InspectorDock.h"

#include "canvas/Text.h"
#include "controller/SimulationController.h"
#include "inspector/ComponentFigures.h"
#include "inspector/MessageJourney.h"
#include "metrics/Report.h"
#include "scenario/ScenarioWriter.h"

#include <QEvent>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QStackedWidget>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace brokerlab::ui {

namespace {
constexpr int kCellPadding = 12;  // a table cell's text margins, left and right together

QTableWidget* table(QWidget* parent, const QStringList& headers) {
  auto* t = new QTableWidget(0, static_cast<int>(headers.size()), parent);
  t->setHorizontalHeaderLabels(headers);
  t->verticalHeader()->hide();
  t->horizontalHeader()->setStretchLastSection(true);
  t->setEditTriggers(QAbstractItemView::NoEditTriggers);
  t->setSelectionMode(QAbstractItemView::NoSelection);
  t->setWordWrap(true);
  return t;
}
void fill(QTableWidget* t, int row, int column, const QString& text, bool trouble = false) {
  auto* item = new QTableWidgetItem(text);
  if (trouble) item->setForeground(QColor(0xd5, 0x5e, 0x00));
  t->setItem(row, column, item);
}
}  // namespace

InspectorDock::InspectorDock(SimulationController& controller, QWidget* parent)
    : QDockWidget(tr("Inspector"), parent), controller_(controller) {
  setObjectName(QStringLiteral("inspector"));
  auto* body = new QWidget(this);
  auto* layout = new QVBoxLayout(body);
  heading_ = new QLabel(tr("Select a component or a message on the canvas"), body);
  QFont big = heading_->font();
  big.setBold(true);
  big.setPointSizeF(big.pointSizeF() * 1.2);
  heading_->setFont(big);
  heading_->setWordWrap(true);
  summary_ = new QLabel(body);
  summary_->setWordWrap(true);
  pages_ = new QStackedWidget(body);
  auto* componentPage = componentPage_ = new QWidget(pages_);
  auto* componentLayout = new QVBoxLayout(componentPage);
  componentLayout->setContentsMargins(0, 0, 0, 0);
  figures_ = table(componentPage, {tr("Figure"), tr("Value")});
  figures_->setObjectName(QStringLiteral("figures"));
  figures_->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);  // it keeps its width (below)
  figures_->setToolTip(
      tr("The figures of the CLI's report at this moment, refreshed while the run plays"));
  parameters_ = new QPlainTextEdit(componentPage);
  parameters_->setReadOnly(true);
  parameters_->setToolTip(tr("The component as the scenario file states it"));
  QFont mono(QStringLiteral("DejaVu Sans Mono"));
  mono.setStyleHint(QFont::Monospace);
  parameters_->setFont(mono);
  componentLayout->addWidget(figures_, 3);
  componentLayout->addWidget(new QLabel(tr("Parameters"), componentPage));
  componentLayout->addWidget(parameters_, 1);
  journey_ = table(pages_, {tr("Time"), tr("What happened")});
  journey_->setToolTip(tr("Every hop of the selected message, with its simulated time"));
  pages_->addWidget(componentPage);
  pages_->addWidget(journey_);
  layout->addWidget(heading_);
  layout->addWidget(summary_);
  layout->addWidget(pages_, 1);
  layout->addStretch(0);  // takes the room while nothing is selected (the pages hidden)
  setWidget(body);
  connect(&controller_, &SimulationController::frameAdvanced, this, &InspectorDock::onFrame);
  connect(&controller_, &SimulationController::simulationReset, this, [this] {
    // Landed elsewhere or restarted: a message's past is re-read; a component stays selected.
    shownEvents_ = kUnread;
    if (message_ != 0) showMessage(message_);
  });
  // A live change alters what the figures read without an event: read them again.
  connect(&controller_, &SimulationController::timelineChanged, this,
          [this] { shownEvents_ = kUnread; });
  sinceRefresh_.start();
  clear();
}

QString InspectorDock::heading() const {
  return heading_->text();
}

void InspectorDock::clear() {
  component_ = kNone;
  message_ = 0;
  trail_.clear();
  heading_->setText(tr("Select a component or a message on the canvas"));
  // Not an empty table and an empty box: what a selection will show.
  summary_->setText(
      tr("A component: its figures at this moment, its parameters and, for a "
         "producer, a consumer or a client, what-if controls. A message: every hop it made."));
  pages_->hide();
  figures_->setRowCount(0);
  parameters_->clear();
  journey_->setRowCount(0);
}

void InspectorDock::addComponentControls(QWidget* controls) {
  controls->setParent(componentPage_);
  componentPage_->layout()->addWidget(controls);
}

void InspectorDock::changeEvent(QEvent* event) {
  QDockWidget::changeEvent(event);
  if (event->type() != QEvent::FontChange || figures_ == nullptr) return;
  figures_->setMinimumWidth(0);
  if (component_ != kNone && message_ == 0 && controller_.hasSimulation()) refreshComponent();
}

void InspectorDock::showComponent(std::uint32_t component) {
  emit componentShown(component);
  if (component == kNone || !controller_.hasSimulation() ||
      component >= controller_.model()->components.size()) {
    clear();
    return;
  }
  if (component != component_) figures_->setMinimumWidth(0);
  component_ = component;
  message_ = 0;
  const ComponentSpec& spec = controller_.scenario().components[component];
  heading_->setText(QString::fromStdString(spec.id));
  parameters_->setPlainText(QString::fromStdString(writeComponentSpec(spec)));
  pages_->setCurrentIndex(0);
  pages_->show();
  refreshComponent();
}

void InspectorDock::showMessage(std::uint64_t serial) {
  if (serial == 0 || !controller_.hasSimulation()) return;
  message_ = serial;
  component_ = kNone;
  // Where to start reading its past: its publish time when it is still in the system.
  SimTime from = 0;
  const MessagePool& pool = controller_.simulator().messages();
  for (std::uint32_t i = 0; i < pool.capacity(); ++i)
    if (pool[i].serial == serial && pool[i].state != MessageState::Free)
      from = std::max(from, pool[i].publishedAt);
  trail_ = controller_.recordsOf(serial, from);
  pages_->setCurrentIndex(1);
  pages_->show();
  refreshJourney();
}

void InspectorDock::onFrame() {
  if (message_ != 0 && !controller_.recordsComplete()) {
    stale_ = true;  // fast-forward: the trail is read again once records are kept again
    return;
  }
  if (message_ != 0 && stale_) {
    stale_ = false;
    showMessage(message_);
    return;
  }
  if (message_ != 0) {
    bool grew = false;
    for (const TraceRecord& r : controller_.frameRecords())
      if (r.message == message_) {
        trail_.push_back(r);
        grew = true;
      }
    if (grew) refreshJourney();
    return;
  }
  if (component_ == kNone) return;
  // A paused window's frames (60 a second) read nothing again; a step, or the frame a run stopped
  // at, is read at once, however soon after the last refresh; a playing run a few times a second
  // (its time-weighted figures move without events).
  const Simulator& sim = controller_.simulator();
  if (sim.eventsProcessed() == shownEvents_ && sim.now() == shownAt_) return;
  if (controller_.state() == SimulationController::RunState::Playing &&
      sinceRefresh_.elapsed() < kRefreshMs)
    return;
  refreshComponent();
}

void InspectorDock::refreshComponent() {
  sinceRefresh_.restart();
  shownEvents_ = controller_.simulator().eventsProcessed();
  shownAt_ = controller_.simulator().now();
  const RunReport report = buildReport(controller_.simulator());
  const Figures rows = componentFigures(report, component_);
  const ComponentKind kind = report.order[component_].first;
  static const char* kinds[] = {"producer", "queue",  "consumer", "topic",
                                "stream",   "client", "api",      "store"};
  summary_->setText(
      tr("%1 · at %2")
          .arg(QString::fromLatin1(kinds[static_cast<int>(kind)]),
               formatClock(controller_.simulator().now(), controller_.model()->duration)));
  figures_->setRowCount(static_cast<int>(rows.size()));
  for (int r = 0; r < static_cast<int>(rows.size()); ++r) {
    fill(figures_, r, 0, rows[static_cast<std::size_t>(r)].first);
    fill(figures_, r, 1, rows[static_cast<std::size_t>(r)].second);
  }
  figures_->resizeColumnToContents(0);
  // As wide as the names and the figures beside them need (in the projector's type the names
  // pushed the figures out of view), and no narrower as the figures grow: the dock must not jitter.
  // The stretched last column keeps at least the header's default size (measured: 100 pixels
  // where 95 were left, its figures spilling past the view): room for that too.
  int widest = std::max(figures_->horizontalHeader()->sectionSizeHint(1),
                        figures_->horizontalHeader()->defaultSectionSize());
  const QFontMetrics metrics(figures_->font());
  for (int r = 0; r < figures_->rowCount(); ++r)
    widest =
        std::max(widest, metrics.horizontalAdvance(figures_->item(r, 1)->text()) + kCellPadding);
  const int needed = figures_->columnWidth(0) + widest + 2 * figures_->frameWidth() +
                     figures_->verticalScrollBar()->sizeHint().width();
  if (needed > figures_->minimumWidth()) figures_->setMinimumWidth(needed);
  // No taller than its rows: a consumer's five figures left two thirds of the table blank while
  // the parameters below scrolled.
  figures_->setMaximumHeight(figures_->horizontalHeader()->height() +
                             figures_->verticalHeader()->length() + 2 * figures_->frameWidth());
}

void InspectorDock::refreshJourney() {
  heading_->setText(tr("Message %1").arg(formatCount(message_)));
  summary_->setText(journeySummary(trail_));
  const std::vector<JourneyRow> rows = describeJourney(*controller_.model(), trail_);
  journey_->setRowCount(static_cast<int>(rows.size()));
  for (int r = 0; r < static_cast<int>(rows.size()); ++r) {
    const JourneyRow& row = rows[static_cast<std::size_t>(r)];
    fill(journey_, r, 0, formatClock(row.at, controller_.model()->duration));
    fill(journey_, r, 1, row.what, row.trouble);
  }
  journey_->resizeColumnToContents(0);
  journey_->resizeRowsToContents();
}

QStringList InspectorDock::figureRows() const {
  QStringList out;
  for (int r = 0; r < figures_->rowCount(); ++r)
    out << figures_->item(r, 0)->text() + QLatin1Char('\t') + figures_->item(r, 1)->text();
  return out;
}

QStringList InspectorDock::journeyRows() const {
  QStringList out;
  for (int r = 0; r < journey_->rowCount(); ++r)
    out << journey_->item(r, 0)->text() + QLatin1Char('\t') + journey_->item(r, 1)->text();
  return out;
}

}  // namespace brokerlab::ui
