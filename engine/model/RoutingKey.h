#pragma once

#include <string_view>

namespace brokerlab {

// AMQP topic-exchange matching: words separated by '.', where '*' in the pattern stands for exactly
// one word and '#' for zero or more ("orders.*" matches "orders.eu", "orders.#" also "orders").
bool bindingMatches(std::string_view pattern, std::string_view key);

}  // namespace brokerlab
