#pragma once

// Lecture mode (F11): the canvas on the whole screen with larger fonts, thicker lines and more
// contrast; menus, docks, file and view buttons out of the way; the keys a lecturer needs:
// Space play/pause, → step, + and − speed, R restart, Page Up / Page Down the previous / next
// mark on the timeline (captions, faults), 1-9 the first bundled scenarios, Esc to leave.

#include <QByteArray>
#include <QList>
#include <QObject>

class QAction;
class QDockWidget;

namespace brokerlab::ui {

class MainWindow;

// The F11 toggle and the Esc that leaves it (disabled until lecture mode is on): the main
// window's and the comparison's.
QAction* newLectureToggle(QObject* parent);
QAction* newLeaveLecture(QObject* parent);

class LectureMode : public QObject {
  Q_OBJECT

 public:
  explicit LectureMode(MainWindow& window);

  QAction* toggle() const { return toggle_; }
  QAction* previousMark() const { return previous_; }
  QAction* nextMark() const { return next_; }
  bool active() const { return active_; }
  // Actions hidden while lecturing (editing, files, view).
  void hideWhileLecturing(const QList<QAction*>& actions) { hidden_ += actions; }

 public slots:
  void setActive(bool on);

 private:
  void jumpToMark(int direction);
  QList<QDockWidget*> textDocks() const;  // the docks of text and tables
  void openBundled(int number);
  void widenJourney();

  MainWindow& window_;
  QAction* toggle_;
  QAction* leave_;
  QAction* previous_;
  QAction* next_;
  QList<QAction*> scenarioKeys_;
  QList<QAction*> hidden_;
  QList<QDockWidget*> docksShown_;
  QByteArray geometry_;
  bool active_ = false;
  bool journeyWatched_ = false;
  int journeyWidth_ = 0;  // the journey dock's width before lecture mode widened it (0: it did not)
};

}  // namespace brokerlab::ui
