// libFuzzer target on scenario loading: parseScenario (JSON syntax, the format's shape and
// validateScenario's rules) must never crash, hang or leak on any input, and a scenario that loads
// must survive a save/load cycle: writeScenario's text is a fixed point of load-then-save, and the
// reloaded scenario equals the first one. Any failure aborts, which libFuzzer records as a crash.
// Built by the `fuzz` preset; run with `scripts/brokerlab fuzz [SECONDS]` (docs/hardening.md).

#include "scenario/ScenarioReader.h"
#include "scenario/ScenarioWriter.h"

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

namespace {

[[noreturn]] void fail(const char* what, const std::string& first, const std::string& second) {
  std::fprintf(stderr, "fuzz_scenario: %s\n--- first ---\n%s\n--- second ---\n%s\n", what,
               first.c_str(), second.c_str());
  std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace brokerlab;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const ScenarioLoadResult loaded = parseScenario(text);
  if (loaded.scenario.has_value() != loaded.issues.empty()) {
    fail("a scenario must be returned exactly when there are no issues", std::string(text), "");
  }
  if (!loaded.ok()) return 0;

  const std::string written = writeScenario(*loaded.scenario);
  const ScenarioLoadResult reloaded = parseScenario(written);
  if (!reloaded.ok()) {
    std::string issues;
    for (const ScenarioIssue& issue : reloaded.issues)
      issues += formatIssue("written", issue) + '\n';
    fail("the written scenario does not load again", written, issues);
  }
  const std::string rewritten = writeScenario(*reloaded.scenario);
  if (rewritten != written) fail("writeScenario is not a fixed point", written, rewritten);
  if (!(*reloaded.scenario == *loaded.scenario)) {
    fail("the reloaded scenario differs from the loaded one", std::string(text), written);
  }
  return 0;
}
