#pragma once

// Simulation > Sweep…: opens a sweep dialog on the open scenario as it is now (with its edits);
// several may be open at once, each with its own copy. Disabled while no scenario is open.

class QAction;
class QWidget;

namespace brokerlab::ui {

class ScenarioDocument;

QAction* sweepAction(QWidget* window, ScenarioDocument* document);

}  // namespace brokerlab::ui
