// Paths into JSON documents as issues name them, and descriptions of values for messages.

#include "scenario/Json.h"
#include "scenario/JsonWriter.h"

#include <algorithm>
#include <charconv>

namespace brokerlab::json {

namespace {

bool isIdentifier(std::string_view key) {
  if (key.empty() || (key[0] >= '0' && key[0] <= '9')) return false;
  return std::all_of(key.begin(), key.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  });
}

}  // namespace

void appendKey(std::string& path, std::string_view key) {
  if (isIdentifier(key)) {
    if (!path.empty()) path += '.';
    path += key;
  } else {
    path += '[' + quoted(key) + ']';
  }
}

std::string describe(const Value& value) {
  constexpr std::size_t kShown = 40;
  switch (value.type) {
    case Type::Null:
      return "null";
    case Type::Bool:
      return value.boolean ? "true" : "false";
    case Type::Number:
      return "the number " +
             (value.text.size() > kShown ? value.text.substr(0, kShown) + "..." : value.text);
    case Type::String: {
      if (value.text.size() <= kShown) return "the string " + quoted(value.text);
      std::size_t cut = kShown;  // do not split a UTF-8 sequence
      while (cut > 0 && (static_cast<unsigned char>(value.text[cut]) & 0xC0) == 0x80) --cut;
      return "the string " + quoted(value.text.substr(0, cut)) + "...";
    }
    case Type::Array:
      return "an array";
    case Type::Object:
      return "an object";
  }
  return "a value";
}

std::string childPath(std::string_view parent, std::string_view key) {
  std::string path(parent);
  appendKey(path, key);
  return path;
}

std::string indexPath(std::string_view parent, std::size_t index) {
  return std::string(parent) + '[' + std::to_string(index) + ']';
}

std::string parentPath(std::string_view path) {
  std::size_t last = 0;
  for (std::size_t i = 0; i < path.size(); ++i) {
    if (path[i] == '.') last = i;
    if (path[i] != '[') continue;
    last = i;
    if (i + 1 < path.size() && path[i + 1] == '"') {  // skip a quoted key, which may hold '.'
      for (i += 2; i < path.size() && path[i] != '"'; ++i) i += path[i] == '\\' ? 1 : 0;
    }
  }
  return std::string(path.substr(0, last));
}

const Value* locate(const Value& root, std::string_view path) {
  const Value* value = &root;
  std::size_t i = 0;
  while (value != nullptr && i < path.size()) {
    if (path[i] == '.') ++i;
    if (i < path.size() && path[i] == '[' && i + 1 < path.size() && path[i + 1] == '"') {
      std::size_t end = i + 2;  // find the closing quote, skipping escapes
      while (end < path.size() && path[end] != '"') end += path[end] == '\\' ? 2 : 1;
      const ParseResult key = parse(path.substr(i + 1, end + 1 - (i + 1)));
      if (!key.root || !key.root->isString()) return nullptr;
      value = value->find(key.root->text);
      i = end + 2;  // past '"]'
    } else if (i < path.size() && path[i] == '[') {
      const std::size_t end = path.find(']', i);
      std::size_t index = 0;
      const auto [ptr, ec] = std::from_chars(path.data() + i + 1, path.data() + end, index);
      if (end == std::string_view::npos || ec != std::errc{} || !value->isArray() ||
          index >= value->items.size()) {
        return nullptr;
      }
      value = &value->items[index];
      i = end + 1;
    } else {
      const std::size_t end = std::min(path.find_first_of(".[", i), path.size());
      value = value->find(path.substr(i, end - i));
      i = end;
    }
  }
  return value;
}

}  // namespace brokerlab::json
