#include "window/BundledScenarios.h"

#include "scenario/ScenarioFile.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

#include <algorithm>

namespace brokerlab::ui {

namespace {
// The order of the README's table: from the first queue to request-reply and faults.
const QStringList kTeachingOrder = {
    QStringLiteral("work-queue"),
    QStringLiteral("traffic-spike"),
    QStringLiteral("fanout-notifications"),
    QStringLiteral("order-events-stream"),
    QStringLiteral("queue-vs-topic-vs-stream"),
    QStringLiteral("async-request-reply"),
    QStringLiteral("polling-vs-webhook"),
    QStringLiteral("push-alternatives"),
    QStringLiteral("consumer-crash-manual-ack"),
    QStringLiteral("consumer-crash-auto-ack"),
    QStringLiteral("poison-dead-letter"),
    QStringLiteral("overflow-policies"),
    QStringLiteral("spike-and-drain"),
    QStringLiteral("scale-out"),
    QStringLiteral("stream-replay"),
    QStringLiteral("stream-consumer-crash"),
    QStringLiteral("broker-restart-durability"),
    QStringLiteral("poll-storm"),
    QStringLiteral("failed-and-unknown-jobs"),
    QStringLiteral("mm1"),
    QStringLiteral("mmc"),
};
}  // namespace

QString bundledScenarioDir() {
  const QString fromEnv = qEnvironmentVariable("BROKERLAB_SCENARIOS");
  if (!fromEnv.isEmpty()) return QDir(fromEnv).absolutePath();
  const QDir bin(QCoreApplication::applicationDirPath());
  for (const QString& relative : {QStringLiteral("../share/brokerlab/scenarios"),
                                  QStringLiteral("../../share/brokerlab/scenarios")}) {
    const QString dir = QDir::cleanPath(bin.absoluteFilePath(relative));
    if (QFileInfo(dir).isDir()) return dir;
  }
  return {};
}

std::vector<BundledScenario> bundledScenarios() {
  std::vector<BundledScenario> out;
  const QString dir = bundledScenarioDir();
  if (dir.isEmpty()) return out;
  const QFileInfoList files =
      QDir(dir).entryInfoList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
  for (const QFileInfo& f : files) {
    const ScenarioLoadResult loaded = loadScenarioFile(f.absoluteFilePath());
    if (!loaded.ok()) continue;
    out.push_back({f.absoluteFilePath(), f.fileName(),
                   QString::fromStdString(loaded.scenario->name),
                   QString::fromStdString(loaded.scenario->description)});
  }
  const auto rank = [](const BundledScenario& s) {
    const qsizetype i = kTeachingOrder.indexOf(QFileInfo(s.file).completeBaseName());
    return i < 0 ? kTeachingOrder.size() : i;
  };
  std::stable_sort(out.begin(), out.end(), [&](const BundledScenario& a, const BundledScenario& b) {
    return rank(a) < rank(b);
  });
  return out;
}

}  // namespace brokerlab::ui
