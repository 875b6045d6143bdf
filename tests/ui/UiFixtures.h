#pragma once

// Shared set-up for the GUI suites: bundled scenarios from the source tree, a controller run to a
// simulated time frame by frame (as the window's timer would), the CLI's trace hash for a file.

#include "controller/SimulationController.h"
#include "scenario/ScenarioFile.h"

#include <QChart>
#include <QDir>
#include <QFontMetricsF>
#include <QGraphicsScene>
#include <QGraphicsTextItem>
#include <QProcess>
#include <QRegularExpression>
#include <QTest>

#include <algorithm>
#include <utility>
#include <vector>

namespace brokerlab::ui::testing {

inline QString scenarioPath(const QString& name) {
  return QStringLiteral(BROKERLAB_SOURCE_DIR "/scenarios/%1.json").arg(name);
}

inline QStringList bundledNames() {
  QStringList names;
  const QDir dir(QStringLiteral(BROKERLAB_SOURCE_DIR "/scenarios"));
  for (const QString& f : dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name))
    names << f.chopped(5);
  return names;
}

// The texts a chart shows (its title, its axes' figures and titles). Qt Charts cuts a text it has
// no room for to "..." (or "…"): `cut` gets those.
inline int chartTexts(const QChart& chart, QStringList* cut) {
  int shown = 0;
  for (const QGraphicsItem* item : chart.scene()->items()) {
    const auto* text = dynamic_cast<const QGraphicsTextItem*>(item);
    if (!text || !text->isVisible() || text->toPlainText().isEmpty()) continue;
    ++shown;
    const QString t = text->toPlainText();
    if (t.contains(QStringLiteral("...")) || t.contains(QChar(0x2026))) *cut << t;
  }
  return shown;
}

// The texts of a chart laid out on more than one line: Qt Charts wraps a title too wide for it and
// draws the second line over the plot's top figure.
inline QStringList wrappedTexts(const QChart& chart) {
  QStringList wrapped;
  for (const QGraphicsItem* item : chart.scene()->items()) {
    const auto* text = dynamic_cast<const QGraphicsTextItem*>(item);
    if (!text || !text->isVisible() || text->toPlainText().isEmpty()) continue;
    if (text->boundingRect().height() > 1.6 * QFontMetricsF(text->font()).lineSpacing())
      wrapped << text->toPlainText();
  }
  return wrapped;
}

// The figures a chart shows on its value axis (left of the plot), top to bottom. Qt Charts leaves
// out labels that would overlap; TimeChartView asks only for as many as fit.
inline QStringList valueAxisFigures(const QChart& chart) {
  std::vector<std::pair<qreal, QString>> figures;
  const qreal left = chart.mapToScene(chart.plotArea().topLeft()).x();
  for (const QGraphicsItem* item : chart.scene()->items()) {
    const auto* text = dynamic_cast<const QGraphicsTextItem*>(item);
    if (!text || !text->isVisible() || text->toPlainText().isEmpty()) continue;
    const QRectF at = text->sceneBoundingRect();
    if (at.right() <= left + 1) figures.emplace_back(at.center().y(), text->toPlainText());
  }
  std::sort(figures.begin(), figures.end());
  QStringList out;
  for (const auto& f : figures) out << f.second;
  return out;
}

// The figures a chart shows under its plot (its time axis's), left to right: numbers only (the
// axis's title is words).
inline std::vector<double> timeAxisFigures(const QChart& chart) {
  std::vector<std::pair<qreal, double>> figures;
  const QRectF plot = chart.plotArea();
  const qreal bottom = chart.mapToScene(plot.bottomLeft()).y();
  const qreal left = chart.mapToScene(plot.topLeft()).x();
  for (const QGraphicsItem* item : chart.scene()->items()) {
    const auto* text = dynamic_cast<const QGraphicsTextItem*>(item);
    if (!text || !text->isVisible()) continue;
    const QRectF at = text->sceneBoundingRect();
    bool number = false;
    const double value = text->toPlainText().toDouble(&number);
    if (number && at.top() >= bottom - 1 && at.right() > left)
      figures.emplace_back(at.center().x(), value);
  }
  std::sort(figures.begin(), figures.end());
  std::vector<double> out;
  for (const auto& f : figures) out.push_back(f.second);
  return out;
}

inline Scenario loadBundled(const QString& name) {
  const ScenarioLoadResult loaded = loadScenarioFile(scenarioPath(name));
  if (!loaded.ok()) qFatal("cannot load %s", qPrintable(name));
  return *loaded.scenario;
}

// Plays at `speed` in 60 Hz frames until the clock reaches `until` (or the run stops), going on
// after each caption that pauses the run.
inline void playTo(SimulationController& c, SimTime until, double speed = 50) {
  c.setSpeed(speed);
  c.play();
  for (int guard = 0; c.simulator().now() < until; ++guard) {
    if (guard > 200000) qFatal("playTo did not reach its time");
    if (c.state() == SimulationController::RunState::Paused) c.play();  // a caption paused it
    if (c.state() != SimulationController::RunState::Playing) break;
    c.advanceFrame(1.0 / 60);
  }
  c.pause();
}

// Runs to `t` without animation, frame by frame as the window's run-until does.
inline void runTo(SimulationController& c, SimTime t) {
  c.runUntil(t);
  for (int i = 0; i < 100000 && c.state() == SimulationController::RunState::Playing; ++i)
    c.advanceFrame(1.0 / 60);
}

// The trace hash `brokerlab-cli run FILE` prints.
inline QString cliTraceHash(const QString& file, const QStringList& extra = {}) {
  QProcess cli;
  cli.start(QStringLiteral(BROKERLAB_CLI),
            QStringList{QStringLiteral("run"), file, QStringLiteral("--json")} + extra);
  if (!cli.waitForFinished(120000)) return {};
  static const QRegularExpression hash(QStringLiteral(R"re("trace_hash": "([0-9a-f]+)")re"));
  return hash.match(QString::fromUtf8(cli.readAllStandardOutput())).captured(1);
}

// The screens a window is checked on: a projector's 1280x720, and 1600x900, the size the docs'
// pictures are drawn at.
inline QList<QSize> screenSizes() {
  return {QSize(1280, 720), QSize(1600, 900)};
}

// A data function's "size" column: a row for each of those screens.
inline void addScreenSizeRows() {
  QTest::addColumn<QSize>("size");
  for (const QSize size : screenSizes())
    QTest::newRow(qPrintable(QStringLiteral("%1x%2").arg(size.width()).arg(size.height()))) << size;
}

// A data function's rows: one per bundled scenario, its name in the column "scenario".
inline void addBundledScenarioRows() {
  QTest::addColumn<QString>("scenario");
  for (const QString& name : bundledNames()) QTest::newRow(qPrintable(name)) << name;
}

inline QString hex(std::uint64_t v) {
  return QStringLiteral("%1").arg(v, 16, 16, QLatin1Char('0'));
}

}  // namespace brokerlab::ui::testing
