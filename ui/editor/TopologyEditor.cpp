#include "editor/TopologyEditor.h"

#include "canvas/TopologyView.h"
#include "document/ScenarioDocument.h"
#include "document/ScenarioEditCommand.h"
#include "editor/CanvasEditing.h"
#include "scenario/ScenarioRules.h"

#include <QAction>
#include <QInputDialog>
#include <QMenu>
#include <QMessageBox>
#include <QUndoStack>
#include <QWidget>

namespace brokerlab::ui {

namespace {

QString q(const std::string& text) {
  return QString::fromStdString(text);
}

}  // namespace

TopologyEditor::TopologyEditor(ScenarioDocument& document, TopologyView& canvas, QWidget* window)
    : QObject(window), document_(document), canvas_(canvas), window_(window) {
  canvasEditing_ = new CanvasEditing(*this, canvas_);
  editMode_ = new QAction(tr("&Edit Topology"), this);
  editMode_->setCheckable(true);
  editMode_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
  editMode_->setToolTip(
      tr("Edit the topology: drag components from the palette, drag to move, Shift+drag from one "
         "component to another to connect, Delete to remove, F2 to rename (Ctrl+E)"));
  remove_ = new QAction(tr("&Delete Component"), this);
  remove_->setShortcut(QKeySequence::Delete);
  remove_->setToolTip(tr("Delete the selected component and what cannot exist without it (Del)"));
  rename_ = new QAction(tr("Re&name Component…"), this);
  rename_->setShortcut(QKeySequence(Qt::Key_F2));
  rename_->setToolTip(tr("Give the selected component a new id, everywhere it is named (F2)"));
  connect(editMode_, &QAction::toggled, this, [this](bool on) {
    canvasEditing_->setActive(on);
    updateActions();
    emit editingChanged(on);
    if (on) {
      emit message(
          tr("Editing: drag from the palette to add; drag to move; Shift+drag from one "
             "component to another to connect; Delete removes, F2 renames."));
    }
  });
  connect(remove_, &QAction::triggered, this, [this] { removeWithQuestion(canvas_.selectedId()); });
  connect(rename_, &QAction::triggered, this, [this] { renameWithQuestion(canvas_.selectedId()); });
  connect(&canvas_, &TopologyView::componentSelected, this, &TopologyEditor::updateActions);
  // Connected after the window's own handler (it puts the edited scenario on the canvas first).
  connect(&document_, &ScenarioDocument::scenarioEdited, this, &TopologyEditor::afterEdit);
  updateActions();
}

TopologyEditor::~TopologyEditor() = default;

bool TopologyEditor::editing() const {
  return editMode_->isChecked();
}

void TopologyEditor::updateActions() {
  const bool selected = !canvas_.selectedId().isEmpty();
  remove_->setEnabled(editing() && selected);
  rename_->setEnabled(editing() && selected);
}

bool TopologyEditor::apply(const edits::EditResult& result, const QString& text,
                           const QString& select) {
  if (!result.ok()) {
    emit message(tr("Not changed: %1").arg(q(result.error)));
    return false;
  }
  select_ = select;
  document_.undoStack()->push(
      new ScenarioEditCommand(document_, document_.scenario(), *result.scenario, text));
  return true;
}

void TopologyEditor::afterEdit() {
  if (!select_.isEmpty()) canvas_.selectComponent(select_);
  select_.clear();
  updateActions();
}

bool TopologyEditor::add(edits::Blueprint blueprint, QPointF scenePos) {
  const edits::EditResult r = edits::addComponent(
      document_.scenario(), blueprint, {scenePos.x(), scenePos.y()}, canvas_.positions());
  return apply(r, tr("Add %1").arg(q(r.added)), q(r.added));
}

bool TopologyEditor::connectIds(const QString& from, const QString& to) {
  const Scenario& s = document_.scenario();
  std::string why;
  const auto link = edits::connectionBetween(s, from.toStdString(), to.toStdString(), &why);
  if (!link) {
    emit message(tr("Not connected: %1").arg(q(why)));
    return false;
  }
  const edits::EditResult r = edits::connectComponents(s, from.toStdString(), to.toStdString());
  return apply(r, tr("Connect %1 to %2 (%3)").arg(from, to, q(link->key)), q(link->owner));
}

bool TopologyEditor::remove(const QString& id) {
  const edits::EditResult r = edits::removeComponent(document_.scenario(), id.toStdString());
  const QString what = r.removed.size() > 1
                           ? tr("Delete %1 and %n more", nullptr, int(r.removed.size() - 1)).arg(id)
                           : tr("Delete %1").arg(id);
  return apply(r, what, QString());
}

bool TopologyEditor::rename(const QString& from, const QString& to) {
  const edits::EditResult r =
      edits::renameComponent(document_.scenario(), from.toStdString(), to.toStdString());
  return apply(r, tr("Rename %1 to %2").arg(from, to), to);
}

bool TopologyEditor::setParameter(const QString& id, const std::string& key,
                                  const std::optional<json::Value>& value) {
  const Scenario& s = document_.scenario();
  for (std::size_t i = 0; i < s.components.size(); ++i) {
    if (q(s.components[i].id) != id) continue;
    const edits::EditResult r = edits::setParameter(s, i, key, value);
    const QString text =
        value ? tr("Set %1.%2").arg(id, q(key)) : tr("Reset %1.%2").arg(id, q(key));
    return apply(r, text, id);
  }
  emit message(tr("Not changed: no component has the id %1").arg(id));
  return false;
}

bool TopologyEditor::setScenarioField(const std::string& key,
                                      const std::optional<json::Value>& value) {
  const edits::EditResult r = edits::setScenarioField(document_.scenario(), key, value);
  return apply(r, value ? tr("Set %1").arg(q(key)) : tr("Reset %1").arg(q(key)), QString());
}

bool TopologyEditor::move(const QString& id, QPointF centre) {
  Scenario after = document_.scenario();
  after.layout = canvas_.positions();
  after.layout[id.toStdString()] = {centre.x(), centre.y()};
  if (after == document_.scenario()) return false;
  edits::EditResult r;
  r.scenario = std::move(after);
  return apply(r, tr("Move %1").arg(id), id);
}

void TopologyEditor::populate(QMenu* menu, const QString& id) {
  if (!editing() || id.isEmpty()) return;
  const std::vector<std::string> targets =
      edits::connectableFrom(document_.scenario(), id.toStdString());
  QMenu* connectTo = menu->addMenu(tr("Connect To"));
  connectTo->setToolTipsVisible(true);
  for (const std::string& t : targets) {
    const auto link = edits::connectionBetween(document_.scenario(), id.toStdString(), t);
    QAction* a =
        connectTo->addAction(tr("%1 (its %2)").arg(q(t), q(link->owner + "." + link->key)));
    connect(a, &QAction::triggered, this, [this, id, to = q(t)] { connectIds(id, to); });
  }
  connectTo->setEnabled(!targets.empty());
  menu->addAction(tr("Rename %1…").arg(id), this, [this, id] { renameWithQuestion(id); });
  menu->addAction(tr("Delete %1…").arg(id), this, [this, id] { removeWithQuestion(id); });
  menu->addSeparator();
}

void TopologyEditor::removeWithQuestion(const QString& id) {
  if (id.isEmpty()) return;
  const std::vector<std::string> with = edits::dependentsOf(document_.scenario(), id.toStdString());
  if (interactive_ && !with.empty()) {
    QStringList names;
    for (const std::string& w : with) names << q(w);
    const auto answer = QMessageBox::question(
        window_, tr("Delete %1").arg(id),
        tr("Deleting %1 also deletes what cannot exist without it:\n\n%2\n\nUndo (Ctrl+Z) brings "
           "everything back.")
            .arg(id, names.join(QStringLiteral(", "))),
        QMessageBox::Ok | QMessageBox::Cancel, QMessageBox::Ok);
    if (answer != QMessageBox::Ok) return;
  }
  remove(id);
}

void TopologyEditor::renameWithQuestion(const QString& id) {
  if (id.isEmpty() || !interactive_) return;
  QString next = id;
  for (;;) {
    bool ok = false;
    next = QInputDialog::getText(
        window_, tr("Rename %1").arg(id),
        tr("New id (1 to %1 letters, digits, '_', '.' or '-'):").arg(limits::kMaxIdLength),
        QLineEdit::Normal, next, &ok);
    if (!ok || next == id) return;
    const edits::EditResult r =
        edits::renameComponent(document_.scenario(), id.toStdString(), next.toStdString());
    if (r.ok()) {
      apply(r, tr("Rename %1 to %2").arg(id, next), next);
      return;
    }
    QMessageBox::warning(window_, tr("Rename %1").arg(id), q(r.error));
  }
}

}  // namespace brokerlab::ui
