#include "compare/RunPane.h"

#include "canvas/Theme.h"
#include "canvas/TopologyView.h"

#include <QLabel>
#include <QTextDocument>
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
  fitHeaderFont();
  // Its width is the pane's: the text is fitted to it (fitHeader), never the other way round.
  header_->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
  canvas_ = new TopologyView(controller, this);
  layout->addWidget(header_);
  layout->addWidget(canvas_, 1);
}

void RunPane::setRunName(const QString& file, const QString& scenarioName) {
  file_ = file;
  scenarioName_ = scenarioName;
  fitHeader();
}

void RunPane::resizeEvent(QResizeEvent* event) {
  QWidget::resizeEvent(event);
  fitHeader();
}

// The window's type changes with lecture mode: the header stays a size above it.
void RunPane::changeEvent(QEvent* event) {
  QWidget::changeEvent(event);
  if (event->type() != QEvent::FontChange) return;
  fitHeaderFont();
  fitHeader();
}

void RunPane::fitHeaderFont() {
  QFont bigger = font();
  bigger.setPointSizeF(bigger.pointSizeF() * 1.3);
  header_->setFont(bigger);
}

namespace {

QString ellipsized(const QString& text, qsizetype keep) {
  return keep >= text.size() ? text : text.left(keep).trimmed() + QChar(0x2026);
}

}  // namespace

void RunPane::fitHeader() {
  const QString style = letter_ == QStringLiteral("A") ? tr("solid blue and green lines")
                                                       : tr("dashed orange and pink lines");
  const QString lead = QStringLiteral("<b>%1</b> &nbsp;·&nbsp; ").arg(letter_);
  const auto html = [&](const QString& file, const QString& rest) {
    return lead + file.toHtmlEscaped() +
           (rest.isEmpty()
                ? QString()
                : QStringLiteral(" &nbsp;<small>— %1</small>").arg(rest.toHtmlEscaped()));
  };
  QTextDocument measure;
  measure.setDefaultFont(header_->font());
  measure.setDocumentMargin(0);
  const qreal room = width() - 2 * header_->margin() - 2;
  const auto fits = [&](const QString& text) {
    measure.setHtml(text);
    return measure.idealWidth() <= room;
  };
  // The longest prefix (kept + "…", at least a few characters) of `cut` that fits in `make`.
  const auto cutToFit = [&](const QString& cut, auto make) -> QString {
    constexpr qsizetype kShortest = 6;
    qsizetype low = kShortest, high = cut.size() - 1;
    if (high < low || !fits(make(ellipsized(cut, low)))) return {};
    while (low < high) {
      const qsizetype mid = (low + high + 1) / 2;
      if (fits(make(ellipsized(cut, mid))))
        low = mid;
      else
        high = mid - 1;
    }
    return make(ellipsized(cut, low));
  };
  const QString& name = scenarioName_;
  QString text = html(file_, name.isEmpty() ? style : QStringLiteral("%1 (%2)").arg(name, style));
  if (!fits(text)) text = html(file_, name);
  if (!fits(text) && !name.isEmpty())
    text = cutToFit(name, [&](const QString& n) { return html(file_, n); });
  if (text.isEmpty() || !fits(text)) text = html(file_, {});
  if (!fits(text)) text = cutToFit(file_, [&](const QString& f) { return html(f, {}); });
  if (text.isEmpty()) text = lead;
  if (header_->text() != text) header_->setText(text);
  header_->setToolTip(
      QStringLiteral("%1 · %2%3 (%4)")
          .arg(letter_, file_, name.isEmpty() ? QString() : QStringLiteral(" — ") + name, style));
}

QString RunPane::header() const {
  return header_->toolTip();
}

QString RunPane::shownHeader() const {
  return header_->text();
}

}  // namespace brokerlab::ui
