#pragma once

// One undo step of the editor: the scenario before and after an edit (an added, connected,
// removed or renamed component, a parameter, a move of the layout). A scenario is small plain data,
// so keeping both whole is simpler and safer than inverting each kind of edit.

#include "scenario/Scenario.h"

#include <QUndoCommand>

namespace brokerlab::ui {

class ScenarioDocument;

class ScenarioEditCommand : public QUndoCommand {
 public:
  ScenarioEditCommand(ScenarioDocument& document, Scenario before, Scenario after,
                      const QString& text);
  void redo() override;
  void undo() override;

 private:
  ScenarioDocument& document_;
  Scenario before_;
  Scenario after_;
};

}  // namespace brokerlab::ui
