#pragma once

// The editor's verbs: add a component from the palette, connect two, remove one (and what depends
// on it), rename one, set a parameter, move one on the canvas. Each is worked out by the engine's
// ScenarioEdits on the document's plain scenario and becomes one undo step on the document's stack;
// a refused edit changes nothing and says why (the validator's or the loader's words). The palette,
// the canvas, the menus and the property editor only forward here.

#include "scenario/Json.h"
#include "scenario/ScenarioEdits.h"

#include <QObject>
#include <QPointF>
#include <QString>

#include <optional>
#include <string>

class QAction;
class QMenu;
class QWidget;

namespace brokerlab::ui {

class CanvasEditing;
class ScenarioDocument;
class TopologyView;

class TopologyEditor : public QObject {
  Q_OBJECT

 public:
  TopologyEditor(ScenarioDocument& document, TopologyView& canvas, QWidget* window);
  ~TopologyEditor() override;

  QAction* editMode() const { return editMode_; }    // Ctrl+E: the palette, moves, connections
  QAction* removeAction() const { return remove_; }  // Delete: the selected component
  QAction* renameAction() const { return rename_; }  // F2
  bool editing() const;

  // Each is one undo step when it succeeds; otherwise nothing changes and message() says why.
  bool add(edits::Blueprint blueprint, QPointF scenePos);
  bool connectIds(const QString& from, const QString& to);
  bool remove(const QString& id);
  bool rename(const QString& from, const QString& to);
  bool setParameter(const QString& id, const std::string& key,
                    const std::optional<json::Value>& value);
  // One of the scenario's own fields (edits::kScenarioFields: name, duration...).
  bool setScenarioField(const std::string& key, const std::optional<json::Value>& value);
  // A component was dragged to `centre`: every component's place is saved, so nothing else moves.
  bool move(const QString& id, QPointF centre);

  // The canvas's right-click menu while editing: connect to..., rename, delete.
  void populate(QMenu* menu, const QString& id);
  // With a question listing what goes with it (the Delete key, the menus).
  void removeWithQuestion(const QString& id);
  void renameWithQuestion(const QString& id);
  void setInteractive(bool on) { interactive_ = on; }

 signals:
  void message(const QString& text);
  void editingChanged(bool on);

 private:
  bool apply(const edits::EditResult& result, const QString& text, const QString& select);
  void afterEdit();
  void updateActions();

  ScenarioDocument& document_;
  TopologyView& canvas_;
  QWidget* window_;
  CanvasEditing* canvasEditing_;
  QAction* editMode_;
  QAction* remove_;
  QAction* rename_;
  QString select_;  // the component to select again once the edited scenario is on the canvas
  bool interactive_ = true;
};

}  // namespace brokerlab::ui
