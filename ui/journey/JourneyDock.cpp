#include "journey/JourneyDock.h"

#include "controller/SimulationController.h"
#include "journey/SequenceView.h"
#include "metrics/JobJourney.h"

#include <QEvent>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPainter>
#include <QPushButton>
#include <QSaveFile>
#include <QScrollArea>
#include <QScrollBar>
#include <QSvgGenerator>
#include <QVBoxLayout>

#include <algorithm>

namespace brokerlab::ui {

JourneyDock::JourneyDock(SimulationController& controller, QWidget* parent)
    : QDockWidget(tr("Job journey"), parent), controller_(controller) {
  setObjectName(QStringLiteral("journey"));
  auto* body = new QWidget(this);
  auto* layout = new QVBoxLayout(body);
  heading_ = new QLabel(body);
  heading_->setWordWrap(true);
  QFont bold = heading_->font();
  bold.setBold(true);
  heading_->setFont(bold);
  view_ = new SequenceView(body);
  scroll_ = new QScrollArea(body);
  scroll_->setWidget(view_);
  scroll_->setWidgetResizable(false);
  scroll_->setBackgroundRole(QPalette::Base);
  scroll_->installEventFilter(this);  // a new width: a new scale in lecture mode
  exportMermaid_ = new QPushButton(tr("Export Mermaid…"), body);
  exportMermaid_->setToolTip(
      tr("The diagram as Mermaid text, as brokerlab-cli trace --job N --mermaid writes it"));
  exportSvg_ = new QPushButton(tr("Export SVG…"), body);
  exportSvg_->setToolTip(tr("The diagram as an SVG picture"));
  auto* buttons = new QHBoxLayout;
  buttons->addStretch(1);
  buttons->addWidget(exportMermaid_);
  buttons->addWidget(exportSvg_);
  layout->addWidget(heading_);
  layout->addWidget(scroll_, 1);
  layout->addLayout(buttons);
  setWidget(body);
  connect(exportMermaid_, &QPushButton::clicked, this, [this] { chooseAndExport(false); });
  connect(exportSvg_, &QPushButton::clicked, this, [this] { chooseAndExport(true); });
  connect(&controller_, &SimulationController::frameAdvanced, this, &JourneyDock::onFrame);
  connect(&controller_, &SimulationController::simulationReset, this, [this] {
    // Another scenario (or an edited design): its jobs are not the ones followed.
    if (controller_.model().get() != model_) {
      model_ = controller_.model().get();
      showJob(0);
      return;
    }
    if (job_ != 0) showJob(job_);  // landed elsewhere: read its past again
  });
  sinceRebuild_.start();
  showJob(0);
}

void JourneyDock::showLatestJobOf(std::uint32_t clientComponent) {
  if (!controller_.hasSimulation()) return;
  const Model& m = *controller_.model();
  if (clientComponent >= m.components.size() ||
      m.components[clientComponent].kind != ComponentKind::Client)
    return;
  const std::uint32_t client = m.components[clientComponent].index;
  const std::vector<Job>& jobs = controller_.simulator().jobs();
  for (auto it = jobs.rbegin(); it != jobs.rend(); ++it)
    if (it->client == client) return showJob(it->id);
  // Chosen before it submitted anything (a lecture selects the client, then plays): its first job
  // is followed from the frame it appears in.
  showJob(0);
  waitingClient_ = client;
  waitScanned_ = jobs.size();
  heading_->setText(tr("%1 has not submitted a job yet: its first one is followed as it runs")
                        .arg(QString::fromStdString(m.components[clientComponent].id)));
  show();
  raise();
}

void JourneyDock::showJob(std::uint64_t id) {
  job_ = id;
  model_ = controller_.hasSimulation() ? controller_.model().get() : nullptr;
  waitingClient_ = kNone;
  trail_.clear();
  const bool some = id != 0 && controller_.hasSimulation();
  exportMermaid_->setEnabled(some);
  exportSvg_->setEnabled(some);
  if (!some) {
    heading_->setText(tr("Click an HTTP exchange or a client on the canvas to follow a job"));
    view_->setDiagram({});
    fitScale();
    return;
  }
  SimTime from = 0;
  for (const Job& j : controller_.simulator().jobs())
    if (j.id == id) from = j.submittedAt;
  trail_ = controller_.recordsOf(id, from);
  rebuild();
  show();
  raise();
}

void JourneyDock::onFrame() {
  if (job_ == 0 && waitingClient_ != kNone) {
    // Jobs are only ever appended (a landing earlier may have fewer): read the new ones only.
    const std::vector<Job>& jobs = controller_.simulator().jobs();
    if (waitScanned_ > jobs.size()) waitScanned_ = 0;
    for (; waitScanned_ < jobs.size(); ++waitScanned_)
      if (jobs[waitScanned_].client == waitingClient_) return showJob(jobs[waitScanned_].id);
  }
  if (job_ == 0) return;
  // Frames that ran without keeping records (fast-forward, run-until) leave a gap: the job's
  // records are read again once records are kept again.
  if (!controller_.recordsComplete()) {
    stale_ = true;
    return;
  }
  if (stale_) {
    stale_ = false;
    showJob(job_);
    return;
  }
  for (const TraceRecord& r : controller_.frameRecords())
    if (r.message == job_) {
      trail_.push_back(r);
      dirty_ = true;
    }
  // Redrawn a few times a second while the run plays; at once when it is paused (a step, the frame
  // after a stop), so that the diagram never waits for the wall clock to show the last step.
  if (dirty_ && (controller_.state() != SimulationController::RunState::Playing ||
                 sinceRebuild_.elapsed() >= kRefreshMs))
    rebuild();
}

QString JourneyDock::mermaid() const {
  if (job_ == 0 || !controller_.hasSimulation()) return {};
  const Model& m = *controller_.model();
  const std::string title = "Job " + std::to_string(job_) + " of \"" + m.name + "\" (seed " +
                            std::to_string(m.seed) + ")";
  return QString::fromStdString(jobJourneyMermaid(journeyContext(m, title), job_, trail_));
}

void JourneyDock::rebuild() {
  dirty_ = false;
  sinceRebuild_.restart();
  const SequenceDiagram d = SequenceDiagram::fromMermaid(mermaid());
  const QString ended = endWords();
  // A job that ended said "so far" for as long as it was followed.
  heading_->setText(d.arrows() == 0 ? tr("Job %1: nothing yet").arg(job_)
                    : ended.isEmpty()
                        ? tr("Job %1: %2 steps so far").arg(job_).arg(d.arrows())
                        : tr("Job %1: %2 steps, %3").arg(job_).arg(d.arrows()).arg(ended));
  view_->setDiagram(d);
  fitScale();
}

QString JourneyDock::heading() const {
  return heading_->text();
}

QString JourneyDock::endWords() const {
  for (const Job& j : controller_.simulator().jobs()) {
    if (j.id != job_) continue;
    switch (j.outcome) {
      case ClientOutcome::Submitting:
      case ClientOutcome::Waiting:
        return {};
      case ClientOutcome::Result:
        return tr("to its result");
      case ClientOutcome::Failed:
        return tr("ended: the job failed");
      case ClientOutcome::Cancelled:
        return tr("ended: cancelled");
      case ClientOutcome::Invalid:
        return tr("ended: refused (400)");
      case ClientOutcome::Unavailable:
        return tr("ended: refused (503)");
      case ClientOutcome::ResultExpired:
        return tr("ended: its result had expired (404)");
      case ClientOutcome::TimedOut:
        return tr("ended: the client gave up");
    }
  }
  return {};
}

bool JourneyDock::exportMermaid(const QString& path, QString* error) const {
  QSaveFile file(path);
  if (!file.open(QIODevice::WriteOnly) || file.write(mermaid().toUtf8()) < 0 || !file.commit()) {
    *error = file.errorString();
    return false;
  }
  return true;
}

bool JourneyDock::exportSvg(const QString& path, QString* error) const {
  QSaveFile file(path);
  if (!file.open(QIODevice::WriteOnly)) {
    *error = file.errorString();
    return false;
  }
  QSvgGenerator svg;
  svg.setOutputDevice(&file);
  svg.setSize(view_->diagramSize());
  svg.setViewBox(QRect(QPoint(0, 0), view_->diagramSize()));
  svg.setTitle(tr("Job %1").arg(job_));
  {
    QPainter p(&svg);
    view_->paint(p);
  }
  if (!file.commit()) {
    *error = file.errorString();
    return false;
  }
  return true;
}

void JourneyDock::chooseAndExport(bool svg) {
  const QString path = QFileDialog::getSaveFileName(
      this, svg ? tr("Export the journey as SVG") : tr("Export the journey as Mermaid"),
      QStringLiteral("job-%1.%2")
          .arg(job_)
          .arg(svg ? QStringLiteral("svg") : QStringLiteral("mmd")),
      svg ? tr("SVG pictures (*.svg)") : tr("Mermaid (*.mmd *.md)"));
  if (path.isEmpty()) return;
  QString error;
  if (!(svg ? exportSvg(path, &error) : exportMermaid(path, &error)))
    QMessageBox::critical(this, tr("Export failed"), tr("%1 was not written: %2").arg(path, error));
}

void JourneyDock::setDiagramScale(double scale) {
  largestScale_ = scale;
  fitScale();
}

void JourneyDock::fitScale() {
  if (largestScale_ <= 1.0) {
    view_->setScale(largestScale_);
    return;
  }
  // The room beside a vertical scroll bar, whether one shows or not: the scale must not depend
  // on the bar its own size brings, or the two would chase each other.
  const double room =
      scroll_->maximumViewportSize().width() - scroll_->verticalScrollBar()->sizeHint().width() - 4;
  const double natural = view_->diagramSize().width() + 1;  // the view rounds its size up
  view_->setScale(std::clamp(room / natural, 1.0, largestScale_));
}

bool JourneyDock::eventFilter(QObject* watched, QEvent* event) {
  if (watched == scroll_ && event->type() == QEvent::Resize) fitScale();
  return QDockWidget::eventFilter(watched, event);
}

}  // namespace brokerlab::ui
