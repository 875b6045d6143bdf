#pragma once

// The rules of asynchronous request-reply for validateScenario: a client's polling, cancelling and
// misbehaving parameters, an api's and a store's own parameters, what makes a consumer a worker,
// and the store a worker writes to, which must be the one of the api whose jobs it runs. The
// references themselves (a client's target, an api's queue and store, a worker's store) are
// resolved by ScenarioValidation. Internal to engine/scenario.

#include "scenario/Scenario.h"
#include "scenario/ValidationChecks.h"

#include <cstddef>
#include <string_view>

namespace brokerlab::detail {

void checkClient(Checks& checks, std::size_t i, const ComponentSpec& client);
void checkApi(Checks& checks, std::size_t i, const ComponentSpec& api);
void checkStore(Checks& checks, std::size_t i, const ComponentSpec& store);

// "role" and "store" of any consumer. `source` is null when the source is missing or wrong
// (reported already). The worker's store reference is resolved by the caller.
void checkConsumerRole(Checks& checks, std::size_t i, const ComponentSpec& consumer,
                       const ComponentSpec* source);

// Every worker reading the queue an api publishes its jobs to names that api's store.
void checkWorkerStores(Checks& checks, const Scenario& scenario, const ComponentIndex& ids);

// Said after "... is an api, but a target must be a queue, a topic or a stream" when a producer or
// a consumer (`key` "target" or "source") names a request-reply component; empty otherwise.
std::string_view requestReplyHint(std::string_view key, ComponentKind named);

}  // namespace brokerlab::detail
