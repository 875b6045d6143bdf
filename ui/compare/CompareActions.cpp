#include "compare/CompareActions.h"

#include "compare/CompareWindow.h"
#include "document/ScenarioDocument.h"
#include "scenario/ScenarioFile.h"
#include "window/BundledScenarios.h"
#include "window/LoadErrorsDialog.h"
#include "window/ScreenFit.h"

#include <QAction>
#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>

#include <cstdio>

namespace brokerlab::ui {

CompareActions::CompareActions(ScenarioDocument& document, QWidget* window)
    : QObject(window), document_(document), window_(window) {
  compareWith_ = new QAction(tr("Compare &With…"), this);
  compareWith_->setToolTip(
      tr("Run this scenario and another side by side on the same seed: two canvases, one clock, "
         "the charts overlaid and the key figures with their differences"));
  compareWithSaved_ = new QAction(tr("Compare With Sa&ved File"), this);
  compareWithSaved_->setToolTip(
      tr("Run the file as saved (A) and the scenario as edited (B) side by side on the same seed"));
  connect(compareWith_, &QAction::triggered, this, &CompareActions::chooseAndCompare);
  connect(compareWithSaved_, &QAction::triggered, this, [this] { compareWithSavedFile(); });
  connect(&document_, &ScenarioDocument::scenarioReplaced, this, &CompareActions::refresh);
  connect(&document_, &ScenarioDocument::modifiedChanged, this, &CompareActions::refresh);
  connect(&document_, &ScenarioDocument::filePathChanged, this, &CompareActions::refresh);
  refresh();
}

void CompareActions::refresh() {
  compareWith_->setEnabled(document_.hasScenario());
  compareWithSaved_->setEnabled(document_.hasScenario() && !document_.filePath().isEmpty() &&
                                document_.isModified());
}

void CompareActions::tell(const QString& text) {
  if (interactive_) {
    QMessageBox::critical(window_, tr("Cannot compare"), text);
  } else {
    std::fprintf(stderr, "brokerlab: cannot compare: %s\n", qPrintable(text));
  }
}

void CompareActions::chooseAndCompare() {
  const QString start = document_.filePath().isEmpty()
                            ? bundledScenarioDir()
                            : QFileInfo(document_.filePath()).absolutePath();
  const QString path =
      QFileDialog::getOpenFileName(window_, tr("Compare with the scenario"), start,
                                   tr("BrokerLab scenarios (*.json);;All files (*)"));
  if (!path.isEmpty()) compareWithFile(path);
}

namespace {
std::optional<Scenario> loadOrTell(const QString& path, bool interactive, QWidget* window) {
  const ScenarioLoadResult loaded = loadScenarioFile(path);
  if (loaded.ok()) return *loaded.scenario;
  if (interactive) {
    LoadErrorsDialog(path, loaded.issues, true, window).exec();
  } else {
    for (const QString& line : LoadErrorsDialog::lines(path, loaded.issues))
      std::fprintf(stderr, "%s\n", qPrintable(line));
  }
  return std::nullopt;
}
}  // namespace

CompareWindow* CompareActions::compareWithFile(const QString& path,
                                               std::optional<std::uint64_t> seed) {
  if (!document_.hasScenario()) return nullptr;
  const std::optional<Scenario> other = loadOrTell(path, interactive_, window_);
  if (!other) return nullptr;
  const QString nameA =
      document_.displayName() + (document_.isModified() ? tr(" (edited)") : QString());
  return openWindow(document_.scenario(), nameA, *other, QFileInfo(path).fileName(), seed);
}

CompareWindow* CompareActions::compareWithSavedFile(std::optional<std::uint64_t> seed) {
  if (!document_.hasScenario() || document_.filePath().isEmpty()) return nullptr;
  const QString path = document_.filePath();
  const std::optional<Scenario> saved = loadOrTell(path, interactive_, window_);
  if (!saved) return nullptr;
  return openWindow(*saved, tr("%1 (saved)").arg(QFileInfo(path).fileName()), document_.scenario(),
                    tr("%1 (edited)").arg(document_.displayName()), seed);
}

CompareWindow* CompareActions::openWindow(const Scenario& a, const QString& nameA,
                                          const Scenario& b, const QString& nameB,
                                          std::optional<std::uint64_t> seed) {
  auto* w = new CompareWindow(window_);
  w->setAttribute(Qt::WA_DeleteOnClose);
  if (const QString e = w->load(a, nameA, b, nameB, seed); !e.isEmpty()) {
    delete w;
    tell(e);
    return nullptr;
  }
  fitToScreen(*w, w->size());
  w->show();
  if (lecturing_) w->setLecture(true);
  return w;
}

}  // namespace brokerlab::ui
