#pragma once

// The run's results as brokerlab-cli writes them, for File → Export: the report of `run --json`
// and the series of `run --metrics-csv`, of the run as far as it has gone. Written whole or not at
// all (OutputTarget): a failed write keeps the old file and says why.

#include <QString>

namespace brokerlab {
class Simulator;
}

namespace brokerlab::ui {

bool exportReportJson(const Simulator& sim, const QString& path, QString* error);
bool exportMetricsCsv(const Simulator& sim, const QString& path, QString* error);

}  // namespace brokerlab::ui
