#pragma once

// The rules of annotations for validateScenario: a caption is shown at a time within the run, and
// its text is one short line that the canvas can draw as it is (no line breaks, no control
// characters, at most limits::kMaxAnnotationChars characters). Internal to engine/scenario.

#include "scenario/Scenario.h"
#include "scenario/ValidationChecks.h"

namespace brokerlab::detail {

void checkAnnotations(Checks& checks, const Scenario& scenario);

}  // namespace brokerlab::detail
