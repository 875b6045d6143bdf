#pragma once

// Text from a scenario file shown on a terminal: a name may hold any character, and control
// characters (ESC, BEL, the C1 range) would be read by the terminal as commands (escape
// injection: retitle the window, hide text, move the cursor). They are shown as \u001b instead.

#include <string>
#include <string_view>

namespace brokerlab::cli {

std::string terminalText(std::string_view text);

}  // namespace brokerlab::cli
