#pragma once

#include "model/Model.h"
#include "sim/Trace.h"

#include "scenario/OutputTarget.h"

#include <string>
#include <vector>

namespace brokerlab {
class Simulator;
}

namespace brokerlab::cli {

// The trace as CSV, written while the run goes on (the run pauses when the trace buffer fills)
// and committed at the end: a regular file appears whole or not at all (OutputTarget), so a failed
// run or write never leaves half a file behind. Errors carry the system's reason.
class TraceCsvWriter {
 public:
  explicit TraceCsvWriter(const std::string& path);
  bool open(std::string* error);
  // False once a write failed; the run can stop there.
  bool write(const Model& model, const std::vector<TraceRecord>& records);
  bool commit(std::string* error);

 private:
  OutputTarget file_;
};

// Every time series of the run, one row per sample: time_s, then <component>.<series> columns.
bool writeMetricsCsv(const std::string& path, const Simulator& sim, std::string* error);

// Writes `text` whole to `path` ("-": standard output) through an OutputTarget.
bool writeOutput(const std::string& path, const char* what, std::string_view text,
                 std::string* error);

}  // namespace brokerlab::cli
