#pragma once

// The command line of `brokerlab` (the GUI), parsed with QCommandLineParser:
//   brokerlab [FILE] [--seed N] [--lecture] [--show PANELS]
//   brokerlab FILE --compare OTHER [--seed N]           (FILE and OTHER side by side, one clock)
//   brokerlab FILE --at TIME --screenshot OUT.png [--size WxH] [--show PANELS]  (headless)
//   brokerlab --bench-ui [FILE] [--frames N] [--in-flight N] [--charts]  (frame-time benchmark)
//   brokerlab --bench-scrub [FILE] [--landings N]                  (timeline landing benchmark)
//   brokerlab --list-scenarios                                      (the bundled scenarios found)

#include "base/SimTime.h"

#include <QSize>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <optional>

struct GuiOptions {
  QString file;
  QString compare;  // --compare OTHER: a comparison window of FILE (A) and OTHER (B)
  std::optional<std::uint64_t> seed;
  std::optional<brokerlab::SimTime> at;
  QString screenshot;
  QSize size{1600, 900};
  bool benchUi = false;
  bool benchScrub = false;
  int landings = 10;
  bool listScenarios = false;
  bool lecture = false;
  QStringList show;          // docks to open: charts, summary, inspector, journey, editor
  QString select;            // the component to select on the canvas
  bool benchCharts = false;  // --bench-ui --charts: a one-hour run at 10 ms samples, charts open
  int frames = 600;
  std::uint64_t inFlight = 2000;
};

// Parses the application's arguments. On --help or --version, prints and sets `exitCode` to 0;
// on a usage error prints it and sets `exitCode` to 2; otherwise leaves it empty.
GuiOptions parseGuiOptions(const QStringList& arguments, std::optional<int>* exitCode);
