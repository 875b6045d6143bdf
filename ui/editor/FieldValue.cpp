#include "editor/FieldValue.h"

#include <QStringList>

namespace brokerlab::ui {

std::optional<json::Value> valueFromText(const QString& text) {
  const std::string typed = text.trimmed().toStdString();
  if (typed.empty()) return std::nullopt;
  return json::valueOfText(typed);
}

std::optional<json::Value> wordsFromText(const QString& text) {
  QStringList words = text.split(QLatin1Char(','), Qt::SkipEmptyParts);
  for (QString& w : words) w = w.trimmed();
  words.removeAll(QString());
  if (words.isEmpty()) return std::nullopt;
  if (words.size() == 1) return json::stringValue(words.first().toStdString());
  json::Value list;
  list.type = json::Type::Array;
  for (const QString& w : words) list.items.push_back(json::stringValue(w.toStdString()));
  return list;
}

QString textOf(const std::optional<json::Value>& value) {
  if (!value) return {};
  switch (value->type) {
    case json::Type::String:
    case json::Type::Number:
      return QString::fromStdString(value->text);
    case json::Type::Bool:
      return value->boolean ? QStringLiteral("true") : QStringLiteral("false");
    case json::Type::Array: {
      QStringList words;
      for (const json::Value& item : value->items)
        words << (item.isString() ? QString::fromStdString(item.text)
                                  : QString::fromStdString(json::compactText(item)));
      return words.join(QStringLiteral(", "));
    }
    default:
      return QString::fromStdString(json::compactText(*value));
  }
}

}  // namespace brokerlab::ui
