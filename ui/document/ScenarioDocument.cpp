#include "document/ScenarioDocument.h"

#include "scenario/ScenarioFile.h"

#include <QFileInfo>

namespace brokerlab::ui {

ScenarioDocument::ScenarioDocument(QObject* parent) : QObject(parent) {
  connect(&undo_, &QUndoStack::cleanChanged, this,
          [this](bool clean) { emit modifiedChanged(!clean); });
}

std::vector<ScenarioIssue> ScenarioDocument::open(const QString& path) {
  ScenarioLoadResult loaded = loadScenarioFile(path);
  if (!loaded.ok()) {
    if (loaded.issues.empty()) loaded.issues.push_back({{}, 0, 0, "the file could not be read"});
    return loaded.issues;
  }
  scenario_ = std::move(*loaded.scenario);
  loaded_ = true;
  path_ = QFileInfo(path).absoluteFilePath();
  undo_.clear();
  emit filePathChanged(path_);
  emit scenarioReplaced();
  emit modifiedChanged(false);
  return {};
}

bool ScenarioDocument::save(const QString& path, QString* error) {
  if (!saveScenarioFile(path, scenario_, error)) return false;
  path_ = QFileInfo(path).absoluteFilePath();
  undo_.setClean();
  emit filePathChanged(path_);
  emit modifiedChanged(false);
  return true;
}

void ScenarioDocument::reset(const Scenario& scenario) {
  scenario_ = scenario;
  loaded_ = true;
  path_.clear();
  undo_.clear();
  emit filePathChanged(path_);
  emit scenarioReplaced();
  emit modifiedChanged(false);
}

void ScenarioDocument::replaceScenario(const Scenario& scenario) {
  scenario_ = scenario;
  emit scenarioEdited();
}

QString ScenarioDocument::displayName() const {
  if (!path_.isEmpty()) return QFileInfo(path_).fileName();
  if (!scenario_.name.empty()) return QString::fromStdString(scenario_.name);
  return tr("Untitled");
}

}  // namespace brokerlab::ui
