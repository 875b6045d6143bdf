#include "CliArgs.h"

#include <algorithm>

namespace brokerlab::cli {

bool CliArgs::has(const std::string& flag) const {
  return std::find(flags.begin(), flags.end(), flag) != flags.end();
}

std::optional<std::string> CliArgs::value(const std::string& name) const {
  const auto it = values.find(name);
  if (it == values.end()) return std::nullopt;
  return it->second;
}

std::vector<std::string> CliArgs::all(const std::string& name) const {
  const auto it = repeated.find(name);
  return it == repeated.end() ? std::vector<std::string>{} : it->second;
}

CliArgs parseArgs(const std::vector<std::string>& words,
                  const std::vector<std::string>& valueOptions,
                  const std::vector<std::string>& flagOptions) {
  auto contains = [](const std::vector<std::string>& list, const std::string& w) {
    return std::find(list.begin(), list.end(), w) != list.end();
  };
  CliArgs args;
  for (std::size_t i = 0; i < words.size(); ++i) {
    const std::string& w = words[i];
    if (w.size() < 3 || w.compare(0, 2, "--") != 0) {
      args.positional.push_back(w);
      continue;
    }
    const std::size_t eq = w.find('=');
    const std::string name = w.substr(2, eq == std::string::npos ? std::string::npos : eq - 2);
    if (contains(valueOptions, name)) {
      if (eq != std::string::npos) {
        args.values[name] = w.substr(eq + 1);
      } else if (i + 1 < words.size()) {
        args.values[name] = words[++i];
      } else {
        args.error = "option --" + name + " needs a value";
      }
      if (args.error.empty()) args.repeated[name].push_back(args.values[name]);
    } else if (contains(flagOptions, name) && eq == std::string::npos) {
      args.flags.push_back(name);
    } else {
      args.error = "unknown option " + w;
    }
    if (!args.error.empty()) break;
  }
  return args;
}

std::optional<std::uint64_t> parseUnsigned(const std::string& text) {
  if (text.empty() || text.size() > 20) return std::nullopt;
  std::uint64_t v = 0;
  for (const char ch : text) {
    if (ch < '0' || ch > '9') return std::nullopt;
    const std::uint64_t digit = static_cast<std::uint64_t>(ch - '0');
    if (v > (UINT64_MAX - digit) / 10) return std::nullopt;
    v = v * 10 + digit;
  }
  return v;
}

}  // namespace brokerlab::cli
