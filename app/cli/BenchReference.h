#pragma once

// `brokerlab-cli bench --vs-reference`: BrokerLab and the bare reference kernel (ReferenceKernel.h)
// on the same workloads, run in turn (A B A B ...) so that both see the same state of a shared
// machine, with each pair's ratio of messages per second and the median of the ratios.

namespace brokerlab::cli {

int runBenchVsReference(double scale, int pairs, bool json);

}  // namespace brokerlab::cli
