#pragma once

// File → Compare With… (the open scenario, A, beside another scenario file, B) and File → Compare
// With Saved File (the file as saved, A, beside the document as edited, B): each opens a
// comparison window with both runs on the same seed. Load errors are shown as when opening a file.

#include "scenario/Scenario.h"

#include <QObject>

#include <cstdint>
#include <optional>

class QAction;
class QWidget;

namespace brokerlab::ui {

class CompareWindow;
class ScenarioDocument;

class CompareActions : public QObject {
  Q_OBJECT

 public:
  CompareActions(ScenarioDocument& document, QWidget* window);

  QAction* compareWith() const { return compareWith_; }
  QAction* compareWithSaved() const { return compareWithSaved_; }
  QList<QAction*> actions() const { return {compareWith_, compareWithSaved_}; }
  // Without dialogs (headless use): problems go to standard error.
  void setInteractive(bool on) { interactive_ = on; }
  // While the main window is in lecture mode, a comparison opens in lecture mode too.
  void setLecturing(bool on) { lecturing_ = on; }

  // A comparison window (shown, deleted when closed) of the document with the scenario in `path`;
  // null when the file or either run cannot be loaded (the problems told).
  CompareWindow* compareWithFile(const QString& path, std::optional<std::uint64_t> seed = {});
  // The same of the file as saved with the document as edited.
  CompareWindow* compareWithSavedFile(std::optional<std::uint64_t> seed = {});

 private:
  // A comparison window of `a` and `b`, shown; nothing (and the reason told) when either fails.
  CompareWindow* openWindow(const Scenario& a, const QString& nameA, const Scenario& b,
                            const QString& nameB, std::optional<std::uint64_t> seed);
  void chooseAndCompare();
  void refresh();
  void tell(const QString& text);

  ScenarioDocument& document_;
  QWidget* window_;
  QAction* compareWith_;
  QAction* compareWithSaved_;
  bool interactive_ = true;
  bool lecturing_ = false;
};

}  // namespace brokerlab::ui
