#include "window/LoadErrorsDialog.h"

#include <QDialogButtonBox>
#include <QFileInfo>
#include <QLabel>
#include <QPlainTextEdit>
#include <QVBoxLayout>

namespace brokerlab::ui {

QStringList LoadErrorsDialog::lines(const QString& path, const std::vector<ScenarioIssue>& issues) {
  QStringList out;
  for (const ScenarioIssue& issue : issues)
    out << QString::fromStdString(formatIssue(path.toStdString(), issue));
  return out;
}

LoadErrorsDialog::LoadErrorsDialog(const QString& path, const std::vector<ScenarioIssue>& issues,
                                   bool documentOpen, QWidget* parent)
    : QDialog(parent) {
  setWindowTitle(tr("Cannot open %1").arg(QFileInfo(path).fileName()));
  auto* layout = new QVBoxLayout(this);
  auto* heading =
      new QLabel(tr("<b>%1 has %n problem(s)</b>. %2", nullptr, static_cast<int>(issues.size()))
                     .arg(path.toHtmlEscaped(), documentOpen ? tr("The open scenario is unchanged.")
                                                             : tr("Nothing was opened.")),
                 this);
  heading->setWordWrap(true);
  auto* list = new QPlainTextEdit(this);
  list->setReadOnly(true);
  list->setObjectName(QStringLiteral("issues"));
  list->setPlainText(lines(path, issues).join(QLatin1Char('\n')));
  list->setLineWrapMode(QPlainTextEdit::WidgetWidth);
  QFont mono(QStringLiteral("DejaVu Sans Mono"));
  mono.setStyleHint(QFont::Monospace);
  list->setFont(mono);
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
  layout->addWidget(heading);
  layout->addWidget(list, 1);
  layout->addWidget(buttons);
  resize(760, 360);
}

}  // namespace brokerlab::ui
