#pragma once

// Simulation > Sweep: the open scenario over a grid of one or two parameters (values written as
// `brokerlab-cli sweep --set` takes them: 1..8, 50,100,200, 80ms,120ms), each point with several
// seeds, run off the UI thread with a progress bar and Cancel; then one key figure, chosen from
// those the sweep produced, plotted against the first parameter with its 95% confidence band (one
// curve per value of the second), and the CLI's CSV exported. The widgets show and forward: the
// model checks the grid and builds the table, the bridge runs it.

#include "sweep/SweepModel.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;

namespace brokerlab::ui {

class SweepChart;
class SweepRunnerBridge;

class SweepDialog : public QDialog {
  Q_OBJECT

 public:
  explicit SweepDialog(const Scenario& scenario, QWidget* parent = nullptr);
  ~SweepDialog() override;

  // The grid's fields, as a user fills them: `axis` 0 is the first parameter, 1 the second
  // (empty `parameter`: none).
  void setAxis(int axis, const QString& parameter, const QString& values);
  void setSeeds(int seeds);
  void setJobs(int jobs);

  SweepModel& model() { return model_; }
  SweepRunnerBridge& runner() { return *runner_; }
  SweepChart& chart() { return *chart_; }
  QString status() const;
  std::string figure() const;  // the key figure plotted
  void showFigure(const std::string& name);
  bool exportCsv(const QString& path, QString* error);

 public slots:
  void run();
  void cancel();

 signals:
  void finished();  // a sweep ended (done, cancelled or failed)

 protected:
  void reject() override;  // Esc or Close: cancels a running sweep first

 private:
  void onProgress(int done, int total);
  void onFinished();
  void onExport();
  void setRunning(bool running);
  void replot();

  SweepModel model_;
  SweepRunnerBridge* runner_;
  QComboBox* parameter_[2];
  QLineEdit* values_[2];
  QCheckBox* second_;
  QSpinBox* seeds_;
  QSpinBox* jobs_;
  QPushButton* run_;
  QPushButton* cancel_;
  QProgressBar* progress_;
  QLabel* status_;
  QComboBox* figure_;
  QPushButton* export_;
  SweepChart* chart_;
};

}  // namespace brokerlab::ui
