#include "editor/PropertyDock.h"

#include "document/ScenarioDocument.h"
#include "editor/DistributionField.h"
#include "editor/FieldValue.h"
#include "editor/ParameterKinds.h"
#include "editor/TopologyEditor.h"
#include "scenario/ScenarioEdits.h"
#include "scenario/ScenarioRules.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QScrollArea>
#include <QTimer>
#include <QVBoxLayout>

namespace brokerlab::ui {

namespace {

QString qs(std::string_view s) {
  return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

void markBad(QWidget* field, bool bad) {
  if (field) field->setStyleSheet(bad ? QStringLiteral("border: 2px solid #d55e00;") : QString());
}

}  // namespace

PropertyDock::PropertyDock(TopologyEditor& editor, ScenarioDocument& document, QWidget* parent)
    : QDockWidget(tr("Properties"), parent), editor_(editor), document_(document) {
  setObjectName(QStringLiteral("properties"));
  auto* body = new QWidget(this);
  auto* layout = new QVBoxLayout(body);
  scroll_ = new QScrollArea(body);
  scroll_->setWidgetResizable(true);
  scroll_->setFrameShape(QFrame::NoFrame);
  problem_ = new QLabel(body);
  problem_->setWordWrap(true);
  problem_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  problem_->setStyleSheet(QStringLiteral("color: #b34700; font-weight: bold;"));
  problem_->hide();
  layout->addWidget(scroll_, 1);
  layout->addWidget(problem_);
  setWidget(body);
  setMinimumWidth(320);
  connect(&document_, &ScenarioDocument::scenarioEdited, this, &PropertyDock::scheduleRebuild);
  connect(&document_, &ScenarioDocument::scenarioReplaced, this, [this] { showComponent({}); });
  rebuild();
}

void PropertyDock::showComponent(const QString& id) {
  id_ = id;
  scheduleRebuild();
}

// A field's own signal may be what changed the scenario: the form it belongs to goes after that
// signal has returned, never under it.
void PropertyDock::scheduleRebuild() {
  if (rebuildPending_) return;
  rebuildPending_ = true;
  QTimer::singleShot(0, this, [this] {
    rebuildPending_ = false;
    rebuild();
  });
}

std::optional<std::size_t> PropertyDock::index() const {
  const Scenario& s = document_.scenario();
  for (std::size_t i = 0; i < s.components.size(); ++i)
    if (qs(s.components[i].id) == id_) return i;
  return std::nullopt;
}

void PropertyDock::rebuild() {
  fields_.clear();
  idField_ = nullptr;
  showProblem({}, nullptr);
  auto* form = new QWidget;
  auto* rows = new QFormLayout(form);
  rows->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
  rows->setRowWrapPolicy(QFormLayout::WrapLongRows);
  const std::optional<std::size_t> at = document_.hasScenario() ? index() : std::nullopt;
  if (!at) {
    id_.clear();
    if (document_.hasScenario()) addScenarioFields(rows);
    auto* hint = new QLabel(tr("Select a component on the canvas to edit its parameters."), form);
    hint->setWordWrap(true);
    rows->addRow(hint);
    scroll_->setWidget(form);  // deletes the previous form
    return;
  }
  const ComponentSpec& c = document_.scenario().components[*at];
  auto* title = new QLabel(
      tr("<b>%1</b>: %2").arg(id_.toHtmlEscaped(), qs(rules::withArticle(c.kind))), form);
  QFont big = title->font();
  big.setPointSizeF(big.pointSizeF() * 1.2);
  title->setFont(big);
  rows->addRow(title);
  idField_ = new QLineEdit(id_, form);
  idField_->setToolTip(tr("The component's id: 1 to %1 letters, digits, '_', '.' or '-'. "
                          "Renaming changes every reference to it.")
                           .arg(limits::kMaxIdLength));
  connect(idField_, &QLineEdit::textEdited, this, [this](const QString& text) {
    const edits::EditResult r =
        edits::renameComponent(document_.scenario(), id_.toStdString(), text.toStdString());
    showProblem(r.ok() || text == id_ ? QString() : QString::fromStdString(r.error), idField_);
  });
  connect(idField_, &QLineEdit::editingFinished, this, [this] {
    const QString next = idField_->text().trimmed();
    if (next == id_) return;
    if (!editor_.rename(id_, next)) {
      const edits::EditResult r =
          edits::renameComponent(document_.scenario(), id_.toStdString(), next.toStdString());
      showProblem(QString::fromStdString(r.error), idField_);
      return;
    }
    id_ = next;
  });
  rows->addRow(tr("id"), idField_);
  for (const std::string_view key : edits::parametersOf(document_.scenario(), *at)) {
    QWidget* field = makeField(*at, key);
    fields_[qs(key)] = field;
    auto* label = new QLabel(qs(key), form);
    label->setToolTip(field->toolTip());
    rows->addRow(label, field);
  }
  scroll_->setWidget(form);
}

// With no component selected: the scenario's own fields (its name, how long it runs...).
void PropertyDock::addScenarioFields(QFormLayout* rows) {
  auto* title = new QLabel(tr("<b>The scenario</b>"));
  QFont big = title->font();
  big.setPointSizeF(big.pointSizeF() * 1.2);
  title->setFont(big);
  rows->addRow(title);
  for (const std::string_view keyView : edits::kScenarioFields) {
    const std::string key(keyView);
    const bool text = key == "name" || key == "description";
    auto* edit = new QLineEdit(textOf(edits::scenarioFieldValue(document_.scenario(), key)));
    edit->setCursorPosition(0);
    if (key == "seed") edit->setPlaceholderText(tr("default: %1").arg(defaults::kSeed));
    if (key == "sample_interval") edit->setPlaceholderText(tr("default: from the duration"));
    edit->setToolTip(text            ? tr("Text")
                     : key == "seed" ? tr("An integer from 0 to 2^64-1")
                                     : tr("A duration: 250ms, 2s, 1.5m, 1h"));
    const auto value = [edit, text]() -> std::optional<json::Value> {
      if (text) return json::stringValue(edit->text().toStdString());
      return valueFromText(edit->text());
    };
    connect(edit, &QLineEdit::textEdited, this, [this, edit, key, value] {
      const edits::EditResult r = edits::setScenarioField(document_.scenario(), key, value());
      showProblem(r.ok() ? QString() : QString::fromStdString(r.error), edit);
    });
    connect(edit, &QLineEdit::editingFinished, this, [this, edit, key, value] {
      const std::optional<json::Value> now = edits::scenarioFieldValue(document_.scenario(), key);
      const std::optional<json::Value> next = value();
      if ((now ? json::compactText(*now) : "") == (next ? json::compactText(*next) : "")) return;
      const edits::EditResult r = edits::setScenarioField(document_.scenario(), key, next);
      if (!r.ok()) {
        showProblem(QString::fromStdString(r.error), edit);
        return;
      }
      editor_.setScenarioField(key, next);
    });
    fields_[qs(key)] = edit;
    rows->addRow(qs(key), edit);
  }
}

QWidget* PropertyDock::makeField(std::size_t index, std::string_view keyView) {
  const Scenario& s = document_.scenario();
  const ComponentSpec& c = s.components[index];
  const std::string key(keyView);
  const std::optional<json::Value> current = edits::parameterValue(s, index, key);
  const ParameterInfo info = parameterInfo(c.kind, key);
  switch (info.kind) {
    case ParameterKind::Reference: {
      auto* box = new QComboBox;
      const QString now = textOf(current);
      if (now.isEmpty() || key == "dead_letter") box->addItem(tr("(none)"));
      if (!now.isEmpty()) box->addItem(now);
      for (const std::string& candidate : edits::connectableFrom(s, c.id)) {
        const auto link = edits::connectionBetween(s, c.id, candidate);
        if (link && link->owner == c.id && link->key == key) box->addItem(qs(candidate));
      }
      box->setCurrentText(now.isEmpty() ? tr("(none)") : now);
      box->setToolTip(tr("What %1 is connected to; the canvas connects with Shift+drag").arg(id_));
      connect(box, &QComboBox::activated, this, [this, box, key] {
        const QString chosen = box->currentText();
        if (chosen == tr("(none)")) {
          commit(key, std::nullopt, box);
        } else if (key == "target" || key == "source") {
          editor_.connectIds(id_, chosen);  // clears what the former kind of partner took
        } else {
          commit(key, json::stringValue(chosen.toStdString()), box);
        }
      });
      return box;
    }
    case ParameterKind::Choice:
    case ParameterKind::Flag: {
      auto* box = new QComboBox;
      const std::string fallback = defaultText(c.kind, key);
      box->addItem(fallback.empty() ? tr("default") : tr("default (%1)").arg(qs(fallback)));
      if (info.kind == ParameterKind::Flag) {
        box->addItems({QStringLiteral("true"), QStringLiteral("false")});
      } else {
        for (const std::string_view name : info.choices) box->addItem(qs(name));
      }
      box->setCurrentIndex(current ? box->findText(textOf(current)) : 0);
      connect(box, &QComboBox::activated, this, [this, box, key, flag = info.kind] {
        std::optional<json::Value> v;
        if (box->currentIndex() > 0 && flag == ParameterKind::Flag) {
          v = json::Value{};
          v->type = json::Type::Bool;
          v->boolean = box->currentText() == QStringLiteral("true");
        } else if (box->currentIndex() > 0) {
          v = json::stringValue(box->currentText().toStdString());
        }
        commit(key, v, box);
      });
      return box;
    }
    case ParameterKind::Distribution: {
      auto* dist = new DistributionField(current, defaultText(c.kind, key));
      dist->setToolTip(qs(info.hint));
      connect(dist, &DistributionField::edited, this,
              [this, dist, key] { check(key, dist->value(), dist); });
      connect(dist, &DistributionField::finished, this,
              [this, dist, key] { commit(key, dist->value(), dist); });
      return dist;
    }
    default: {
      auto* edit = new QLineEdit(textOf(current));
      const std::string fallback = defaultText(c.kind, key);
      edit->setPlaceholderText(fallback.empty() ? tr("none") : tr("default: %1").arg(qs(fallback)));
      edit->setToolTip(qs(info.hint));
      const bool words = info.kind == ParameterKind::Words;
      const bool text = info.kind == ParameterKind::Text;
      const auto value = [edit, words, text]() -> std::optional<json::Value> {
        if (words) return wordsFromText(edit->text());
        if (text && !edit->text().trimmed().isEmpty())
          return json::stringValue(edit->text().trimmed().toStdString());
        return valueFromText(edit->text());
      };
      connect(edit, &QLineEdit::textEdited, this,
              [this, edit, key, value] { check(key, value(), edit); });
      connect(edit, &QLineEdit::editingFinished, this,
              [this, edit, key, value] { commit(key, value(), edit); });
      return edit;
    }
  }
}

void PropertyDock::check(const std::string& key, const std::optional<json::Value>& value,
                         QWidget* field) {
  const std::optional<std::size_t> at = index();
  if (!at) return;
  const edits::EditResult r = edits::setParameter(document_.scenario(), *at, key, value);
  showProblem(r.ok() ? QString() : QString::fromStdString(r.error), field);
}

void PropertyDock::commit(const std::string& key, const std::optional<json::Value>& value,
                          QWidget* field) {
  const std::optional<std::size_t> at = index();
  if (!at) return;
  const Scenario& s = document_.scenario();
  const std::optional<json::Value> current = edits::parameterValue(s, *at, key);
  const auto text = [](const std::optional<json::Value>& v) {
    return v ? json::compactText(*v) : std::string();
  };
  if (text(current) == text(value)) return;  // nothing to change
  const edits::EditResult r = edits::setParameter(s, *at, key, value);
  if (!r.ok()) {
    showProblem(QString::fromStdString(r.error), field);  // the entry stays for correcting
    return;
  }
  editor_.setParameter(id_, key, value);
}

void PropertyDock::showProblem(const QString& text, QWidget* field) {
  for (const auto& [key, f] : fields_) markBad(f, false);
  markBad(idField_, false);
  problem_->setText(text);
  problem_->setVisible(!text.isEmpty());
  markBad(field, !text.isEmpty());
}

QWidget* PropertyDock::field(const QString& key) const {
  const auto it = fields_.find(key);
  return it == fields_.end() ? nullptr : it->second;
}

QString PropertyDock::problem() const {
  return problem_->text();
}

}  // namespace brokerlab::ui
