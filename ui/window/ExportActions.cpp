#include "window/ExportActions.h"

#include "canvas/CanvasExport.h"
#include "canvas/TopologyView.h"

#include <QAction>
#include <QFileDialog>
#include <QMessageBox>

namespace brokerlab::ui {

ExportActions::ExportActions(TopologyView& canvas, QWidget* window)
    : QObject(window), canvas_(canvas), window_(window) {
  png_ = new QAction(tr("Export Canvas as &PNG…"), this);
  png_->setToolTip(tr("The whole topology as it is now, as a PNG picture (twice the canvas size)"));
  svg_ = new QAction(tr("Export Canvas as &SVG…"), this);
  svg_->setToolTip(tr("The whole topology as it is now, as an SVG picture"));
  connect(png_, &QAction::triggered, this, [this] { exportCanvas(false); });
  connect(svg_, &QAction::triggered, this, [this] { exportCanvas(true); });
}

QList<QAction*> ExportActions::actions() const {
  return {png_, svg_};
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
