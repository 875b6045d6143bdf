#pragma once

// The journey of one request-reply job as a sequence diagram, the picture of the pattern: POST,
// 202 with Location, enqueue, dequeue, status writes, each poll and its answer, 303 or the result,
// webhook / SSE / WebSocket pushes, with simulated times. It grows as the run goes; it exports as
// Mermaid (the text `brokerlab-cli trace --job N --mermaid` prints) and as SVG.

#include "base/Index.h"
#include "sim/Trace.h"

#include <QDockWidget>
#include <QElapsedTimer>

#include <cstdint>
#include <vector>

class QLabel;
class QScrollArea;
class QPushButton;

namespace brokerlab::ui {

class SequenceView;
class SimulationController;

class JourneyDock : public QDockWidget {
  Q_OBJECT

 public:
  static constexpr int kRefreshMs = 250;

  JourneyDock(SimulationController& controller, QWidget* parent = nullptr);

  std::uint64_t job() const { return job_; }
  // The diagram's Mermaid text now (what the export writes).
  QString mermaid() const;
  const SequenceView& view() const { return *view_; }
  // The diagram at up to `scale` on screen (lecture mode: the projector's; its exports stay at
  // 1): above 1, as large as the dock's width shows whole, never smaller than 1.
  void setDiagramScale(double scale);
  // What the dock says of the job above the diagram: its steps, and how it ended for its client.
  QString heading() const;
  bool exportMermaid(const QString& path, QString* error) const;
  bool exportSvg(const QString& path, QString* error) const;

 public slots:
  // Follows job `id` (its correlation id); 0 clears.
  void showJob(std::uint64_t id);
  // Follows the latest job client `component` submitted.
  void showLatestJobOf(std::uint32_t clientComponent);

 private:
  void onFrame();
  void rebuild();
  // "to its result", "it failed"...: how the job ended for its client; empty while it goes on.
  QString endWords() const;
  void chooseAndExport(bool svg);
  void fitScale();
  bool eventFilter(QObject* watched, QEvent* event) override;

  SimulationController& controller_;
  QLabel* heading_;
  SequenceView* view_;
  QScrollArea* scroll_;
  double largestScale_ = 1.0;
  QPushButton* exportMermaid_;
  QPushButton* exportSvg_;
  std::uint64_t job_ = 0;
  const void* model_ = nullptr;          // the model job_ belongs to
  std::uint32_t waitingClient_ = kNone;  // chosen before it submitted: its first job is followed
  std::size_t waitScanned_ = 0;          // the jobs read for it so far
  std::vector<TraceRecord> trail_;
  bool dirty_ = false;
  bool stale_ = false;  // records were skipped since the trail was read
  QElapsedTimer sinceRebuild_;
};

}  // namespace brokerlab::ui
