#include "scenario/ScenarioFile.h"

#include "scenario/OutputTarget.h"
#include "scenario/ScenarioRules.h"
#include "scenario/ScenarioWriter.h"

#include <QByteArray>
#include <QFile>
#include <QFileInfo>

namespace brokerlab {

namespace {

ScenarioLoadResult failure(const QString& message) {
  ScenarioLoadResult result;
  result.issues.push_back({"", 0, 0, message.toStdString()});
  return result;
}

QString mebibytes(qint64 bytes) {
  return QString::number(double(bytes) / (1024 * 1024), 'f', 1);
}

QString tooLarge(const QString& mebibytes) {
  return QStringLiteral("the file is %1 MiB; scenario files are limited to 16 MiB").arg(mebibytes);
}

// Reads one byte past the limit: a file can grow after a size check, or be a device or a pipe.
ScenarioText readLimited(QFile& file) {
  constexpr auto kLimit = static_cast<qint64>(limits::kMaxFileBytes);
  const QByteArray bytes = file.read(kLimit + 1);
  if (file.error() != QFileDevice::NoError)
    return {{}, QStringLiteral("cannot read: %1").arg(file.errorString()).toStdString()};
  if (bytes.size() > kLimit) return {{}, tooLarge(QStringLiteral("over 16")).toStdString()};
  return {bytes.toStdString(), {}};
}

ScenarioLoadResult parsed(const ScenarioText& text) {
  return text.error.empty() ? parseScenario(text.text)
                            : failure(QString::fromStdString(text.error));
}

}  // namespace

ScenarioText readScenarioText(const QString& path) {
  const QFileInfo info(path);
  if (!info.exists()) return {{}, "cannot open: no such file"};
  if (info.isDir()) return {{}, "cannot open: it is a directory, not a file"};
  if (info.size() > static_cast<qint64>(limits::kMaxFileBytes))
    return {{}, tooLarge(mebibytes(info.size())).toStdString()};
  QFile file(path);
  if (!file.open(QIODevice::ReadOnly))
    return {{}, QStringLiteral("cannot open: %1").arg(file.errorString()).toStdString()};
  return readLimited(file);
}

ScenarioText readScenarioStandardInputText() {
  QFile in;
  if (!in.open(stdin, QIODevice::ReadOnly))
    return {{},
            QStringLiteral("cannot read standard input: %1").arg(in.errorString()).toStdString()};
  return readLimited(in);
}

ScenarioLoadResult loadScenarioFile(const QString& path) {
  return parsed(readScenarioText(path));
}

ScenarioLoadResult loadScenarioStandardInput() {
  return parsed(readScenarioStandardInputText());
}

bool saveScenarioFile(const QString& path, const Scenario& scenario, QString* error) {
  OutputTarget file(path, QString());
  if (file.open() && file.write(writeScenario(scenario)) && file.commit()) return true;
  if (error != nullptr) *error = file.error();
  return false;
}

}  // namespace brokerlab
