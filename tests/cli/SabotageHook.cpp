// The hook of brokerlab-cli-sabotaged (tests/CMakeLists.txt): the real CLI's commands with an
// engine broken on purpose, as BROKERLAB_SABOTAGE says, so that tests can show each command
// catching it: "ledger" breaks the books (the first invariant check fails: exit 3, fuzz fails),
// "limits" lowers the run limits to 5 messages (run stops at a limit: exit 1).

#include "../../app/cli/SimulatorHook.h"

#include "sim/Simulator.h"

#include <cstdlib>
#include <string>

namespace brokerlab::cli {

void prepareSimulator(Simulator& sim) {
  const char* sabotage = std::getenv("BROKERLAB_SABOTAGE");
  const std::string what = sabotage ? sabotage : "";
  if (what == "ledger") {
    sim.setInvariantChecks(true);
    ++sim.ledgerForTesting().published;  // a message the books count but nothing holds
  } else if (what == "limits") {
    RunLimits limits = sim.limits();
    limits.liveMessages = 5;
    sim.setLimits(limits);
  }
}

}  // namespace brokerlab::cli
