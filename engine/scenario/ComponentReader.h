#pragma once

// One entry of "components" from JSON, for ScenarioReader: the kind decides which parameters are
// allowed; each parameter is checked for its type and range. Cross-references are left to
// validateScenario, which sees all components.

#include "scenario/Json.h"
#include "scenario/Scenario.h"
#include "scenario/ValueReader.h"

#include <string>

namespace brokerlab::detail {

// Always returns a component, so that indices in the scenario match indices in the file; when
// the entry is not an object or its kind is unusable, it is a queue holding only the id (a
// placeholder that satisfies references and adds no issues of its own).
ComponentSpec readComponent(ValueReader& reader, const json::Value& value, const std::string& path);

}  // namespace brokerlab::detail
