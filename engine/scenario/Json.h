#pragma once

// A small JSON document model and parser, written for scenario files rather than speed:
// every value and key remembers where it was in the text (so errors can point at it), numbers keep
// their exact text (so a uint64 seed or a decimal duration is converted without going through a
// double), and limits on depth and string size turn hostile input into an error, never a crash.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace brokerlab::json {

// 1-based line and column (columns count Unicode code points); 0 means unknown.
struct Position {
  int line = 0;
  int column = 0;
  bool operator==(const Position&) const = default;
};

enum class Type { Null, Bool, Number, String, Array, Object };

struct Member;

struct Value {
  Type type = Type::Null;
  bool boolean = false;
  Position position;
  std::string text;             // a string's decoded UTF-8, or a number's exact source text
  std::vector<Value> items;     // array elements
  std::vector<Member> members;  // object members in source order, duplicates removed

  bool isNull() const { return type == Type::Null; }
  bool isBool() const { return type == Type::Bool; }
  bool isNumber() const { return type == Type::Number; }
  bool isString() const { return type == Type::String; }
  bool isArray() const { return type == Type::Array; }
  bool isObject() const { return type == Type::Object; }

  // The member called `key`, or nullptr. Linear: scenario objects are small.
  const Value* find(std::string_view key) const;
  const Member* findMember(std::string_view key) const;

  // A number written without fraction or exponent that fits; nullopt otherwise.
  std::optional<std::uint64_t> toUint64() const;
  std::optional<std::int64_t> toInt64() const;
  // A number as the nearest double; nullopt when it is out of double's range (1e400).
  std::optional<double> toDouble() const;
};

struct Member {
  std::string key;
  Position keyPosition;
  Value value;
};

struct ParseLimits {
  int maxDepth = 256;
  std::size_t maxStringBytes = 1024 * 1024;
  // Entries in one array or object: above every limit of the format (100 000 components, actions
  // or layout entries), low enough that a hostile file fails fast instead of building a huge tree.
  std::size_t maxEntries = 200000;
};

// What went wrong, where. `path` names the enclosing value when it is known (duplicate keys).
struct ParseError {
  Position position;
  std::string path;
  std::string message;
};

// `root` is set unless a fatal syntax error stopped parsing; `errors` may hold non-fatal ones
// (duplicate keys: the first occurrence is kept) even when `root` is set.
struct ParseResult {
  std::optional<Value> root;
  std::vector<ParseError> errors;
};

ParseResult parse(std::string_view text, const ParseLimits& limits = {});

// Paths name a value inside a document the way issues report them: `components[2].instances`;
// keys that are not plain identifiers are quoted: `layout["web.1"]`.
std::string childPath(std::string_view parent, std::string_view key);
void appendKey(std::string& path, std::string_view key);  // childPath in place
std::string indexPath(std::string_view parent, std::size_t index);
// The path without its last segment: "components[2]" for "components[2].instances"; "" at the top.
std::string parentPath(std::string_view path);
// The value a path names, or nullptr. For an object key it is the member's value.
const Value* locate(const Value& root, std::string_view path);

// Short human description of a value for messages: `the number 5`, `the string "abc"`, `an array`.
std::string describe(const Value& value);

// The value as compact JSON text (no spaces), numbers in their exact source text: for a document
// that is changed and read again, which nobody looks at (JsonWriter writes what people read).
std::string compactText(const Value& value);

// Values built in code (for a document changed before it is read again).
Value stringValue(std::string text);
Value numberValue(std::string text);  // the number's JSON text: "4", "0.5"
// A value as a person types it for a scenario: JSON when it reads as JSON (4, 0.5, true, an
// object), else a string ("100ms", "drop-head"), so that nobody has to quote quotes.
Value valueOfText(std::string_view text);

}  // namespace brokerlab::json
