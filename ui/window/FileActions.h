#pragma once

// Files: open (dialog, recent list, drag and drop, the start page), save, save as, and the
// question before unsaved changes would be lost. Saves are atomic (the engine's QSaveFile
// path); a file that fails to load shows all its errors and leaves the open document alone.

#include <QObject>
#include <QStringList>

class QAction;
class QMenu;
class QWidget;

namespace brokerlab::ui {

class ScenarioDocument;

class FileActions : public QObject {
  Q_OBJECT

 public:
  static constexpr int kMaxRecent = 8;

  FileActions(ScenarioDocument& document, QWidget* window);

  QAction* newDocument() const { return new_; }  // a starter design to edit (Ctrl+N)
  QAction* open() const { return open_; }
  QAction* save() const { return save_; }
  QAction* saveAs() const { return saveAs_; }
  QAction* quit() const { return quit_; }
  QMenu* recentMenu() const { return recent_; }
  QStringList recentFiles() const;

  // Opens `path` after asking about unsaved changes; false when it was not opened (cancelled or
  // broken: the errors were shown). In headless use no dialog is shown; errors go to stderr.
  bool openPath(const QString& path);
  // Asks whether to save unsaved changes: true when it is fine to go on (saved or discarded).
  bool maybeSave();
  void setInteractive(bool on) { interactive_ = on; }

 signals:
  void opened(const QString& path);
  void created();  // a new design was started

 private:
  void chooseAndOpen();
  bool saveDocument();
  bool saveDocumentAs();
  void remember(const QString& path);
  void rebuildRecentMenu();

  ScenarioDocument& document_;
  QWidget* window_;
  QAction* new_;
  QAction* open_;
  QAction* save_;
  QAction* saveAs_;
  QAction* quit_;
  QMenu* recent_;
  bool interactive_ = true;
};

}  // namespace brokerlab::ui
