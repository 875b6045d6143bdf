#pragma once

// One side of a comparison: a header naming the run ("A · work-queue.json — its name", in the
// run's colour, with the line style its charts use) above its canvas. A header too long for its
// pane says less (then the name cut short) rather than widening the window past the screen; the
// whole of it is its tooltip.

#include <QWidget>

class QLabel;

namespace brokerlab::ui {

class SimulationController;
class TopologyView;

class RunPane : public QWidget {
  Q_OBJECT

 public:
  RunPane(SimulationController& controller, const QString& letter, QWidget* parent = nullptr);
  TopologyView& canvas() { return *canvas_; }
  // The file (or document) name and the scenario's name.
  void setRunName(const QString& file, const QString& scenarioName);
  // The whole header, as plain text ("A · work-queue.json — its name (solid blue and green
  // lines)"), and what the pane shows of it (rich text, perhaps shortened).
  QString header() const;
  QString shownHeader() const;

 protected:
  void resizeEvent(QResizeEvent* event) override;
  void changeEvent(QEvent* event) override;

 private:
  void fitHeaderFont();
  // The longest form of the header that fits the pane's width.
  void fitHeader();

  QString letter_;
  QString file_;
  QString scenarioName_;
  QLabel* header_;
  TopologyView* canvas_;
};

}  // namespace brokerlab::ui
