#include "window/FileActions.h"

#include "scenario/ScenarioEdits.h"

#include "document/ScenarioDocument.h"
#include "window/BundledScenarios.h"
#include "window/Icons.h"
#include "window/LoadErrorsDialog.h"

#include <QAction>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenu>
#include <QMessageBox>
#include <QSettings>
#include <QWidget>

#include <cstdio>

namespace brokerlab::ui {

namespace {
const QString kRecentKey = QStringLiteral("recentFiles");
const QString kFilter = QStringLiteral("BrokerLab scenarios (*.json);;All files (*)");
}  // namespace

FileActions::FileActions(ScenarioDocument& document, QWidget* window)
    : QObject(window), document_(document), window_(window) {
  new_ = new QAction(tr("&New Design"), this);
  new_->setShortcut(QKeySequence::New);
  new_->setToolTip(tr("Start a new design from a producer, a queue and a consumer (Ctrl+N)"));
  open_ = new QAction(icons::open(), tr("&Open…"), this);
  open_->setShortcut(QKeySequence::Open);
  open_->setToolTip(tr("Open a scenario file (Ctrl+O); you can also drop one on the window"));
  save_ = new QAction(icons::save(), tr("&Save"), this);
  save_->setShortcut(QKeySequence::Save);
  save_->setToolTip(tr("Save the scenario (Ctrl+S)"));
  saveAs_ = new QAction(tr("Save &As…"), this);
  saveAs_->setShortcut(QKeySequence::SaveAs);
  saveAs_->setToolTip(tr("Save the scenario under another name (Ctrl+Shift+S)"));
  quit_ = new QAction(tr("&Quit"), this);
  quit_->setShortcut(QKeySequence::Quit);
  recent_ = new QMenu(tr("Open &Recent"), window);
  connect(new_, &QAction::triggered, this, [this] {
    if (!maybeSave()) return;
    document_.reset(edits::starterScenario());
    emit created();
  });
  connect(open_, &QAction::triggered, this, &FileActions::chooseAndOpen);
  connect(save_, &QAction::triggered, this, &FileActions::saveDocument);
  connect(saveAs_, &QAction::triggered, this, &FileActions::saveDocumentAs);
  connect(quit_, &QAction::triggered, window_, &QWidget::close);
  rebuildRecentMenu();
}

QStringList FileActions::recentFiles() const {
  return QSettings().value(kRecentKey).toStringList();
}

void FileActions::remember(const QString& path) {
  QStringList files = recentFiles();
  files.removeAll(path);
  files.prepend(path);
  while (files.size() > kMaxRecent) files.removeLast();
  QSettings().setValue(kRecentKey, files);
  rebuildRecentMenu();
}

void FileActions::rebuildRecentMenu() {
  recent_->clear();
  const QStringList files = recentFiles();
  for (const QString& path : files) {
    QAction* a = recent_->addAction(QFileInfo(path).fileName());
    a->setToolTip(path);
    connect(a, &QAction::triggered, this, [this, path] { openPath(path); });
  }
  recent_->setEnabled(!files.isEmpty());
}

void FileActions::chooseAndOpen() {
  const QString start = document_.filePath().isEmpty()
                            ? bundledScenarioDir()
                            : QFileInfo(document_.filePath()).absolutePath();
  const QString path = QFileDialog::getOpenFileName(window_, tr("Open scenario"), start, kFilter);
  if (!path.isEmpty()) openPath(path);
}

bool FileActions::openPath(const QString& path) {
  if (!maybeSave()) return false;
  const std::vector<ScenarioIssue> issues = document_.open(path);
  if (!issues.empty()) {
    if (interactive_) {
      LoadErrorsDialog(path, issues, document_.hasScenario(), window_).exec();
    } else {
      for (const QString& line : LoadErrorsDialog::lines(path, issues))
        std::fprintf(stderr, "%s\n", qPrintable(line));
    }
    return false;
  }
  remember(document_.filePath());
  emit opened(document_.filePath());
  return true;
}

bool FileActions::maybeSave() {
  if (!document_.isModified() || !interactive_) return true;
  const auto answer = QMessageBox::warning(
      window_, tr("Unsaved changes"),
      tr("%1 has changes that are not saved. Save them first?").arg(document_.displayName()),
      QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
  if (answer == QMessageBox::Cancel) return false;
  if (answer == QMessageBox::Discard) return true;
  return saveDocument();
}

bool FileActions::saveDocument() {
  if (document_.filePath().isEmpty()) return saveDocumentAs();
  QString error;
  if (!document_.save(document_.filePath(), &error)) {
    QMessageBox::critical(window_, tr("Save failed"),
                          tr("%1 was not saved; the file on disk is as it was.\n\n%2")
                              .arg(document_.filePath(), error));
    return false;
  }
  remember(document_.filePath());
  return true;
}

bool FileActions::saveDocumentAs() {
  QString path =
      QFileDialog::getSaveFileName(window_, tr("Save scenario as"), document_.filePath(), kFilter);
  if (path.isEmpty()) return false;
  if (QFileInfo(path).suffix().isEmpty()) path += QStringLiteral(".json");
  QString error;
  if (!document_.save(path, &error)) {
    QMessageBox::critical(window_, tr("Save failed"),
                          tr("%1 was not saved.\n\n%2").arg(path, error));
    return false;
  }
  remember(document_.filePath());
  return true;
}

}  // namespace brokerlab::ui
