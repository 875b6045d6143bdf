#include "document/LiveChangeCommand.h"

#include "document/ScenarioDocument.h"

#include <algorithm>

namespace brokerlab::ui {

LiveChangeCommand::LiveChangeCommand(ScenarioDocument& document, std::optional<FaultSpec> fault,
                                     std::optional<ActionSpec> action, const QString& text)
    : QUndoCommand(text),
      document_(document),
      fault_(std::move(fault)),
      action_(std::move(action)) {}

void LiveChangeCommand::redo() {
  Scenario s = document_.scenario();
  if (fault_) s.faults.push_back(*fault_);
  if (action_) s.actions.push_back(*action_);
  document_.replaceScenario(s);
}

void LiveChangeCommand::undo() {
  Scenario s = document_.scenario();
  if (fault_) {
    const auto it = std::find(s.faults.rbegin(), s.faults.rend(), *fault_);
    if (it != s.faults.rend()) s.faults.erase(std::next(it).base());
  }
  if (action_) {
    const auto it = std::find(s.actions.rbegin(), s.actions.rend(), *action_);
    if (it != s.actions.rend()) s.actions.erase(std::next(it).base());
  }
  document_.replaceScenario(s);
}

}  // namespace brokerlab::ui
