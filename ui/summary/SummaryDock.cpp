#include "summary/SummaryDock.h"

#include "controller/SimulationController.h"
#include "summary/SummaryText.h"

#include <QLabel>
#include <QScrollBar>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace brokerlab::ui {

SummaryDock::SummaryDock(SimulationController& controller, QWidget* parent)
    : QDockWidget(tr("Summary"), parent), controller_(controller) {
  setObjectName(QStringLiteral("summary"));
  auto* body = new QWidget(this);
  auto* layout = new QVBoxLayout(body);
  status_ = new QLabel(body);
  status_->setWordWrap(true);
  text_ = new QTextBrowser(body);
  text_->setOpenLinks(false);
  // Words whole: a table wider than the dock scrolls sideways (QTextEdit's default broke the
  // headers letter by letter, "queu e", "theor y", in a dock beside the charts).
  text_->setWordWrapMode(QTextOption::WordWrap);
  layout->addWidget(status_);
  layout->addWidget(text_, 1);
  setWidget(body);
  connect(&controller_, &SimulationController::stateChanged, this, &SummaryDock::refresh);
  connect(&controller_, &SimulationController::simulationReset, this, &SummaryDock::refresh);
  connect(this, &QDockWidget::visibilityChanged, this, [this](bool shown) {
    if (shown) refresh();
  });
  // A step or a live fault moves a paused run: the summary follows.
  connect(&controller_, &SimulationController::frameAdvanced, this, [this] {
    if (controller_.state() != SimulationController::RunState::Playing) refresh();
  });
}

QString SummaryDock::html() const {
  return text_->toHtml();
}

void SummaryDock::refresh() {
  if (!controller_.hasSimulation()) return;
  using S = SimulationController::RunState;
  const S state = controller_.state();
  if (state == S::Playing) {
    if (current_)
      status_->setText(
          tr("Playing: the figures below are of the last pause; they "
             "come back up to date at the next one."));
    current_ = false;
    return;
  }
  if (!isVisible()) {  // built when shown (a report is not free on a long run)
    current_ = false;
    return;
  }
  const bool atEnd = state == S::Finished;
  status_->setText(state == S::Halted ? tr("Halted: %1").arg(controller_.haltReason())
                                      : tr("Little's law (depth L = λ·W, with λ the delivery "
                                           "rate) on every queue; the queueing-theory value where "
                                           "the model is a textbook system."));
  const int scroll = text_->verticalScrollBar()->value();
  text_->setHtml(summaryHtml(controller_.simulator(), atEnd));
  text_->verticalScrollBar()->setValue(scroll);
  current_ = true;
}

}  // namespace brokerlab::ui
