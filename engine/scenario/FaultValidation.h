#pragma once

// The rules of faults for validateScenario: when a fault may happen, which component each kind
// may hit (a consumer, one instance of it, a producer, a client, a link), the values each kind
// needs and their ranges. The engine resolves faults again (engine/model/FaultResolver) as its
// own last check; everything it would refuse is caught here first, with a JSON path. Internal to
// engine/scenario.

#include "scenario/Scenario.h"
#include "scenario/ValidationChecks.h"

namespace brokerlab::detail {

void checkFaults(Checks& checks, const Scenario& scenario, const ComponentIndex& ids);

}  // namespace brokerlab::detail
