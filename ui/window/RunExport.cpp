#include "window/RunExport.h"

#include "metrics/Report.h"
#include "metrics/ReportJson.h"
#include "metrics/SeriesCatalog.h"
#include "scenario/OutputTarget.h"
#include "sim/Simulator.h"

namespace brokerlab::ui {

bool writeWholeFile(const QString& path, const QString& what, const std::string& text,
                    QString* error) {
  OutputTarget out(path, what);
  if (out.open() && out.write(text) && out.commit()) return true;
  if (error) *error = out.error();
  return false;
}

bool exportReportJson(const Simulator& sim, const QString& path, QString* error) {
  // The window measures no wall time around the engine (it runs in frames): wall_s is 0.
  return writeWholeFile(path, QStringLiteral("report"), formatReportJson(buildReport(sim), 0),
                        error);
}

bool exportMetricsCsv(const Simulator& sim, const QString& path, QString* error) {
  return writeWholeFile(path, QStringLiteral("metrics"), metricsCsv(sim), error);
}

}  // namespace brokerlab::ui
