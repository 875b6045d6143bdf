#include "scenario/AnnotationValidation.h"

#include "scenario/DurationText.h"
#include "scenario/Json.h"
#include "scenario/ScenarioRules.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace brokerlab::detail {

namespace {

// The code point that starts at `text[i]` and its length in bytes, or nullopt when the bytes there
// are not UTF-8. Text read from a file is valid UTF-8 (the JSON parser makes sure); text built in
// memory might not be, and would not read back once saved.
std::optional<std::pair<std::uint32_t, std::size_t>> codePointAt(std::string_view text,
                                                                 std::size_t i) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned char lead = byte(i);
  if (lead < 0x80) return std::pair<std::uint32_t, std::size_t>(lead, 1);
  const std::size_t length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC2 ? 2 : 0;
  if (length == 0 || lead > 0xF4 || i + length > text.size()) return std::nullopt;
  std::uint32_t cp = lead & (0xFF >> (length + 1));
  for (std::size_t k = 1; k < length; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) return std::nullopt;
    cp = (cp << 6) | (byte(i + k) & 0x3F);
  }
  const std::uint32_t smallest = length == 2 ? 0x80 : length == 3 ? 0x800 : 0x10000;
  if (cp < smallest || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return std::nullopt;
  return std::pair(cp, length);
}

// What a code point that has no place in a one-line caption is called, or empty when it has one.
// Line and paragraph separators break a line as \n does; C0, DEL and C1 are not text at all.
std::string_view unwanted(std::uint32_t cp) {
  if (cp == '\n') return "a line break";
  if (cp == '\r') return "a carriage return";
  if (cp == '\t') return "a tab";
  if (cp == 0x2028) return "a line separator";
  if (cp == 0x2029) return "a paragraph separator";
  if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F)) return "a control character";
  return {};
}

// "U+000A": at least four hex digits, as Unicode writes them.
std::string codePointName(std::uint32_t cp) {
  std::string digits;
  for (; cp != 0 || digits.size() < 4; cp >>= 4) {
    digits.insert(digits.begin(), "0123456789ABCDEF"[cp & 0xF]);
  }
  return "U+" + digits;
}

// Reports the first thing wrong with a caption's text.
void checkText(Checks& checks, const std::string& path, std::string_view text) {
  if (text.find_first_not_of(' ') == std::string_view::npos) {
    checks.add(path, text.empty() ? "must not be empty: it is the caption the window shows"
                                  : "must not be only spaces: it is the caption the window shows");
    return;
  }
  std::size_t characters = 0;
  for (std::size_t i = 0; i < text.size(); ++characters) {
    const auto point = codePointAt(text, i);
    if (!point) {
      checks.add(path, "is not valid UTF-8 (at byte " + std::to_string(i + 1) + ")");
      return;
    }
    if (const std::string_view what = unwanted(point->first); !what.empty()) {
      checks.add(path, "must be one line without control characters (found " + std::string(what) +
                           ", " + codePointName(point->first) + ", at character " +
                           std::to_string(characters + 1) + ")");
      return;
    }
    i += point->second;
  }
  if (characters > limits::kMaxAnnotationChars) {
    checks.add(path, "is " + std::to_string(characters) + " characters long; the limit is " +
                         std::to_string(limits::kMaxAnnotationChars));
  }
}

}  // namespace

void checkAnnotations(Checks& checks, const Scenario& s) {
  if (s.annotations.size() > limits::kMaxAnnotations) {
    checks.add("annotations", "has " + std::to_string(s.annotations.size()) +
                                  " annotations; the limit is " +
                                  std::to_string(limits::kMaxAnnotations));
    return;
  }
  for (std::size_t i = 0; i < s.annotations.size(); ++i) {
    const AnnotationSpec& a = s.annotations[i];
    const std::string path = json::indexPath("annotations", i);
    const std::string at = json::childPath(path, "at");
    checks.durationValue(at, a.at);
    if (s.duration > 0 && a.at > s.duration) {
      checks.add(at, "must not be later than the scenario's duration (got " + formatDuration(a.at) +
                         " > " + formatDuration(s.duration) +
                         "): a caption after the end is never shown");
    }
    checkText(checks, json::childPath(path, "text"), a.text);
  }
}

}  // namespace brokerlab::detail
