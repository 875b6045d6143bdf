#include "document/ScenarioEditCommand.h"

#include "document/ScenarioDocument.h"

namespace brokerlab::ui {

ScenarioEditCommand::ScenarioEditCommand(ScenarioDocument& document, Scenario before,
                                         Scenario after, const QString& text)
    : QUndoCommand(text),
      document_(document),
      before_(std::move(before)),
      after_(std::move(after)) {}

void ScenarioEditCommand::redo() {
  document_.replaceScenario(after_);
}

void ScenarioEditCommand::undo() {
  document_.replaceScenario(before_);
}

}  // namespace brokerlab::ui
