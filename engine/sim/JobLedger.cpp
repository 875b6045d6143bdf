#include "sim/JobLedger.h"

#include "sim/Simulator.h"

#include <array>
#include <vector>

namespace brokerlab {

std::string checkJobs(const Simulator& sim) {
  const Model& m = sim.model();
  using StatusCounts = std::array<std::uint64_t, kJobStatusCount>;
  using OutcomeCounts = std::array<std::uint64_t, kClientOutcomeCount>;
  std::vector<StatusCounts> byApi(m.apis.size(), StatusCounts{});
  std::vector<OutcomeCounts> byClient(m.clients.size(), OutcomeCounts{});
  std::vector<std::uint64_t> submitted(m.clients.size(), 0);
  for (const Job& j : sim.jobs()) {
    ++byClient[j.client][static_cast<std::size_t>(j.outcome)];
    ++submitted[j.client];
    if (j.status != JobStatus::None)
      ++byApi[m.clients[j.client].api][static_cast<std::size_t>(j.status)];
  }
  std::string issues;
  auto name = [&](std::uint32_t component) { return m.components[component].id; };
  for (std::uint32_t c = 0; c < m.clients.size(); ++c) {
    const ClientState& cs = sim.clients()[c];
    if (cs.outcomes != byClient[c])
      issues.append(name(m.clients[c].component)).append(": outcome counters disagree with jobs\n");
    std::uint64_t total = 0;
    for (std::uint64_t n : cs.outcomes) total += n;
    if (total != cs.submitted || cs.submitted != submitted[c])
      issues.append(name(m.clients[c].component))
          .append(": ")
          .append(std::to_string(cs.submitted))
          .append(" submitted, ")
          .append(std::to_string(total))
          .append(" in outcomes\n");
  }
  for (std::uint32_t a = 0; a < m.apis.size(); ++a) {
    const ApiState& as = sim.apis()[a];
    if (as.jobs != byApi[a])
      issues.append(name(m.apis[a].component)).append(": job state counters disagree with jobs\n");
    std::uint64_t total = 0;
    for (std::uint64_t n : as.jobs) total += n;
    if (total != as.accepted)
      issues.append(name(m.apis[a].component))
          .append(": ")
          .append(std::to_string(as.accepted))
          .append(" accepted, ")
          .append(std::to_string(total))
          .append(" in store states\n");
  }
  return issues;
}

}  // namespace brokerlab
