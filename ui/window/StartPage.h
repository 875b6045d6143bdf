#pragma once

// What the window shows with no scenario open: the bundled scenarios as cards (name and what it
// shows; one click opens it), and buttons to open a file.

#include "window/BundledScenarios.h"

#include <QList>
#include <QWidget>

class QLabel;

namespace brokerlab::ui {

class StartPage : public QWidget {
  Q_OBJECT

 public:
  explicit StartPage(QWidget* parent = nullptr);
  const std::vector<BundledScenario>& scenarios() const { return scenarios_; }

 signals:
  void scenarioChosen(const QString& path);
  void openFileRequested();

 protected:
  void changeEvent(QEvent* event) override;

 private:
  void fitType();

  std::vector<BundledScenario> scenarios_;
  QLabel* heading_;
  QList<QLabel*> titles_;
};

// The first sentence of a description: a card's summary.
QString firstSentence(const QString& text);

}  // namespace brokerlab::ui
