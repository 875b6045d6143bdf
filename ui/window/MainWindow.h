#pragma once

// The main window only assembles: the document, the simulation controller, the canvas, the start
// page, and the action groups (files, time, view, help) with their menus and toolbar. It decides
// nothing about the simulation; each piece forwards to the controller or the document.

#include <QMainWindow>
#include <QStringList>

#include <optional>

class QStackedWidget;

namespace brokerlab::ui {

class CanvasPage;
class ChartsDock;
class SummaryDock;
class ExportActions;
class LectureMode;
class InspectorDock;
class JourneyDock;
class FaultActions;
class FileActions;
class HelpActions;
class ScenarioDocument;
class SimulationController;
class StartPage;
class TimeControls;
class TopologyView;
class TopologyEditor;
class PaletteDock;
class PropertyDock;

class MainWindow : public QMainWindow {
  Q_OBJECT

 public:
  explicit MainWindow(QWidget* parent = nullptr);
  ~MainWindow() override;

  ScenarioDocument& document() { return *document_; }
  SimulationController& controller() { return *controller_; }
  TopologyView& canvas();
  CanvasPage& canvasPage() { return *canvasPage_; }
  FaultActions& faults() { return *faults_; }
  InspectorDock& inspector() { return *inspector_; }
  JourneyDock& journey() { return *journey_; }
  ChartsDock& charts() { return *charts_; }
  SummaryDock& summary() { return *summary_; }
  LectureMode& lecture() { return *lecture_; }
  StartPage& startPage() { return *startPage_; }
  FileActions& files() { return *files_; }
  TimeControls& time() { return *time_; }
  TopologyEditor& editor() { return *editor_; }
  PaletteDock& palette() { return *palette_; }
  PropertyDock& properties() { return *properties_; }
  bool showingCanvas() const;
  // A seed to run with instead of the scenario's (the --seed option); applies to later opens too.
  void setSeedOverride(std::optional<std::uint64_t> seed) { seed_ = seed; }

 public slots:
  // Opens panels by name (`brokerlab --show`): charts, summary, inspector, journey, editor (edit
  // mode on); the charts a third of the window's height.
  void showPanels(const QStringList& panels);
  void showStartPage();
  void showCanvas();

 protected:
  void closeEvent(QCloseEvent* event) override;
  void dragEnterEvent(QDragEnterEvent* event) override;
  void dropEvent(QDropEvent* event) override;
  void showEvent(QShowEvent* event) override;

 private:
  void buildMenus();
  void buildToolBar();
  void buildDocks();
  void buildEditor();
  void onScenarioReplaced();
  void onScenarioEdited();
  void showComponentMenu(std::uint32_t component, std::uint16_t instance, QPoint globalPos);
  void updateTitle();

  ScenarioDocument* document_;
  SimulationController* controller_;
  QStackedWidget* pages_;
  StartPage* startPage_;
  CanvasPage* canvasPage_;
  FileActions* files_;
  FaultActions* faults_;
  InspectorDock* inspector_;
  LectureMode* lecture_;
  ExportActions* exports_;
  JourneyDock* journey_;
  ChartsDock* charts_;
  SummaryDock* summary_;
  TimeControls* time_;
  TopologyEditor* editor_ = nullptr;
  PaletteDock* palette_ = nullptr;
  PropertyDock* properties_ = nullptr;
  HelpActions* help_;
  QAction* zoomIn_;
  QAction* zoomOut_;
  QAction* fit_;
  QAction* home_;
  std::optional<std::uint64_t> seed_;
};

}  // namespace brokerlab::ui
