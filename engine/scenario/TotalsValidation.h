#pragma once

// Limits on the whole scenario for validateScenario: what the model allocates per unit, added over
// all components (consumer instances, stream partitions and the partitions their readers track).
// Each component can be within its own limit while the sum does not fit in memory: a valid file
// must never pass validation and then abort with std::bad_alloc. Internal to engine/scenario.

#include "scenario/Scenario.h"
#include "scenario/ValidationChecks.h"

namespace brokerlab::detail {

// Reports the component at which a total first goes past its limit (limits::kMaxTotal*).
void checkTotals(Checks& checks, const Scenario& scenario, const ComponentIndex& ids);

}  // namespace brokerlab::detail
