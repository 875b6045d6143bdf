#pragma once

// Ctrl-C asks a long command (run, fuzz, bench --suite) to stop where it is: the handler only sets
// a flag (nothing else is safe in a signal handler), the command checks it between budgets of work
// and ends with what it has, marked as stopped early, exit 130. A second Ctrl-C ends the program
// at once (the handler is reset after the first).

namespace brokerlab::cli {

void catchInterrupt();
bool interrupted();

}  // namespace brokerlab::cli
