#pragma once

// One entry of "annotations" from JSON, for ScenarioReader: its keys and their types. Whether its
// time is within the run and its text fits on one line is left to validateScenario, so that an
// annotation built in memory (by the editor) is held to the same rules
// (engine/scenario/AnnotationValidation).

#include "scenario/Json.h"
#include "scenario/Scenario.h"
#include "scenario/ValueReader.h"

#include <string>

namespace brokerlab::detail {

// Always returns an annotation, so that indices in the scenario match indices in the file; a
// missing or wrong value leaves its default and is reported here (validateScenario will not
// repeat it).
AnnotationSpec readAnnotation(ValueReader& reader, const json::Value& value,
                              const std::string& path);

}  // namespace brokerlab::detail
