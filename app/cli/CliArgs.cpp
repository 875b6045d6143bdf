#include "CliArgs.h"

#include "base/WholeNumber.h"

namespace brokerlab::cli {

std::optional<std::uint64_t> parseUnsigned(const std::string& text) {
  return parseWholeNumber(text);
}

}  // namespace brokerlab::cli
