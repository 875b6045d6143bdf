#pragma once

// The open scenario: what is being simulated and saved, its file, and its undo stack (Tiled's
// Document). The window's views and the controller are rebuilt from it; edits (live faults now,
// the editor later) are undo commands that change it. A failed open leaves it untouched.

#include "scenario/Scenario.h"
#include "scenario/ScenarioIssue.h"

#include <QObject>
#include <QString>
#include <QUndoStack>

#include <vector>

namespace brokerlab::ui {

class ScenarioDocument : public QObject {
  Q_OBJECT

 public:
  explicit ScenarioDocument(QObject* parent = nullptr);

  // Reads and validates `path`. On success the document holds it (unmodified, empty undo stack);
  // on failure it is unchanged and every problem comes back with its location.
  std::vector<ScenarioIssue> open(const QString& path);
  // Writes the scenario to `path` atomically; on success it becomes the document's file.
  bool save(const QString& path, QString* error);
  // Replaces the scenario wholesale as a new, unsaved document (no file).
  void reset(const Scenario& scenario);

  const Scenario& scenario() const { return scenario_; }
  bool hasScenario() const { return loaded_; }
  const QString& filePath() const { return path_; }
  QString displayName() const;  // the file's name, or the scenario's name when it has no file
  bool isModified() const { return !undo_.isClean(); }
  QUndoStack* undoStack() { return &undo_; }

  // For undo commands only: swaps in an edited scenario and tells the views.
  void replaceScenario(const Scenario& scenario);

 signals:
  void scenarioReplaced();  // a new scenario was opened or reset: rebuild everything
  void scenarioEdited();    // an edit (or its undo) changed the scenario
  void modifiedChanged(bool modified);
  void filePathChanged(const QString& path);

 private:
  Scenario scenario_;
  bool loaded_ = false;
  QString path_;
  QUndoStack undo_;
};

}  // namespace brokerlab::ui
