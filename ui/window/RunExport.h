#pragma once

// The run's results as brokerlab-cli writes them, for File → Export: the report of `run --json`
// and the series of `run --metrics-csv`, of the run as far as it has gone. Written whole or not at
// all (OutputTarget): a failed write keeps the old file and says why.

#include <QString>

#include <string>

namespace brokerlab {
class Simulator;
}

namespace brokerlab::ui {

bool exportReportJson(const Simulator& sim, const QString& path, QString* error);
// `text` to `path`, whole or not at all; `what` names it in an error ("cannot write metrics …").
bool writeWholeFile(const QString& path, const QString& what, const std::string& text,
                    QString* error);
bool exportMetricsCsv(const Simulator& sim, const QString& path, QString* error);

}  // namespace brokerlab::ui
