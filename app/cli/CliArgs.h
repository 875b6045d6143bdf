#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace brokerlab::cli {

// Exit codes shared by every command (docs/cli.md).
inline constexpr int kExitOk = 0;
inline constexpr int kExitInvalidInput = 1;
inline constexpr int kExitUsage = 2;
inline constexpr int kExitInvariant = 3;  // an engine invariant broke: a BrokerLab bug to report
inline constexpr int kExitInterrupted = 130;  // Ctrl-C: 128 + SIGINT, as shells report it

// A decimal integer from 0 to 2^64-1 (seeds, job ids); nothing for anything else.
std::optional<std::uint64_t> parseUnsigned(const std::string& text);

}  // namespace brokerlab::cli
