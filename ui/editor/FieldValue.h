#pragma once

// Text a person typed in the property editor as the value the file would hold: JSON when it reads
// as JSON (4, 0.5, true, an object), else a string ("100ms", "drop-head"), so that nobody has to
// type quotes; and a file's value back as the text to show.

#include "scenario/Json.h"

#include <QString>

#include <optional>

namespace brokerlab::ui {

// Nothing for blank text (the parameter's default).
std::optional<json::Value> valueFromText(const QString& text);
// One or more words separated by commas: a string, or an array of them.
std::optional<json::Value> wordsFromText(const QString& text);
QString textOf(const std::optional<json::Value>& value);

}  // namespace brokerlab::ui
