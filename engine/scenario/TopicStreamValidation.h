#pragma once

// The rules of topics and streams for validateScenario: a stream's own parameters, the parameters
// of a producer or consumer that depend on the kind it sends to or reads from, consumer groups
// that must agree on their settings, and scheduled actions. Internal to engine/scenario.

#include "scenario/Scenario.h"
#include "scenario/ValidationChecks.h"

#include <cstddef>

namespace brokerlab::detail {

void checkStream(Checks& checks, std::size_t i, const ComponentSpec& stream);

// routing_key (a topic target), keys and key_skew (a stream target). `target` is null when the
// target is missing or wrong (reported already): then only the values themselves are checked.
void checkMessageKeys(Checks& checks, std::size_t i, const ComponentSpec& producer,
                      const ComponentSpec* target);

// The parameters a consumer takes depend on its source's kind (a queue, a topic or a stream).
void checkConsumerOf(Checks& checks, std::size_t i, const ComponentSpec& consumer,
                     const ComponentSpec& source);

// Consumers of one stream with one group name are one group: what they set must agree.
void checkConsumerGroups(Checks& checks, const Scenario& scenario, const ComponentIndex& ids);

void checkActions(Checks& checks, const Scenario& scenario, const ComponentIndex& ids);

}  // namespace brokerlab::detail
