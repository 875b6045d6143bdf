#pragma once

// The scenarios that ship with BrokerLab, found at run time relative to the executable, so the
// start page works from a build tree (build/share/brokerlab/scenarios, copied at build time) and
// from an install prefix (PREFIX/share/brokerlab/scenarios beside PREFIX/bin).

#include <QString>
#include <QStringList>

#include <vector>

namespace brokerlab::ui {

struct BundledScenario {
  QString path;
  QString file;  // "work-queue.json"
  QString name;
  QString description;
};

// The folder of bundled scenarios, or an empty string when there is none. The environment
// variable BROKERLAB_SCENARIOS, when set, names it instead.
QString bundledScenarioDir();
// Every readable scenario in that folder, in teaching order (the default, work-queue, first).
std::vector<BundledScenario> bundledScenarios();

}  // namespace brokerlab::ui
