#pragma once

// An undo step for a fault or offset reset applied live: it adds the change (with the instant the
// run gave it) to the scenario's faults or actions, so that saving keeps it and reopening replays
// the run. Undo takes it out again; the window then takes it out of the run too.

#include "scenario/Scenario.h"

#include <QUndoCommand>

#include <optional>

namespace brokerlab::ui {

class ScenarioDocument;

class LiveChangeCommand : public QUndoCommand {
 public:
  LiveChangeCommand(ScenarioDocument& document, std::optional<FaultSpec> fault,
                    std::optional<ActionSpec> action, const QString& text);
  void redo() override;
  void undo() override;

 private:
  ScenarioDocument& document_;
  std::optional<FaultSpec> fault_;
  std::optional<ActionSpec> action_;
};

}  // namespace brokerlab::ui
