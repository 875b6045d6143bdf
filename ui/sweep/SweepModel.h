#pragma once

// The sweep dialog's model: the open scenario's grid checked as `brokerlab-cli sweep` checks it
// (the same axes, the same assignments to the scenario's document, every point loaded and built
// before anything runs), then the runs' table, its CSV (the CLI's, byte for byte) and what to
// plot. No widget: the dialog shows what this decides.

#include "scenario/ScenarioAssignments.h"
#include "sweep/SweepCsv.h"
#include "sweep/SweepPlot.h"
#include "sweep/SweepRunner.h"

#include <QString>
#include <QStringList>

#include <optional>
#include <string>
#include <vector>

namespace brokerlab::ui {

struct SweepRequest {
  QStringList axes;  // "ID.PARAM=VALUES" each, as `--set` takes them
  std::size_t seeds = 5;
  unsigned jobs = 1;
};

// A grid ready to run: every point's scenario, the seeds, the threads.
struct PreparedSweep {
  std::vector<SweepAxis> axes;
  std::vector<Scenario> points;
  std::vector<std::uint64_t> seeds;
  unsigned jobs = 1;
  std::size_t runs() const { return points.size() * seeds.size(); }
};

class SweepModel {
 public:
  // The scenario as the window holds it (with its edits), as its canonical document.
  explicit SweepModel(const Scenario& scenario);

  // Nothing, with `*error` saying what is wrong as the CLI would, for a bad axis, an axis given
  // twice, too many runs, or a point the loader or the model builder refuses.
  std::optional<PreparedSweep> prepare(const SweepRequest& request, QString* error) const;

  // Keeps the table of a finished (or cancelled) sweep: the points whose every seed finished.
  // False, with `*error`, when a run failed or the runs do not fit together.
  bool setOutcome(const PreparedSweep& sweep, const SweepOutcome& outcome, QString* error);
  void clear() { table_.reset(); }

  bool hasTable() const { return table_.has_value(); }
  const SweepTable& table() const { return *table_; }
  std::string csv() const { return table_ ? sweepCsv(*table_) : std::string(); }
  std::vector<std::string> figures() const;
  SweepPlot plot(const std::string& figure) const;

  // Parameters worth sweeping in this scenario, "workers.instances" (each consumer's instances,
  // prefetch and service mean, each producer's rate, each bounded queue's max_length), with a
  // range of values around the scenario's own for the first.
  QStringList parameters() const { return parameters_; }
  QString suggestedValues(const QString& parameter) const;

 private:
  Scenario scenario_;
  ScenarioAssignments assignments_;
  QStringList parameters_;
  std::optional<SweepTable> table_;
};

}  // namespace brokerlab::ui
