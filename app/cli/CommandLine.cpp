#include "CommandLine.h"

#include "CliArgs.h"
#include "StandardOutput.h"

#include <cstdio>

namespace brokerlab::cli {

CommandLine::CommandLine(std::string command, const QString& synopsis, const QString& description)
    : command_(std::move(command)), synopsis_(synopsis) {
  parser_->setApplicationDescription(description);
  parser_->addOption({{"h", "help"}, "Show this help and exit."});
}

void CommandLine::option(const QStringList& names, const QString& description,
                         const QString& valueName, bool mayRepeat) {
  parser_->addOption({names, description, valueName});
  if (mayRepeat) repeatable_ += names;
}

void CommandLine::positional(const QString& name, const QString& description) {
  parser_->addPositionalArgument(name, description);
}

std::optional<int> CommandLine::parse(const std::vector<std::string>& words) {
  QStringList args{QStringLiteral("brokerlab-cli")};
  for (const std::string& w : words) args << QString::fromStdString(w);
  const bool ok = parser_->parse(args);
  if (parser_->isSet(QStringLiteral("help"))) {
    // Qt names the program only when a QCoreApplication exists; none does here.
    QString help = parser_->helpText();
    help.replace(
        QStringLiteral("<executable_name> [options]"),
        QString::fromStdString("brokerlab-cli " + command_) + QStringLiteral(" [options]"));
    printOut(help.toStdString());
    return kExitOk;
  }
  if (!ok) return usage(parser_->errorText().toStdString());
  const QStringList names = parser_->optionNames();  // one entry per occurrence
  for (qsizetype i = 0; i < names.size(); ++i) {
    if (repeatable_.contains(names[i]) || names.indexOf(names[i], i + 1) < 0) continue;
    const QString dashes = names[i].size() == 1 ? QStringLiteral("-") : QStringLiteral("--");
    QString given;
    if (const QStringList v = parser_->values(names[i]); !v.isEmpty())
      given = QStringLiteral(" (") + v.join(QStringLiteral(", ")) + QLatin1Char(')');
    return usage((QStringLiteral("option ") + dashes + names[i] +
                  QStringLiteral(" is given more than once") + given +
                  QStringLiteral(": give it once"))
                     .toStdString());
  }
  return std::nullopt;
}

std::optional<std::string> CommandLine::value(const QString& name) const {
  if (!parser_->isSet(name)) return std::nullopt;
  return parser_->value(name).toStdString();
}

std::vector<std::string> CommandLine::values(const QString& name) const {
  std::vector<std::string> out;
  for (const QString& v : parser_->values(name)) out.push_back(v.toStdString());
  return out;
}

std::vector<std::string> CommandLine::positionals() const {
  std::vector<std::string> out;
  for (const QString& p : parser_->positionalArguments()) out.push_back(p.toStdString());
  return out;
}

bool CommandLine::integerOption(const QString& name, std::optional<std::uint64_t>& out,
                                std::uint64_t min, std::uint64_t max) const {
  const std::optional<std::string> text = value(name);
  if (!text) return true;
  out = parseUnsigned(*text);
  if (out && *out >= min && *out <= max) return true;
  usage("--" + name.toStdString() + " must be an integer from " + std::to_string(min) + " to " +
        std::to_string(max) + " (got \"" + *text + "\")");
  return false;
}

int CommandLine::usage(const std::string& message) const {
  std::fprintf(stderr,
               "brokerlab-cli %s: %s\nusage: brokerlab-cli %s [options] %s\n(brokerlab-cli %s "
               "--help lists the options)\n",
               command_.c_str(), message.c_str(), command_.c_str(), qPrintable(synopsis_),
               command_.c_str());
  return kExitUsage;
}

}  // namespace brokerlab::cli
