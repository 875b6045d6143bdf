#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace brokerlab::cli {

// Exit codes shared by every command (docs/cli.md).
inline constexpr int kExitOk = 0;
inline constexpr int kExitInvalidInput = 1;
inline constexpr int kExitUsage = 2;
inline constexpr int kExitInvariant = 3;  // an engine invariant broke: a BrokerLab bug to report

// A command line split into positional words and --options. Which options take a value is given
// by the command, so that `--json FILE` is read as a flag followed by a file.
struct CliArgs {
  std::vector<std::string> positional;
  std::map<std::string, std::string> values;  // --name VALUE or --name=VALUE (the last one)
  std::map<std::string, std::vector<std::string>> repeated;  // every value, in order
  std::vector<std::string> flags;                            // --name
  std::string error;  // set when the line cannot be understood

  bool has(const std::string& flag) const;
  std::optional<std::string> value(const std::string& name) const;
  std::vector<std::string> all(const std::string& name) const;  // an option given repeatedly
};

CliArgs parseArgs(const std::vector<std::string>& words,
                  const std::vector<std::string>& valueOptions,
                  const std::vector<std::string>& flagOptions);

// A decimal integer from 0 to 2^64-1 (seeds, job ids); nothing for anything else.
std::optional<std::uint64_t> parseUnsigned(const std::string& text);

}  // namespace brokerlab::cli
