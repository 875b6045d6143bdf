#include "sweep/SweepDialog.h"

#include "sweep/SweepChart.h"
#include "sweep/SweepExport.h"
#include "sweep/SweepRunnerBridge.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

#include <algorithm>
#include <thread>

namespace brokerlab::ui {

SweepDialog::SweepDialog(const Scenario& scenario, QWidget* parent)
    : QDialog(parent), model_(scenario), runner_(new SweepRunnerBridge(this)) {
  setWindowTitle(tr("Sweep: %1").arg(QString::fromStdString(scenario.name)));
  QFont big = font();  // readable from the back of a lecture hall
  big.setPointSizeF(std::max(12.0, big.pointSizeF() * 1.25));
  setFont(big);

  auto* grid = new QGroupBox(tr("Grid (values as brokerlab-cli sweep --set takes them)"));
  auto* g = new QGridLayout(grid);
  const QStringList parameters = model_.parameters();
  for (int i = 0; i < 2; ++i) {
    parameter_[i] = new QComboBox;
    parameter_[i]->setEditable(true);  // any ID.PARAM, not only the suggestions
    parameter_[i]->addItems(parameters);
    parameter_[i]->setMinimumContentsLength(22);
    values_[i] = new QLineEdit;
    values_[i]->setPlaceholderText(tr("1..8  or  50,100,200  or  80ms,120ms"));
    connect(parameter_[i], &QComboBox::currentTextChanged, this,
            [this, i](const QString& p) { values_[i]->setText(model_.suggestedValues(p)); });
  }
  second_ = new QCheckBox(tr("Second parameter"));
  g->addWidget(new QLabel(tr("Parameter")), 0, 0);
  g->addWidget(parameter_[0], 0, 1);
  g->addWidget(new QLabel(tr("Values")), 0, 2);
  g->addWidget(values_[0], 0, 3);
  g->addWidget(second_, 1, 0);
  g->addWidget(parameter_[1], 1, 1);
  g->addWidget(new QLabel(tr("Values")), 1, 2);
  g->addWidget(values_[1], 1, 3);
  g->setColumnStretch(3, 1);
  connect(second_, &QCheckBox::toggled, this, [this](bool on) {
    parameter_[1]->setEnabled(on);
    values_[1]->setEnabled(on);
  });
  if (!parameters.isEmpty()) values_[0]->setText(model_.suggestedValues(parameters.front()));
  if (parameters.size() > 1) {
    parameter_[1]->setCurrentIndex(static_cast<int>(parameters.size()) - 1);
    values_[1]->setText(model_.suggestedValues(parameter_[1]->currentText()));
  }
  parameter_[1]->setEnabled(false);
  values_[1]->setEnabled(false);

  seeds_ = new QSpinBox;
  seeds_->setRange(1, 1000);
  seeds_->setValue(5);
  seeds_->setToolTip(tr("Runs per point: the scenario's seed and the ones after it"));
  jobs_ = new QSpinBox;
  jobs_->setRange(1, 1024);
  jobs_->setValue(static_cast<int>(std::max(1u, std::thread::hardware_concurrency())));
  jobs_->setToolTip(tr("Simulations at a time"));
  run_ = new QPushButton(tr("Run sweep"));
  run_->setDefault(true);
  cancel_ = new QPushButton(tr("Cancel"));
  cancel_->setEnabled(false);
  auto* controls = new QHBoxLayout;
  controls->addWidget(new QLabel(tr("Seeds")));
  controls->addWidget(seeds_);
  controls->addSpacing(12);
  controls->addWidget(new QLabel(tr("Jobs")));
  controls->addWidget(jobs_);
  controls->addStretch(1);
  controls->addWidget(run_);
  controls->addWidget(cancel_);
  g->addLayout(controls, 2, 0, 1, 4);
  progress_ = new QProgressBar;
  progress_->setFormat(tr("%v of %m runs"));
  progress_->setRange(0, 1);
  progress_->setValue(0);
  status_ = new QLabel;
  status_->setWordWrap(true);
  status_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  g->addWidget(progress_, 3, 0, 1, 4);
  g->addWidget(status_, 4, 0, 1, 4);

  figure_ = new QComboBox;
  figure_->setMinimumContentsLength(28);
  figure_->setEnabled(false);
  export_ = new QPushButton(tr("Export CSV…"));
  export_->setEnabled(false);
  auto* plotRow = new QHBoxLayout;
  plotRow->addWidget(new QLabel(tr("Plot")));
  plotRow->addWidget(figure_, 1);
  plotRow->addWidget(export_);
  chart_ = new SweepChart;

  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close);
  connect(buttons, &QDialogButtonBox::rejected, this, &SweepDialog::reject);

