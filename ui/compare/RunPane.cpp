#include "compare/RunPane.h"

#include "canvas/Theme.h"
#include "canvas/TopologyView.h"

#include <QLabel>
#include <QVBoxLayout>

namespace brokerlab::ui {

RunPane::RunPane(SimulationController& controller, const QString& letter, QWidget* parent)
    : QWidget(parent), letter_(letter) {
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->setSpacing(0);
  header_ = new QLabel(this);
  header_->setTextFormat(Qt::RichText);
  header_->setMargin(6);
  header_->setAutoFillBackground(true);
  // The run's colour in the charts: A blue, B orange.
  const bool a = letter == QStringLiteral("A");
  QPalette band = header_->palette();
  band.setColor(QPalette::Window, QColor(a ? okabeIto::kBlue : okabeIto::kOrange));
  band.setColor(QPalette::WindowText, a ? Qt::white : Qt::black);
  header_->setPalette(band);
  QFont bigger = header_->font();
  bigger.setPointSizeF(bigger.pointSizeF() * 1.3);
  header_->setFont(bigger);
  canvas_ = new TopologyView(controller, this);
  layout->addWidget(header_);
  layout->addWidget(canvas_, 1);
}

void RunPane::setRunName(const QString& file, const QString& scenarioName) {
  const QString style = letter_ == QStringLiteral("A") ? tr("solid blue and green lines")
                                                       : tr("dashed orange and pink lines");
  header_->setText(QStringLiteral("<b>%1</b> &nbsp;·&nbsp; %2 &nbsp;<small>— %3 (%4)</small>")
                       .arg(letter_, file.toHtmlEscaped(), scenarioName.toHtmlEscaped(), style));
  header_->setToolTip(scenarioName);
}

QString RunPane::header() const {
  return header_->text();
}

}  // namespace brokerlab::ui
