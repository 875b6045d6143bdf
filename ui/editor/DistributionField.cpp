#include "editor/DistributionField.h"

#include "editor/FieldValue.h"
#include "scenario/ScenarioRules.h"

#include <QComboBox>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>

namespace brokerlab::ui {

namespace {

QString qs(std::string_view s) {
  return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

}  // namespace

DistributionField::DistributionField(const std::optional<json::Value>& current,
                                     const std::string& fallback, QWidget* parent)
    : QWidget(parent) {
  grid_ = new QGridLayout(this);
  grid_->setContentsMargins(0, 0, 0, 0);
  kind_ = new QComboBox(this);
  kind_->addItem(fallback.empty() ? tr("default") : tr("default (%1)").arg(qs(fallback)));
  for (const std::string_view name : rules::distNames()) kind_->addItem(qs(name));
  grid_->addWidget(kind_, 0, 0, 1, 2);
  // The current value: a duration alone is a constant; an object names its kind.
  std::vector<QString> texts;
  int index = 0;
  if (current && current->isString()) {
    index = 1 + int(DistKind::Constant);
    texts.push_back(qs(current->text));
  } else if (current && current->isObject()) {
    const json::Value* dist = current->find("dist");
    const auto kind = dist ? rules::distFromName(dist->text) : std::nullopt;
    if (kind) {
      index = 1 + int(*kind);
      for (const std::string_view key : rules::parametersOf(*kind).subspan(1))
        texts.push_back(
            textOf(current->find(key) ? std::optional(*current->find(key)) : std::nullopt));
    }
  }
  kind_->setCurrentIndex(index);
  showParameters(texts);
  connect(kind_, &QComboBox::activated, this, [this] {
    // Carry the numbers over where the names match (a mean stays the mean).
    std::vector<QString> carried;
    const int k = kind_->currentIndex() - 1;
    if (k >= 0) {
      for (const std::string_view key : rules::parametersOf(static_cast<DistKind>(k)).subspan(1)) {
        QString text;
        for (std::size_t i = 0; i < labels_.size(); ++i)
          if (labels_[i]->text() == qs(key) ||
              (labels_[i]->text() == QStringLiteral("value") && key == "mean") ||
              (labels_[i]->text() == QStringLiteral("mean") && key == "value"))
            text = edits_[i]->text();
        carried.push_back(text);
      }
    }
    showParameters(carried);
    emit edited();
    emit finished();
  });
}

void DistributionField::showParameters(const std::vector<QString>& texts) {
  for (QLabel* l : labels_) delete l;
  for (QLineEdit* e : edits_) delete e;
  labels_.clear();
  edits_.clear();
  const int k = kind_->currentIndex() - 1;
  if (k < 0) return;
  int row = 1;
  for (const std::string_view key : rules::parametersOf(static_cast<DistKind>(k)).subspan(1)) {
    auto* label = new QLabel(qs(key), this);
    auto* edit = new QLineEdit(this);
    edit->setObjectName(qs(key));
    edit->setText(row - 1 < int(texts.size()) ? texts[std::size_t(row - 1)] : QString());
    edit->setPlaceholderText(key == "k" ? tr("phases, e.g. 3") : tr("e.g. 100ms"));
    grid_->addWidget(label, row, 0);
    grid_->addWidget(edit, row, 1);
    labels_.push_back(label);
    edits_.push_back(edit);
    connect(edit, &QLineEdit::textEdited, this, &DistributionField::edited);
    connect(edit, &QLineEdit::editingFinished, this, &DistributionField::finished);
    ++row;
  }
}

std::optional<json::Value> DistributionField::value() const {
  const int k = kind_->currentIndex() - 1;
  if (k < 0) return std::nullopt;
  const auto kind = static_cast<DistKind>(k);
  if (kind == DistKind::Constant && !edits_.empty()) {
    // A constant is its duration, as files write it.
    auto v = valueFromText(edits_.front()->text());
    return v ? v : json::stringValue("");
  }
  json::Value object;
  object.type = json::Type::Object;
  object.members.push_back({"dist", {}, json::stringValue(std::string(rules::distName(kind)))});
  for (std::size_t i = 0; i < edits_.size(); ++i) {
    const auto v = valueFromText(edits_[i]->text());
    object.members.push_back(
        {labels_[i]->text().toStdString(), {}, v ? *v : json::stringValue("")});
  }
  return object;
}

QLineEdit* DistributionField::parameter(const QString& name) const {
  for (std::size_t i = 0; i < labels_.size(); ++i)
    if (labels_[i]->text() == name) return edits_[i];
  return nullptr;
}

}  // namespace brokerlab::ui
