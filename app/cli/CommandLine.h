#pragma once

// One command's line, read by QCommandLineParser: -h/--help on every command, the usual messages
// for an unknown option or a missing value, and an option given twice is a usage error (which of
// the two was meant?) unless the command lets it repeat (fuzz --scenario).

#include <QCommandLineParser>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace brokerlab::cli {

class CommandLine {
 public:
  // `synopsis` follows "brokerlab-cli COMMAND [options]": "FILE", "FILE...", "".
  CommandLine(std::string command, const QString& synopsis, const QString& description);

  // `valueName` empty: a flag. `mayRepeat`: every value is kept, in order.
  void option(const QStringList& names, const QString& description, const QString& valueName = {},
              bool mayRepeat = false);
  void positional(const QString& name, const QString& description);

  // Reads the words after the command. Returns the exit code when the command ends here: 0 after
  // printing the help, 2 after a usage error; nothing when the command goes on.
  std::optional<int> parse(const std::vector<std::string>& words);

  bool isSet(const QString& name) const { return parser_->isSet(name); }
  std::optional<std::string> value(const QString& name) const;
  std::vector<std::string> values(const QString& name) const;
  std::vector<std::string> positionals() const;

  // Reads an integer option from `min` to `max` into `out` (left empty when the option is not
  // given). False after printing a usage error naming the range.
  bool integerOption(const QString& name, std::optional<std::uint64_t>& out, std::uint64_t min = 0,
                     std::uint64_t max = UINT64_MAX) const;

  // Prints "brokerlab-cli COMMAND: message", the synopsis and where the help is; returns 2.
  int usage(const std::string& message) const;

 private:
  std::string command_;
  QString synopsis_;
  std::unique_ptr<QCommandLineParser> parser_ = std::make_unique<QCommandLineParser>();
  QStringList repeatable_;
};

}  // namespace brokerlab::cli
