#pragma once

#include "scenario/Scenario.h"

#include <string>
#include <string_view>
#include <vector>

namespace brokerlab {

// AMQP topic-exchange matching: words separated by '.', where '*' in the pattern stands for exactly
// one word and '#' for zero or more ("orders.*" matches "orders.eu", "orders.#" also "orders").
bool bindingMatches(std::string_view pattern, std::string_view key);

// Whether a subscription bound with `bindings` takes a message with `key`, by exchange type:
// fanout takes everything, direct an equal key, topic a matching pattern (any one: one copy).
bool routes(ExchangeType type, const std::vector<std::string>& bindings, std::string_view key);

}  // namespace brokerlab
