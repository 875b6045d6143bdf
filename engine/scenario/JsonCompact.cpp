#include "scenario/Json.h"
#include "scenario/JsonWriter.h"

namespace brokerlab::json {

namespace {

void append(const Value& v, std::string& out) {
  switch (v.type) {
    case Type::Null:
      out += "null";
      return;
    case Type::Bool:
      out += v.boolean ? "true" : "false";
      return;
    case Type::Number:
      out += v.text;
      return;
    case Type::String:
      out += quoted(v.text);
      return;
    case Type::Array:
      out += '[';
      for (std::size_t i = 0; i < v.items.size(); ++i) {
        if (i > 0) out += ',';
        append(v.items[i], out);
      }
      out += ']';
      return;
    case Type::Object:
      out += '{';
      for (std::size_t i = 0; i < v.members.size(); ++i) {
        if (i > 0) out += ',';
        out += quoted(v.members[i].key);
        out += ':';
        append(v.members[i].value, out);
      }
      out += '}';
      return;
  }
}

}  // namespace

std::string compactText(const Value& value) {
  std::string out;
  append(value, out);
  return out;
}

Value stringValue(std::string text) {
  Value v;
  v.type = Type::String;
  v.text = std::move(text);
  return v;
}

Value numberValue(std::string text) {
  Value v;
  v.type = Type::Number;
  v.text = std::move(text);
  return v;
}

Value valueOfText(std::string_view text) {
  const ParseResult parsed = parse(text);
  if (parsed.root && parsed.errors.empty()) return *parsed.root;
  return stringValue(std::string(text));
}

}  // namespace brokerlab::json
