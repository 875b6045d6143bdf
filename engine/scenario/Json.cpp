#include "scenario/Json.h"

#include "scenario/JsonWriter.h"

#include <algorithm>
#include <charconv>
#include <numeric>

namespace brokerlab::json {

namespace {

// Thrown inside the parser only, to unwind to parse() on the first syntax error.
struct SyntaxError {
  Position position;
  std::string message;
};

std::string describeByte(unsigned char c) {
  if (c >= 0x21 && c < 0x7f) return std::string("'") + static_cast<char>(c) + "'";
  static constexpr char kHex[] = "0123456789abcdef";
  return std::string("byte 0x") + kHex[c >> 4] + kHex[c & 15];
}

void appendUtf8(std::string& out, std::uint32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

class Parser {
 public:
  Parser(std::string_view text, const ParseLimits& limits) : text_(text), limits_(limits) {}

  ParseResult run() {
    ParseResult result;
    try {
      if (text_.substr(0, 3) == "\xEF\xBB\xBF") index_ = 3;  // a UTF-8 BOM is harmless
      skipWhitespace();
      if (atEnd()) fail("the document is empty");
      Value root = parseValue(0);
      skipWhitespace();
      if (!atEnd()) fail("unexpected " + describeByte(peek()) + " after the end of the document");
      result.root = std::move(root);
    } catch (const SyntaxError& e) {
      errors_.push_back({e.position, {}, e.message});
    }
    result.errors = std::move(errors_);
    return result;
  }

 private:
  bool atEnd() const { return index_ >= text_.size(); }
  unsigned char peek() const { return static_cast<unsigned char>(text_[index_]); }
  Position here() const { return {line_, column_}; }

  [[noreturn]] void fail(std::string message) { throw SyntaxError{here(), std::move(message)}; }
  [[noreturn]] void fail(Position at, std::string message) {
    throw SyntaxError{at, std::move(message)};
  }

  void advance() {
    const unsigned char c = peek();
    ++index_;
    if (c == '\n') {
      ++line_;
      column_ = 1;
    } else if ((c & 0xC0) != 0x80) {  // continuation bytes belong to the previous code point
      ++column_;
    }
  }

  void skipWhitespace() {
    while (!atEnd() && (peek() == ' ' || peek() == '\t' || peek() == '\n' || peek() == '\r')) {
      advance();
    }
  }

  void expect(char c, const char* context) {
    skipWhitespace();
    if (atEnd()) fail(std::string("unexpected end of input: expected '") + c + "' " + context);
    if (peek() != static_cast<unsigned char>(c)) {
      fail(std::string("expected '") + c + "' " + context + ", found " + describeByte(peek()));
    }
    advance();
  }

  Value parseValue(int depth) {
    skipWhitespace();
    if (atEnd()) fail("unexpected end of input: expected a value");
    Value value;
    value.position = here();
    switch (peek()) {
      case '{':
        parseObject(value, depth + 1);
        break;
      case '[':
        parseArray(value, depth + 1);
        break;
      case '"':
        value.type = Type::String;
        value.text = parseString();
        break;
      case 't':
        parseLiteral(value, "true", Type::Bool, true);
        break;
      case 'f':
        parseLiteral(value, "false", Type::Bool, false);
        break;
      case 'n':
        parseLiteral(value, "null", Type::Null, false);
        break;
      default:
        if (peek() == '-' || (peek() >= '0' && peek() <= '9')) {
          parseNumber(value);
        } else {
          fail("unexpected " + describeByte(peek()) + ": expected a value");
        }
    }
    return value;
  }

  void enter(int depth) {
    if (depth > limits_.maxDepth) {
      fail("nesting is deeper than the limit of " + std::to_string(limits_.maxDepth) + " levels");
    }
  }

  void parseObject(Value& object, int depth) {
    enter(depth);
    object.type = Type::Object;
    advance();  // '{'
    skipWhitespace();
    if (!atEnd() && peek() == '}') return advance();
    const std::size_t pathLength = path_.size();
    for (;;) {
      skipWhitespace();
      if (atEnd()) fail("unexpected end of input: expected a key in quotes");
      if (peek() == '}') fail("trailing comma before '}'");
      if (peek() != '"') fail("expected a key in quotes, found " + describeByte(peek()));
      if (object.members.size() == limits_.maxEntries)
        fail("an object may hold at most " + std::to_string(limits_.maxEntries) + " members");
      Member member;
      member.keyPosition = here();
      member.key = parseString();
      expect(':', "after the key");
      appendKey(path_, member.key);
      member.value = parseValue(depth);
      path_.resize(pathLength);
      object.members.push_back(std::move(member));
      skipWhitespace();
      if (atEnd()) fail("unexpected end of input: expected ',' or '}'");
      if (peek() == '}') break;
      if (peek() != ',') fail("expected ',' or '}' after a member, found " + describeByte(peek()));
      advance();
    }
    advance();  // '}'
    removeDuplicateKeys(object);
  }

  // Sorting indices keeps this O(n log n) even for an object with a million keys; the stable
  // sort keeps equal keys in source order, so the first of each run is the one that is kept.
  void removeDuplicateKeys(Value& object) {
    auto& members = object.members;
    if (members.size() < 2) return;
    std::vector<std::size_t> order(members.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return members[a].key < members[b].key; });
    std::vector<std::size_t> firstOf(members.size());
    std::vector<bool> duplicate(members.size(), false);
    std::size_t first = order[0];
    for (std::size_t i = 1; i < order.size(); ++i) {
      if (members[order[i]].key != members[first].key) {
        first = order[i];
        continue;
      }
      duplicate[order[i]] = true;
      firstOf[order[i]] = first;
    }
    std::vector<Member> kept;
    for (std::size_t i = 0; i < members.size(); ++i) {
      if (!duplicate[i]) continue;
      const Position at = members[firstOf[i]].keyPosition;
      errors_.push_back({members[i].keyPosition, childPath(path_, members[i].key),
                         "duplicate key " + quoted(members[i].key) + " (first at line " +
                             std::to_string(at.line) + ", column " + std::to_string(at.column) +
                             ")"});
    }
    for (std::size_t i = 0; i < members.size(); ++i) {
      if (!duplicate[i]) kept.push_back(std::move(members[i]));
    }
    members = std::move(kept);
  }

  void parseArray(Value& array, int depth) {
    enter(depth);
    array.type = Type::Array;
    advance();  // '['
    skipWhitespace();
    if (!atEnd() && peek() == ']') return advance();
    const std::size_t pathLength = path_.size();
    for (;;) {
      skipWhitespace();
      if (!atEnd() && peek() == ']') fail("trailing comma before ']'");
      if (array.items.size() == limits_.maxEntries)
        fail("an array may hold at most " + std::to_string(limits_.maxEntries) + " elements");
      path_ += '[' + std::to_string(array.items.size()) + ']';
      array.items.push_back(parseValue(depth));
      path_.resize(pathLength);
      skipWhitespace();
      if (atEnd()) fail("unexpected end of input: expected ',' or ']'");
      if (peek() == ']') break;
      if (peek() != ',')
        fail("expected ',' or ']' after an element, found " + describeByte(peek()));
      advance();
    }
    advance();  // ']'
  }

  void parseLiteral(Value& value, std::string_view word, Type type, bool boolean) {
    for (char c : word) {
      if (atEnd() || peek() != static_cast<unsigned char>(c)) {
        fail(value.position, "invalid literal: expected " + std::string(word));
      }
      advance();
    }
    value.type = type;
    value.boolean = boolean;
  }

  void digits(const char* what) {
    if (atEnd() || peek() < '0' || peek() > '9') fail(std::string("invalid number: ") + what);
    while (!atEnd() && peek() >= '0' && peek() <= '9') advance();
  }

  void parseNumber(Value& value) {
    const std::size_t start = index_;
    if (peek() == '-') advance();
    if (!atEnd() && peek() == '0') {
      advance();
      if (!atEnd() && peek() >= '0' && peek() <= '9') {
        fail(value.position, "invalid number: leading zeros are not allowed");
      }
    } else {
      digits("expected a digit");
    }
    if (!atEnd() && peek() == '.') {
      advance();
      digits("expected a digit after '.'");
    }
    if (!atEnd() && (peek() == 'e' || peek() == 'E')) {
      advance();
      if (!atEnd() && (peek() == '+' || peek() == '-')) advance();
      digits("expected a digit in the exponent");
    }
    if (index_ - start > limits_.maxStringBytes) fail(value.position, "number is too long");
    value.type = Type::Number;
    value.text = std::string(text_.substr(start, index_ - start));
  }

  std::uint32_t parseHex4() {
    std::uint32_t cp = 0;
    for (int i = 0; i < 4; ++i) {
      if (atEnd()) fail("unexpected end of input in a \\u escape");
      const unsigned char c = peek();
      int digit = -1;
      if (c >= '0' && c <= '9') digit = c - '0';
      if (c >= 'a' && c <= 'f') digit = c - 'a' + 10;
      if (c >= 'A' && c <= 'F') digit = c - 'A' + 10;
      if (digit < 0) fail("invalid \\u escape: expected 4 hex digits");
      cp = cp * 16 + static_cast<std::uint32_t>(digit);
      advance();
    }
    return cp;
  }

  void parseUnicodeEscape(std::string& out, Position escape) {
    std::uint32_t cp = parseHex4();
    if (cp >= 0xDC00 && cp <= 0xDFFF) fail(escape, "invalid \\u escape: unpaired low surrogate");
    if (cp >= 0xD800 && cp <= 0xDBFF) {
      if (text_.substr(index_, 2) != "\\u") {
        fail(escape, "invalid \\u escape: high surrogate without a low surrogate");
      }
      advance();
      advance();
      const std::uint32_t low = parseHex4();
      if (low < 0xDC00 || low > 0xDFFF) {
        fail(escape, "invalid \\u escape: high surrogate without a low surrogate");
      }
      cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
    }
    appendUtf8(out, cp);
  }

  void parseEscape(std::string& out) {
    const Position escape = here();
    advance();  // '\'
    if (atEnd()) fail("unexpected end of input in an escape sequence");
    const unsigned char c = peek();
    advance();
    switch (c) {
      case '"':
        out += '"';
        break;
      case '\\':
        out += '\\';
        break;
      case '/':
        out += '/';
        break;
      case 'b':
        out += '\b';
        break;
      case 'f':
        out += '\f';
        break;
      case 'n':
        out += '\n';
        break;
      case 'r':
        out += '\r';
        break;
      case 't':
        out += '\t';
        break;
      case 'u':
        parseUnicodeEscape(out, escape);
        break;
      default:
        fail(escape, "invalid escape sequence \\" + std::string(1, static_cast<char>(c)));
    }
  }

  // Copies one UTF-8 encoded code point, rejecting overlong forms, surrogates and > U+10FFFF.
  void copyUtf8(std::string& out) {
    const Position start = here();
    const unsigned char lead = peek();
    int length = 0;
    std::uint32_t cp = 0;
    if (lead >= 0xC2 && lead <= 0xDF) length = 2, cp = lead & 0x1F;
    if (lead >= 0xE0 && lead <= 0xEF) length = 3, cp = lead & 0x0F;
    if (lead >= 0xF0 && lead <= 0xF4) length = 4, cp = lead & 0x07;
    if (length == 0 || index_ + static_cast<std::size_t>(length) > text_.size()) {
      fail(start, "invalid UTF-8 in a string");
    }
    for (int i = 1; i < length; ++i) {
      const auto c = static_cast<unsigned char>(text_[index_ + static_cast<std::size_t>(i)]);
      if ((c & 0xC0) != 0x80) fail(start, "invalid UTF-8 in a string");
      cp = (cp << 6) | (c & 0x3F);
    }
    static constexpr std::uint32_t kMinimum[] = {0, 0, 0x80, 0x800, 0x10000};
    if (cp < kMinimum[length] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
      fail(start, "invalid UTF-8 in a string");
    }
    out.append(text_.substr(index_, static_cast<std::size_t>(length)));
    for (int i = 0; i < length; ++i) advance();
  }

  std::string parseString() {
    const Position start = here();
    advance();  // '"'
    std::string out;
    for (;;) {
      if (atEnd()) fail(start, "unterminated string");
      const unsigned char c = peek();
      if (c == '"') break;
      if (c == '\\') {
        parseEscape(out);
      } else if (c < 0x20) {
        fail("control character in a string (write it as an escape such as \\n)");
      } else if (c >= 0x80) {
        copyUtf8(out);
      } else {
        out += static_cast<char>(c);
        advance();
      }
      if (out.size() > limits_.maxStringBytes) {
        fail(start, "string is longer than the limit of " + std::to_string(limits_.maxStringBytes) +
                        " bytes");
      }
    }
    advance();  // '"'
    return out;
  }

  std::string_view text_;
  ParseLimits limits_;
  std::size_t index_ = 0;
  int line_ = 1;
  int column_ = 1;
  std::string path_;  // of the value being parsed, for duplicate-key messages
  std::vector<ParseError> errors_;
};

bool isPlainInteger(std::string_view text) {
  return text.find_first_of(".eE") == std::string_view::npos;
}

}  // namespace

const Member* Value::findMember(std::string_view key) const {
  for (const Member& member : members) {
    if (member.key == key) return &member;
  }
  return nullptr;
}

const Value* Value::find(std::string_view key) const {
  const Member* member = findMember(key);
  return member != nullptr ? &member->value : nullptr;
}

std::optional<std::uint64_t> Value::toUint64() const {
  if (!isNumber() || !isPlainInteger(text) || text[0] == '-') return std::nullopt;
  std::uint64_t result = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), result);
  if (ec != std::errc{} || end != text.data() + text.size()) return std::nullopt;
  return result;
}

std::optional<std::int64_t> Value::toInt64() const {
  if (!isNumber() || !isPlainInteger(text)) return std::nullopt;
  std::int64_t result = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), result);
  if (ec != std::errc{} || end != text.data() + text.size()) return std::nullopt;
  return result;
}

std::optional<double> Value::toDouble() const {
  if (!isNumber()) return std::nullopt;
  double result = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), result);
  if (ec != std::errc{} || end != text.data() + text.size()) return std::nullopt;
  return result;
}

ParseResult parse(std::string_view text, const ParseLimits& limits) {
  return Parser(text, limits).run();
}

}  // namespace brokerlab::json
