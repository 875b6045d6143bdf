#pragma once

// One entry of "faults" from JSON, for ScenarioReader: its keys (which depend on its kind), their
// types and the ranges a value can be read in. What the target is, whether the kind's required
// values are there and whether they are in range is left to validateScenario, which sees
// everything (engine/scenario/FaultValidation).

#include "scenario/Json.h"
#include "scenario/Scenario.h"
#include "scenario/ValueReader.h"

#include <string>

namespace brokerlab::detail {

// Always returns a fault, so that indices in the scenario match indices in the file; a missing
// or wrong value leaves its default and is reported here (validateScenario will not repeat it).
// A fault whose kind is missing or unknown comes back as a "restart": validation reports a
// restart's problems at the fault itself, which the message here at "kind" hides, so nothing else
// is said about it until the kind is fixed.
FaultSpec readFault(ValueReader& reader, const json::Value& value, const std::string& path);

}  // namespace brokerlab::detail
