#pragma once

// The property editor: every parameter of the selected component, each with the widget its kind
// of value wants (ParameterKinds), checked as it is typed by the scenario loader itself (its
// message shown under the form, the field marked) and applied, as one undo step, when the field is
// left or a choice made. Left blank, a parameter takes its default. The id is edited here too
// (a rename, everywhere the component is named). With no component selected, it edits the
// scenario's own fields: name, description, seed, duration, sample interval.

#include "scenario/Json.h"

#include <QDockWidget>
#include <QString>

#include <map>
#include <optional>
#include <string>

class QFormLayout;
class QLabel;
class QLineEdit;
class QScrollArea;

namespace brokerlab::ui {

class ScenarioDocument;
class TopologyEditor;

class PropertyDock : public QDockWidget {
  Q_OBJECT

 public:
  PropertyDock(TopologyEditor& editor, ScenarioDocument& document, QWidget* parent = nullptr);

  // The component to edit (by id), or none (empty).
  void showComponent(const QString& id);
  const QString& component() const { return id_; }

  // For tests: a parameter's widget (QLineEdit, QComboBox or DistributionField), the id field,
  // and what the loader said about the entry last refused (empty when the entries are valid).
  QWidget* field(const QString& key) const;
  QLineEdit* idField() const { return idField_; }
  QString problem() const;

 private:
  void scheduleRebuild();
  void rebuild();
  QWidget* makeField(std::size_t index, std::string_view key);
  void addScenarioFields(QFormLayout* rows);
  // A keystroke: is the value what the loader accepts? (nothing is changed)
  void check(const std::string& key, const std::optional<json::Value>& value, QWidget* field);
  // A field left or a choice made: one undo step when it differs from the scenario's.
  void commit(const std::string& key, const std::optional<json::Value>& value, QWidget* field);
  void showProblem(const QString& text, QWidget* field);
  std::optional<std::size_t> index() const;

  TopologyEditor& editor_;
  ScenarioDocument& document_;
  QString id_;
  QScrollArea* scroll_;
  QLabel* problem_;
  QLineEdit* idField_ = nullptr;
  std::map<QString, QWidget*> fields_;
  bool rebuildPending_ = false;
};

}  // namespace brokerlab::ui
