#pragma once

// The rules of RabbitMQ's queues that depend on each other, for validateScenario: what a queue
// type allows (a delivery limit, which overflow modes, durability), a per-message expiration, a
// consumer that rejects without requeue, and how a topic's exchange type treats bindings.
// Internal to engine/scenario.

#include "scenario/Scenario.h"
#include "scenario/ValidationChecks.h"

#include <cstddef>

namespace brokerlab::detail {

// type, delivery_limit against max_deliveries, overflow and durable of a quorum queue.
void checkQueueType(Checks& checks, std::size_t i, const ComponentSpec& queue);

// A producer's expiration: its target must be a queue or a topic (null: missing, reported).
void checkExpiration(Checks& checks, std::size_t i, const ComponentSpec& producer,
                     const ComponentSpec* target);

// requeue: only a plain consumer with manual ack decides what a failure does.
void checkRequeue(Checks& checks, std::size_t i, const ComponentSpec& consumer);

// A subscription's binding patterns, as its topic's exchange type wants them.
void checkBinding(Checks& checks, std::size_t i, const ComponentSpec& consumer,
                  const ComponentSpec& topic);

}  // namespace brokerlab::detail
