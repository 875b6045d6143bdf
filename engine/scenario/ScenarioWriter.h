#pragma once

// Scenario -> canonical JSON text. Canonical means one spelling per scenario: fixed key order,
// durations in their canonical unit, only the optional fields that are set, layout sorted by id.
// So save(load(f)) is a fixed point, and a diff of two saved files shows only real changes.

#include "scenario/Scenario.h"

#include <string>
#include <vector>

namespace brokerlab {

// The document text, ending with a newline. Expects a scenario that validates.
std::string writeScenario(const Scenario& scenario);

// One component as the document writes it (the window's inspector shows its parameters so).
std::string writeComponentSpec(const ComponentSpec& component);

// A list of faults as the "faults" array of a document holds it (a fault plan to paste in).
std::string writeFaults(const std::vector<FaultSpec>& faults);

}  // namespace brokerlab
