#include "window/ExportActions.h"

#include "canvas/CanvasExport.h"
#include "canvas/TopologyView.h"
#include "controller/SimulationController.h"
#include "window/RunExport.h"

#include <QAction>
#include <QFileDialog>
#include <QMessageBox>

namespace brokerlab::ui {

ExportActions::ExportActions(TopologyView& canvas, SimulationController& controller,
                             QWidget* window)
    : QObject(window), canvas_(canvas), controller_(controller), window_(window) {
  png_ = new QAction(tr("Export Canvas as &PNG…"), this);
  png_->setToolTip(tr("The whole topology as it is now, as a PNG picture (twice the canvas size)"));
  svg_ = new QAction(tr("Export Canvas as &SVG…"), this);
  svg_->setToolTip(tr("The whole topology as it is now, as an SVG picture"));
  connect(png_, &QAction::triggered, this, [this] { exportCanvas(false); });
  connect(svg_, &QAction::triggered, this, [this] { exportCanvas(true); });
  json_ = new QAction(tr("Export Report as &JSON…"), this);
  json_->setToolTip(
      tr("The report of the run so far, as brokerlab-cli run --json writes it (docs/cli.md)"));
  csv_ = new QAction(tr("Export Metrics as &CSV…"), this);
  csv_->setToolTip(
      tr("Every series of the run so far, the columns of brokerlab-cli run "
         "--metrics-csv (docs/cli.md)"));
  connect(json_, &QAction::triggered, this, [this] { exportRun(true); });
  connect(csv_, &QAction::triggered, this, [this] { exportRun(false); });
}

QList<QAction*> ExportActions::actions() const {
  return {png_, svg_, json_, csv_};
}

void ExportActions::exportCanvas(bool svg) {
  if (!canvas_.topology()) return;
  const QString path = QFileDialog::getSaveFileName(
      window_, svg ? tr("Export the canvas as SVG") : tr("Export the canvas as PNG"),
      svg ? QStringLiteral("canvas.svg") : QStringLiteral("canvas.png"),
      svg ? tr("SVG pictures (*.svg)") : tr("PNG pictures (*.png)"));
  if (path.isEmpty()) return;
  QString error;
  const bool ok = svg ? exportCanvasSvg(*canvas_.topology(), path, &error)
                      : exportCanvasPng(*canvas_.topology(), path, &error);
  if (!ok)
    QMessageBox::critical(window_, tr("Export failed"),
                          tr("%1 was not written: %2").arg(path, error));
}

}  // namespace brokerlab::ui

namespace brokerlab::ui {

void ExportActions::exportRun(bool json) {
  if (!controller_.hasSimulation()) return;
  const QString path = QFileDialog::getSaveFileName(
      window_, json ? tr("Export the report as JSON") : tr("Export the metrics as CSV"),
      json ? QStringLiteral("report.json") : QStringLiteral("metrics.csv"),
      json ? tr("JSON (*.json)") : tr("CSV (*.csv)"));
  if (path.isEmpty()) return;
  QString error;
  const Simulator& sim = controller_.simulator();
  if (!(json ? exportReportJson(sim, path, &error) : exportMetricsCsv(sim, path, &error)))
    QMessageBox::critical(window_, tr("Export failed"),
                          tr("%1 was not written: %2").arg(path, error));
}

}  // namespace brokerlab::ui
