#include "sweep/SweepAction.h"

#include "document/ScenarioDocument.h"
#include "sweep/SweepDialog.h"
#include "window/ScreenFit.h"

#include <QAction>

namespace brokerlab::ui {

QAction* sweepAction(QWidget* window, ScenarioDocument* document) {
  auto* action = new QAction(QObject::tr("S&weep…"), window);
  action->setToolTip(
      QObject::tr("Run the scenario over a grid of parameter values and plot a key figure with "
                  "its 95% confidence interval"));
  action->setEnabled(document->hasScenario());
  QObject::connect(document, &ScenarioDocument::scenarioReplaced, action,
                   [action, document] { action->setEnabled(document->hasScenario()); });
  QObject::connect(action, &QAction::triggered, window, [window, document] {
    if (!document->hasScenario()) return;
    auto* dialog = new SweepDialog(document->scenario(), window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    fitToScreen(*dialog, dialog->size());
    dialog->show();
  });
  return action;
}

}  // namespace brokerlab::ui
