#include "scenario/JsonWriter.h"

#include <array>
#include <charconv>

namespace brokerlab::json {

std::string quoted(std::string_view text) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(text.size() + 2);
  out += '"';
  for (char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\b':
        out += "\\b";
        break;
      case '\f':
        out += "\\f";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (c < 0x20 || c == 0x7f) {
          out += "\\u00";
          out += kHex[c >> 4];
          out += kHex[c & 15];
        } else {
          out += ch;
        }
    }
  }
  out += '"';
  return out;
}

std::string formatNumber(double value) {
  std::array<char, 32> buffer{};
  const auto [end, ec] = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value);
  return ec == std::errc{} ? std::string(buffer.data(), end) : std::string("0");
}

void JsonWriter::newline() {
  out_ += '\n';
  out_.append(2 * stack_.size(), ' ');
}

void JsonWriter::beforeValue() {
  if (afterKey_) {
    afterKey_ = false;
    return;
  }
  if (stack_.empty()) return;
  Frame& frame = stack_.back();
  if (frame.count++ > 0) out_ += frame.inlined ? ", " : ",";
  if (!frame.inlined) newline();
}

void JsonWriter::beginObject(Style style) {
  beforeValue();
  out_ += '{';
  stack_.push_back({style == Style::Inline || (!stack_.empty() && stack_.back().inlined), 0});
}

void JsonWriter::beginArray(Style style) {
  beforeValue();
  out_ += '[';
  stack_.push_back({style == Style::Inline || (!stack_.empty() && stack_.back().inlined), 0});
}

void JsonWriter::end(char close) {
  const Frame frame = stack_.back();
  stack_.pop_back();
  if (!frame.inlined && frame.count > 0) newline();
  out_ += close;
}

void JsonWriter::endObject() {
  end('}');
}
void JsonWriter::endArray() {
  end(']');
}

void JsonWriter::key(std::string_view name) {
  beforeValue();
  out_ += quoted(name);
  out_ += ": ";
  afterKey_ = true;
}

void JsonWriter::string(std::string_view text) {
  beforeValue();
  out_ += quoted(text);
}

void JsonWriter::number(double value) {
  beforeValue();
  out_ += formatNumber(value);
}

void JsonWriter::integer(std::uint64_t value) {
  beforeValue();
  out_ += std::to_string(value);
}

void JsonWriter::integer(std::int64_t value) {
  beforeValue();
  out_ += std::to_string(value);
}

void JsonWriter::boolean(bool value) {
  beforeValue();
  out_ += value ? "true" : "false";
}

void JsonWriter::null() {
  beforeValue();
  out_ += "null";
}

std::string JsonWriter::take() {
  out_ += '\n';
  return std::move(out_);
}

}  // namespace brokerlab::json
