#pragma once

// A sweep's CSV to a file, whole or not at all (OutputTarget: a temporary file renamed over the
// old one), the same bytes as `brokerlab-cli sweep` writes.

#include <QString>

#include <string>

namespace brokerlab::ui {

bool exportSweepCsv(const std::string& csv, const QString& path, QString* error);

}  // namespace brokerlab::ui
