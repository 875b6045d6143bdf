#pragma once

// Which of the document's faults and actions the running model does not have: those applied live
// (or an undo's leftovers). Everything else in the scenario is what the run was built from.

#include "controller/RunTimeline.h"
#include "scenario/Scenario.h"

#include <optional>
#include <vector>

namespace brokerlab::ui {

// The faults and actions of `edited` beyond those of `base` (each of base's matched once), when
// that is all that differs; nullopt when anything else changed (the model must be rebuilt).
std::optional<std::vector<LiveChange>> liveChangesBetween(const Scenario& base,
                                                          const Scenario& edited);

}  // namespace brokerlab::ui