  auto* layout = new QVBoxLayout(this);
  layout->addWidget(grid);
  layout->addLayout(plotRow);
  layout->addWidget(chart_, 1);
  layout->addWidget(buttons);

  connect(run_, &QPushButton::clicked, this, &SweepDialog::run);
  connect(cancel_, &QPushButton::clicked, this, &SweepDialog::cancel);
  connect(export_, &QPushButton::clicked, this, &SweepDialog::onExport);
  connect(figure_, &QComboBox::currentIndexChanged, this, &SweepDialog::replot);
  connect(runner_, &SweepRunnerBridge::progress, this, &SweepDialog::onProgress);
  connect(runner_, &SweepRunnerBridge::finished, this, &SweepDialog::onFinished);
  resize(1100, 820);
  run_->setFocus();
}

SweepDialog::~SweepDialog() = default;

void SweepDialog::setAxis(int axis, const QString& parameter, const QString& values) {
  if (axis == 1) second_->setChecked(!parameter.isEmpty());
  parameter_[axis]->setCurrentText(parameter);
  values_[axis]->setText(values);
}

void SweepDialog::setSeeds(int seeds) {
  seeds_->setValue(seeds);
}

void SweepDialog::setJobs(int jobs) {
  jobs_->setValue(jobs);
}

QString SweepDialog::status() const {
  return status_->text();
}

std::string SweepDialog::figure() const {
  return figure_->currentData().toString().toStdString();
}

void SweepDialog::showFigure(const std::string& name) {
  const int i = figure_->findData(QString::fromStdString(name));
  if (i >= 0) figure_->setCurrentIndex(i);
}

void SweepDialog::run() {
  if (runner_->isRunning()) return;
  SweepRequest request;
  for (int i = 0; i < (second_->isChecked() ? 2 : 1); ++i)
    request.axes << parameter_[i]->currentText().trimmed() + QLatin1Char('=') +
                        values_[i]->text().trimmed();
  request.seeds = static_cast<std::size_t>(seeds_->value());
  request.jobs = static_cast<unsigned>(jobs_->value());
  QString error;
  std::optional<PreparedSweep> sweep = model_.prepare(request, &error);
  if (!sweep) {
    status_->setText(error);
    return;
  }
  status_->setText(
      tr("Running %1 points × %2 seeds…").arg(sweep->points.size()).arg(request.seeds));
  setRunning(true);
  runner_->start(std::move(*sweep));
}

void SweepDialog::cancel() {
  runner_->cancel();
}

void SweepDialog::reject() {
  runner_->cancel();  // the runs stop; the bridge's destructor waits for the last of them
  QDialog::reject();
}

void SweepDialog::onProgress(int done, int total) {
  progress_->setRange(0, std::max(1, total));
  progress_->setValue(done);
}

void SweepDialog::onFinished() {
  const SweepOutcome& outcome = runner_->outcome();
  QString error;
  if (!model_.setOutcome(runner_->sweep(), outcome, &error)) {
    status_->setText(tr("The sweep failed: %1").arg(error));
    figure_->clear();
    chart_->clear();
    setRunning(false);
    emit finished();
    return;
  }
  const std::size_t total = runner_->sweep().runs();
  status_->setText(outcome.stopped ? tr("Cancelled after %1 of %2 runs: the table has the points "
                                        "whose every seed finished (%3).")
                                         .arg(outcome.done)
                                         .arg(total)
                                         .arg(model_.table().rows.size())
                                   : tr("%1 runs done.").arg(total));
  const QSignalBlocker block(figure_);
  const std::string keep = figure();
  figure_->clear();
  for (const std::string& name : model_.figures())
    figure_->addItem(figureTitle(name), QString::fromStdString(name));
  showFigure(keep.empty() ? defaultFigure(model_.table()) : keep);
  if (figure_->currentIndex() < 0) showFigure(defaultFigure(model_.table()));
  replot();
  setRunning(false);
  emit finished();
}

void SweepDialog::replot() {
  chart_->show(model_.plot(figure()));
}

void SweepDialog::setRunning(bool running) {
  run_->setEnabled(!running);
  cancel_->setEnabled(running);
  figure_->setEnabled(!running && model_.hasTable());
  export_->setEnabled(!running && model_.hasTable() && !model_.table().rows.empty());
}

bool SweepDialog::exportCsv(const QString& path, QString* error) {
  return exportSweepCsv(model_.csv(), path, error);
}

void SweepDialog::onExport() {
  const QString path =
      QFileDialog::getSaveFileName(this, tr("Export sweep CSV"), QStringLiteral("sweep.csv"),
                                   tr("CSV files (*.csv);;All files (*)"));
  if (path.isEmpty()) return;
  QString error;
  if (!exportCsv(path, &error)) QMessageBox::warning(this, tr("Export sweep CSV"), error);
}

}  // namespace brokerlab::ui
