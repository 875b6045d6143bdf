#include "sweep/SweepExport.h"

#include "scenario/OutputTarget.h"

namespace brokerlab::ui {

bool exportSweepCsv(const std::string& csv, const QString& path, QString* error) {
  OutputTarget out(path, QStringLiteral("sweep CSV"));
  if (out.open() && out.write(csv) && out.commit()) return true;
  if (error) *error = out.error();
  return false;
}

}  // namespace brokerlab::ui
