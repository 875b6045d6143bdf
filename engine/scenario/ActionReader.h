#pragma once

// One entry of "actions" from JSON, for ScenarioReader: its keys, their types and ranges. Whether
// the target is a stream and the group reads it is left to validateScenario, which sees everything.

#include "scenario/Json.h"
#include "scenario/Scenario.h"
#include "scenario/ValueReader.h"

#include <string>

namespace brokerlab::detail {

// Always returns an action, so that indices in the scenario match indices in the file; a missing
// or wrong value leaves its default and is reported here (validateScenario will not repeat it).
ActionSpec readAction(ValueReader& reader, const json::Value& value, const std::string& path);

}  // namespace brokerlab::detail
