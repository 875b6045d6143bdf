#pragma once

// Results go to standard output through these, so that a write that fails (a full disk, /dev/full)
// is noticed with the system's reason even when stdio's later flushes report nothing: main() asks
// at the end and exits non-zero. A closed pipe is not seen here: SIGPIPE ends the program quietly.

#include <string>
#include <string_view>

namespace brokerlab::cli {

void printOut(std::string_view text);
[[gnu::format(printf, 1, 2)]] void printfOut(const char* format, ...);

// Flushes standard output; the reason the first write failed ("No space left on device"), or empty.
std::string finishStandardOutput();

}  // namespace brokerlab::cli
