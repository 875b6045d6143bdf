#pragma once

#include <cstdint>

namespace brokerlab {

// Components, messages, jobs and requests refer to each other by index into the simulator's
// vectors, never by pointer (a copy of the state is a checkpoint). This index means "none".
inline constexpr std::uint32_t kNone = 0xffffffffu;

}  // namespace brokerlab
