#pragma once

#include "model/Model.h"
#include "sim/Trace.h"

#include <QSaveFile>

#include <string>
#include <vector>

namespace brokerlab {
class Simulator;
}

namespace brokerlab::cli {

// The trace as CSV, written while the run goes on (the run pauses when the trace buffer fills)
// and committed atomically at the end, so a failed run never leaves half a file behind.
class TraceCsvWriter {
 public:
  explicit TraceCsvWriter(const std::string& path);
  bool open(std::string* error);
  void write(const Model& model, const std::vector<TraceRecord>& records);
  bool commit(std::string* error);

 private:
  QSaveFile file_;
};

// Every time series of the run, one row per sample: time_s, then <component>.<series> columns.
bool writeMetricsCsv(const std::string& path, const Simulator& sim, std::string* error);

}  // namespace brokerlab::cli
