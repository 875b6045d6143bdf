#pragma once

// The bare reference kernel `bench --vs-reference` measures BrokerLab against: K independent FIFO
// M/M/1 queues in a std::priority_queue of (time, sequence) events, two events per message (an
// arrival and a departure), nothing else (no broker, ledger, trace or metrics). It is the kind of
// hand-written kernel a simulation course starts from, and the fair floor for what a message of
// any discrete-event simulator costs on this machine. Our own code, deliberately plain.
//
// Two ways to draw. Baseline: what the kernel that issue "Performance at scale" measured its
// ratios and set its targets against does (std::mt19937_64, one stream for arrivals and one for
// services, -log1p(-U) / rate), so that the ratio means what the targets mean. Lean: xorshift64*,
// one stream a queue, -log(U) / rate, 1.15 to 1.35 times faster; shown beside, as the stricter
// floor.

#include <cstdint>

namespace brokerlab::cli {

enum class ReferenceDraws { Baseline, Lean };

struct ReferenceWorkload {
  std::uint32_t queues = 1;
  std::uint64_t messagesPerQueue = 1000000;
  double lambda = 0.9;  // arrivals per second, each queue
  double mu = 1.0;      // services per second
  std::uint64_t seed = 1;
  ReferenceDraws draws = ReferenceDraws::Baseline;
};

struct ReferenceResult {
  std::uint64_t messages = 0;
  std::uint64_t events = 0;
  double runS = 0;
  double waitMeanS = 0;  // in the queue, before service (theory for M/M/1: rho / (mu - lambda))
};

ReferenceResult runReferenceKernel(const ReferenceWorkload& w);

}  // namespace brokerlab::cli
