#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace brokerlab::cli {

// Each returns the process exit code (CliArgs.h); errors go to stderr, results to stdout.
int runCommand(const std::vector<std::string>& args);
int validateCommand(const std::vector<std::string>& args);
int benchCommand(const std::vector<std::string>& args);
int formatCommand(const std::vector<std::string>& args);
int traceCommand(const std::vector<std::string>& args);
int fuzzCommand(const std::vector<std::string>& args);
int sweepCommand(const std::vector<std::string>& args);

// Peak resident memory of this process in bytes (VmHWM), 0 when the system does not say.
std::uint64_t peakRssBytes();

}  // namespace brokerlab::cli
