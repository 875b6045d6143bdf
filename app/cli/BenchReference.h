#pragma once

// `brokerlab-cli bench --vs-reference`: BrokerLab and the bare reference kernel (ReferenceKernel.h)
// on the same workloads, run in turn (A B A B ...) so that both see the same state of a shared
// machine, with each pair's ratio of messages per second and the median of the ratios.

#include <string>

namespace brokerlab::cli {

// `only`: one of the workloads ("mm1", "queues-10k"); empty for both.
int runBenchVsReference(double scale, int pairs, bool json, const std::string& only);

}  // namespace brokerlab::cli
