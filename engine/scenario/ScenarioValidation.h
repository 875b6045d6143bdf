#pragma once

// The rules a scenario must satisfy beyond its JSON shape: ranges, required parameters per kind,
// references between components, dead-letter cycles, layout entries, (TopicStreamValidation)
// the parameters that depend on a target's or source's kind, consumer groups and actions,
// (RequestReplyValidation) clients, apis, stores and workers, and (FaultValidation) faults. Plain
// C++ on the plain-data Scenario, so the reader (after a file), the UI (after an edit) and the
// engine (before a run) all apply the same rules with the same messages.

#include "scenario/Scenario.h"
#include "scenario/ScenarioIssue.h"
#include "scenario/ScenarioRules.h"

#include <vector>

namespace brokerlab {

// Every problem found, in a stable order (document order, then cross-references); empty if valid.
// Issues carry JSON paths ("components[2].instances") but no positions: the scenario has none.
std::vector<ScenarioIssue> validateScenario(const Scenario& scenario);

// What is valid but probably not meant, with paths: a normal distribution whose truncation at 0
// moves its mean by more than 2% (the message gives the effective mean). Empty for an invalid
// scenario, whose errors come first.
std::vector<ScenarioIssue> scenarioWarnings(const Scenario& scenario);

// Both in one pass (the reader's): the errors, and the warnings when there are none.
struct ScenarioCheck {
  std::vector<ScenarioIssue> errors;
  std::vector<ScenarioIssue> warnings;
};
ScenarioCheck checkScenario(const Scenario& scenario);

// The metrics sampling step when "sample_interval" is absent: 100 ms, or duration / 1000 rounded
// up to a whole millisecond when that is larger (so a run never has more than ~1000 samples).
SimTime defaultSampleInterval(SimTime duration);

}  // namespace brokerlab
