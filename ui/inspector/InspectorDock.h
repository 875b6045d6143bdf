#pragma once

// The inspector: what is selected on the canvas, live. A component shows its figures (the CLI
// report's numbers at this moment, refreshed a few times a second while the run plays) and its
// parameters as the scenario file states them; a message shows its journey, every hop with its
// simulated time, redeliveries and dead-lettering, growing as the run goes.

#include "base/Index.h"
#include "sim/Trace.h"

#include <QDockWidget>
#include <QElapsedTimer>

#include <cstdint>
#include <vector>

class QLabel;
class QPlainTextEdit;
class QStackedWidget;
class QTableWidget;

namespace brokerlab::ui {

class SimulationController;
struct JourneyRow;

class InspectorDock : public QDockWidget {
  Q_OBJECT

 public:
  static constexpr int kRefreshMs = 250;

  InspectorDock(SimulationController& controller, QWidget* parent = nullptr);

  // What the dock lists now (tests read them): label, value rows.
  QStringList figureRows() const;
  QStringList journeyRows() const;
  std::uint64_t message() const { return message_; }
  std::uint32_t component() const { return component_; }
  QString heading() const;
  // Controls shown under a component's parameters (the what-if panel); they follow the
  // selection through componentShown.
  void addComponentControls(QWidget* controls);

 signals:
  void componentShown(std::uint32_t component);  // kNone: none (a message, or nothing)

 public slots:
  void showComponent(std::uint32_t component);
  void showMessage(std::uint64_t serial);
  void clear();

 protected:
  void changeEvent(QEvent* event) override;  // a new type (lecture mode): widths measured again

 private:
  void onFrame();
  void refreshComponent();
  void refreshJourney();

  SimulationController& controller_;
  QLabel* heading_;
  QLabel* summary_;
  QStackedWidget* pages_;
  QTableWidget* figures_ = nullptr;
  QPlainTextEdit* parameters_;
  QWidget* componentPage_;
  QTableWidget* journey_;
  std::uint32_t component_ = kNone;
  std::uint64_t message_ = 0;
  std::vector<TraceRecord> trail_;  // the selected message's records so far
  bool stale_ = false;              // records were skipped since the trail was read
  QElapsedTimer sinceRefresh_;
  // The run's event count and clock when the figures were read; kUnread: read them at the next
  // frame.
  static constexpr std::uint64_t kUnread = ~std::uint64_t{0};
  std::uint64_t shownEvents_ = kUnread;
  SimTime shownAt_ = 0;
};

}  // namespace brokerlab::ui
