#pragma once

// How the property editor lets a person enter each parameter of the scenario format: a choice
// among a reference's candidates or an enumeration's names, a distribution's kind and numbers, a
// list of words, or a value typed as the file would hold it (a duration "100ms", a number). The
// loader still decides what is valid; this only picks the widget and the hint.

#include "scenario/Scenario.h"

#include <span>
#include <string_view>

namespace brokerlab::ui {

enum class ParameterKind {
  Reference,     // another component's id: target, source, queue, store, dead_letter
  Choice,        // one of `choices` (an enumeration of the format)
  Flag,          // true or false
  Distribution,  // a duration, or {"dist": ..., ...}
  Words,         // one or more words: routing keys, binding patterns
  Text,          // a name (a consumer group)
  Duration,      // "100ms", "2s", "1m"
  Number,        // an integer or a decimal number
};

struct ParameterInfo {
  ParameterKind kind = ParameterKind::Number;
  std::span<const std::string_view> choices;  // Choice only
  const char* hint = "";                      // what may be typed, for the tooltip
};

ParameterInfo parameterInfo(ComponentKind component, std::string_view key);

// What a parameter left out means ("1", "manual", "60s", "never"), for the editor's empty fields;
// empty when there is no default (the parameter is required, or its absence means none).
std::string defaultText(ComponentKind component, std::string_view key);

}  // namespace brokerlab::ui
