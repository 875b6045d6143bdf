#pragma once

// A comparison of two designs: two scenarios (or a scenario and an edited copy) run side by side
// with the same seed, so that with the engine's per-component random streams (common random
// numbers) whatever the second design did not change draws the same numbers. Two canvases with
// their names, one clock (CompareClock) and its time axis to land on (CompareTimeline), the charts
// with both runs overlaid (CompareCharts), and the key figures with their differences
// (DifferenceTable), brought up to date whenever the clock stands still. The window only assembles;
// the controllers run the simulations.

#include "base/SimTime.h"
#include "compare/FiguresTables.h"

#include <QByteArray>
#include <QFont>
#include <QMainWindow>

#include <cstdint>
#include <optional>

class QAction;
class QLabel;
class QSplitter;

namespace brokerlab {
struct Scenario;
}

namespace brokerlab::ui {

class CompareCharts;
class CompareClock;
class CompareControls;
class CompareFaults;
class CompareTimeline;
class RunPane;
class SimulationController;

class CompareWindow : public QMainWindow {
  Q_OBJECT

 public:
  static constexpr double kFontScale = 1.2;

  explicit CompareWindow(QWidget* parent = nullptr);
  ~CompareWindow() override;

  // Runs `a` (left) and `b` (right) from 0 with `seed` (by default a's seed); an error saying
  // which when either cannot be simulated.
  QString load(const Scenario& a, const QString& nameA, const Scenario& b, const QString& nameB,
               std::optional<std::uint64_t> seed = {});
  std::uint64_t seed() const { return seed_; }
  // Both runs again from 0 with another seed.
  QString reseed(std::uint64_t seed);

  CompareClock& clock() { return *clock_; }
  CompareControls& controls() { return *controls_; }
  SimulationController& left() { return *left_; }
  SimulationController& right() { return *right_; }
  RunPane& pane(bool right) { return right ? *rightPane_ : *leftPane_; }
  CompareCharts& charts() { return *charts_; }
  CompareTimeline& timeline() { return *timeline_; }
  CompareFaults& faults() { return *faults_; }
  // The key figures' table (every row, unless they are split between two: figures()).
  DifferenceTable& table() { return tables_->first(); }
  FiguresTables& figureTables() { return *tables_; }
  // The time the key figures were last brought up to date at (kNever: not yet).
  SimTime figuresAt() const { return figuresAt_; }

  // The key figures as CSV (keyFiguresCsv), written whole or not at all.
  bool exportKeyFigures(const QString& path, QString* error) const;

  // Lecture mode (F11; Esc leaves): full screen, both canvases in the projector's theme, the
  // text in its type, the status bar put away. A comparison opened from a main window in lecture
  // mode opens in it.
  // As the main window's lecture mode puts its docks away, this puts the charts away (Ctrl+K
  // brings them back) for the canvases and the key figures to have the room.
  QAction* lectureMode() const { return lecture_; }
  QAction* showCharts() const { return showCharts_; }
  bool lecturing() const { return lecturing_; }
  void setLecture(bool on);

  // Headless use (screenshots): both runs without animation to a second before `at`, then played
  // at 1x on the one clock, paused there.
  void bringTo(SimTime at);

 protected:
  void showEvent(QShowEvent* event) override;
  void closeEvent(QCloseEvent* event) override;
  void changeEvent(QEvent* event) override;
  bool eventFilter(QObject* watched, QEvent* event) override;

 private:
  void refreshFigures();
  void figuresMenu(const DifferenceTable* table, QPoint globalPos);
  void placeSplitters();

  SimulationController* left_;
  SimulationController* right_;
  CompareClock* clock_;
  CompareControls* controls_;
  RunPane* leftPane_;
  RunPane* rightPane_;
  CompareTimeline* timeline_;
  CompareFaults* faults_;
  CompareCharts* charts_;
  FiguresTables* tables_;
  QLabel* figuresTitle_;
  QSplitter* split_;    // the canvases above, the charts and figures below
  QSplitter* below_;    // the charts beside the figures
  bool sized_ = false;  // the user moved a splitter: keep what they chose
  QAction* lecture_;
  QAction* leaveLecture_;
  QAction* showCharts_;
  bool lecturing_ = false;
  bool chartsBeforeLecture_ = true;
  QFont desktopFont_;    // the application's, which both modes scale
  QByteArray geometry_;  // the window's before lecture mode
  std::uint64_t seed_ = 1;
  SimTime figuresAt_ = kNever;
  QString nameA_, nameB_;
};

}  // namespace brokerlab::ui
