#include "model/RoutingKey.h"

#include <vector>

namespace brokerlab {

namespace {

std::vector<std::string_view> words(std::string_view s) {
  std::vector<std::string_view> out;
  std::size_t start = 0;
  for (;;) {
    const std::size_t dot = s.find('.', start);
    out.push_back(
        s.substr(start, dot == std::string_view::npos ? std::string_view::npos : dot - start));
    if (dot == std::string_view::npos) return out;
    start = dot + 1;
  }
}

}  // namespace

bool bindingMatches(std::string_view pattern, std::string_view key) {
  const std::vector<std::string_view> p = words(pattern), k = words(key);
  // reachable[j]: the pattern words so far can match the first j key words. Runs at model build
  // only (once per producer key and subscription), so clarity beats speed here.
  std::vector<bool> reachable(k.size() + 1, false);
  reachable[0] = true;
  for (const std::string_view w : p) {
    std::vector<bool> next(k.size() + 1, false);
    for (std::size_t j = 0; j <= k.size(); ++j) {
      if (!reachable[j]) continue;
      if (w == "#") {
        for (std::size_t m = j; m <= k.size(); ++m) next[m] = true;
      } else if (j < k.size() && (w == "*" || w == k[j])) {
        next[j + 1] = true;
      }
    }
    reachable.swap(next);
  }
  return reachable[k.size()];
}

bool routes(ExchangeType type, const std::vector<std::string>& bindings, std::string_view key) {
  if (type == ExchangeType::Fanout) return true;
  for (const std::string& b : bindings)
    if (type == ExchangeType::Direct ? b == key : bindingMatches(b, key)) return true;
  return false;
}

}  // namespace brokerlab
