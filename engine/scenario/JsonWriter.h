#pragma once

// Writes canonical JSON text: two-space indentation, members in the order they are written,
// numbers in their shortest round-trip form. The same calls always give the same bytes, which is
// what lets a saved scenario be compared byte for byte with a golden file.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace brokerlab::json {

// `"text"` with the escapes JSON requires; other UTF-8 is written as is.
std::string quoted(std::string_view text);
// The shortest text that reads back as exactly `value` (std::to_chars). Requires a finite value.
std::string formatNumber(double value);

class JsonWriter {
 public:
  // Block containers put each element on its own line; inline ones stay on one line
  // (`{"x": 1, "y": 2}`) and may only contain scalars and other inline containers.
  enum class Style { Block, Inline };

  void beginObject(Style style = Style::Block);
  void endObject();
  void beginArray(Style style = Style::Block);
  void endArray();

  void key(std::string_view name);
  void string(std::string_view text);
  void number(double value);
  void integer(std::uint64_t value);
  void integer(std::int64_t value);
  void boolean(bool value);
  void null();

  // The finished document, ending with a newline.
  std::string take();

 private:
  struct Frame {
    bool inlined = false;
    int count = 0;
  };
  void beforeValue();
  void end(char close);
  void newline();

  std::string out_;
  std::vector<Frame> stack_;
  bool afterKey_ = false;
};

}  // namespace brokerlab::json
