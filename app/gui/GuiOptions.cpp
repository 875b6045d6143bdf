#include "gui/GuiOptions.h"

#include "scenario/DurationText.h"

#include <QCommandLineParser>
#include <QRegularExpression>

#include <cstdio>

namespace {

std::optional<brokerlab::SimTime> parseTime(const QString& text) {
  const std::string t = text.trimmed().toStdString();
  brokerlab::DurationParse d = brokerlab::parseDurationText(t);
  if (!d.value) d = brokerlab::parseDurationSeconds(t);
  return d.value;
}

void usageError(QCommandLineParser& parser, const QString& message, std::optional<int>* exitCode) {
  std::fprintf(stderr, "brokerlab: %s\n\n%s", qPrintable(message), qPrintable(parser.helpText()));
  *exitCode = 2;
}

}  // namespace

GuiOptions parseGuiOptions(const QStringList& arguments, std::optional<int>* exitCode) {
  QCommandLineParser parser;
  parser.setApplicationDescription(
      QStringLiteral("BrokerLab: simulate and watch asynchronous messaging.\n"
                     "With FILE, opens that scenario; without, shows the bundled scenarios."));
  const auto help = parser.addHelpOption();
  const auto version = parser.addVersionOption();
  parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("A scenario file to open."),
                               QStringLiteral("[FILE]"));
  const QCommandLineOption seed(QStringLiteral("seed"),
                                QStringLiteral("Run with this seed instead of the scenario's."),
                                QStringLiteral("N"));
  const QCommandLineOption at(QStringLiteral("at"),
                              QStringLiteral("With --screenshot: the simulated time to show "
                                             "(30s, 2m, or seconds)."),
                              QStringLiteral("TIME"));
  const QCommandLineOption screenshot(QStringLiteral("screenshot"),
                                      QStringLiteral("Write what the window shows at --at to this "
                                                     "PNG file and exit (works offscreen); "
                                                     "without FILE, the start page."),
                                      QStringLiteral("OUT.png"));
  const QCommandLineOption size(QStringLiteral("size"),
                                QStringLiteral("The window's size for --screenshot and "
                                               "--bench-ui (default 1600x900)."),
                                QStringLiteral("WxH"));
  const QCommandLineOption bench(QStringLiteral("bench-ui"),
                                 QStringLiteral("Measure frame times offscreen (with FILE, or a "
                                                "built-in stress scenario) and print them."));
  const QCommandLineOption frames(
      QStringLiteral("frames"), QStringLiteral("With --bench-ui: frames to measure (default 600)."),
      QStringLiteral("N"));
  const QCommandLineOption inFlight(
      QStringLiteral("in-flight"),
      QStringLiteral("With --bench-ui and no FILE: messages in flight "
                     "in the stress scenario (default 2000)."),
      QStringLiteral("N"));
  const QCommandLineOption list(
      QStringLiteral("list-scenarios"),
      QStringLiteral("Print the bundled scenarios this program finds, and "
                     "where, then exit."));
  const QCommandLineOption scrub(QStringLiteral("bench-scrub"),
                                 QStringLiteral("Measure landings on the timeline: a run of about "
                                                "10 million events (or FILE), then landings at "
                                                "random earlier moments, each checked against a "
                                                "straight run."));
  const QCommandLineOption landings(
      QStringLiteral("landings"),
      QStringLiteral("With --bench-scrub: landings to make (default 10)."), QStringLiteral("N"));
  const QCommandLineOption lecture(QStringLiteral("lecture"),
                                   QStringLiteral("Start in lecture mode (full screen, large, "
                                                  "high contrast; F11 toggles it)."));
  const QCommandLineOption show(
      QStringLiteral("show"),
      QStringLiteral("Open these panels, comma-separated: charts, summary, inspector, journey, "
                     "editor (the palette and the properties, editing on)."),
      QStringLiteral("PANELS"));
  const QCommandLineOption charts(
      QStringLiteral("charts"),
      QStringLiteral("With --bench-ui: a one-hour run sampled every 10 ms, brought to its last "
                     "minute, measured with the six charts open (prints chart_points_max=)."));
  const QCommandLineOption select(
      QStringLiteral("select"),
      QStringLiteral("Select this component on the canvas (the inspector and the properties "
                     "show it)."),
      QStringLiteral("ID"));
  const QCommandLineOption compare(
      QStringLiteral("compare"),
      QStringLiteral("Open a comparison of FILE (A) and this scenario (B) on one seed and one "
                     "clock; with --screenshot, the comparison window is what is written."),
      QStringLiteral("OTHER.json"));
  parser.addOptions({seed, at, screenshot, size, bench, frames, inFlight, list, lecture, scrub,
                     landings, show, charts, select, compare});

  GuiOptions o;
  if (!parser.parse(arguments)) {
    usageError(parser, parser.errorText(), exitCode);
    return o;
  }
  if (parser.isSet(help)) {
    std::printf("%s", qPrintable(parser.helpText()));
    *exitCode = 0;
    return o;
  }
  if (parser.isSet(version)) {
    std::printf("%s %s\n", qPrintable(QCoreApplication::applicationName()),
                qPrintable(QCoreApplication::applicationVersion()));
    *exitCode = 0;
    return o;
  }
  for (const QCommandLineOption* option :
       {&seed, &at, &screenshot, &size, &frames, &inFlight, &landings, &compare}) {
    if (parser.values(*option).size() > 1) {
      usageError(parser,
                 QStringLiteral("--%1 is given more than once").arg(option->names().first()),
                 exitCode);
      return o;
    }
  }
  const QStringList files = parser.positionalArguments();
  if (files.size() > 1) {
    usageError(parser, QStringLiteral("one FILE at most (got %1)").arg(files.size()), exitCode);
    return o;
  }
  o.file = files.value(0);
  bool ok = true;
  if (parser.isSet(seed)) {
    const qulonglong n = parser.value(seed).toULongLong(&ok);
    if (!ok)
      return usageError(parser,
                        QStringLiteral("--seed must be an integer from 0 to 18446744073709551615"),
                        exitCode),
             o;
    o.seed = n;
  }
  if (parser.isSet(at)) {
    o.at = parseTime(parser.value(at));
    if (!o.at)
      return usageError(parser, QStringLiteral("--at must be a duration such as 30s, 2m or 1.5"),
                        exitCode),
             o;
  }
  o.screenshot = parser.value(screenshot);
  if (parser.isSet(size)) {
    static const QRegularExpression re(QStringLiteral(R"(^(\d{2,5})x(\d{2,5})$)"));
    const auto m = re.match(parser.value(size));
    if (!m.hasMatch())
      return usageError(parser, QStringLiteral("--size must be WIDTHxHEIGHT, such as 1600x900"),
                        exitCode),
             o;
    o.size = QSize(m.captured(1).toInt(), m.captured(2).toInt());
  }
  o.benchUi = parser.isSet(bench);
  o.listScenarios = parser.isSet(list);
  o.benchScrub = parser.isSet(scrub);
  if (parser.isSet(landings)) {
    o.landings = parser.value(landings).toInt(&ok);
    if (!ok || o.landings < 1)
      return usageError(parser, QStringLiteral("--landings must be a positive integer"), exitCode),
             o;
  }
  o.lecture = parser.isSet(lecture);
  o.select = parser.value(select);
  o.benchCharts = parser.isSet(charts);
  if (o.benchCharts && !o.benchUi)
    return usageError(parser, QStringLiteral("--charts is for --bench-ui"), exitCode), o;
  if (parser.isSet(show)) {
    static const QStringList panels = {QStringLiteral("charts"), QStringLiteral("summary"),
                                       QStringLiteral("inspector"), QStringLiteral("journey"),
                                       QStringLiteral("editor")};
    for (const QString& name : parser.value(show).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
      if (!panels.contains(name.trimmed()))
        return usageError(parser,
                          QStringLiteral("--show: no panel \"%1\"; the panels are %2")
                              .arg(name, panels.join(QStringLiteral(", "))),
                          exitCode),
               o;
      o.show << name.trimmed();
    }
  }
  if (parser.isSet(frames)) {
    o.frames = parser.value(frames).toInt(&ok);
    if (!ok || o.frames < 1)
      return usageError(parser, QStringLiteral("--frames must be a positive integer"), exitCode), o;
  }
  if (parser.isSet(inFlight)) {
    o.inFlight = parser.value(inFlight).toULongLong(&ok);
    if (!ok || o.inFlight < 1)
      return usageError(parser, QStringLiteral("--in-flight must be a positive integer"), exitCode),
             o;
  }
  o.compare = parser.value(compare);
  if (!o.compare.isEmpty() && o.file.isEmpty())
    return usageError(parser, QStringLiteral("--compare needs FILE to compare with"), exitCode), o;
  if (!o.compare.isEmpty() && (o.benchUi || o.benchScrub))
    return usageError(parser, QStringLiteral("--compare is not for the benchmarks"), exitCode), o;
  // Without FILE the window shows the start page: a screenshot of it has no time to be at.
  if (!o.screenshot.isEmpty() && !o.file.isEmpty() && !o.at)
    return usageError(parser, QStringLiteral("--screenshot of FILE needs --at TIME"), exitCode), o;
  if (o.at && o.file.isEmpty())
    return usageError(parser,
                      QStringLiteral("--at needs FILE (without one, --screenshot draws the start "
                                     "page)"),
                      exitCode),
           o;
  if (o.at && o.screenshot.isEmpty())
    return usageError(parser, QStringLiteral("--at is for --screenshot"), exitCode), o;
  if (o.benchUi && !o.screenshot.isEmpty())
    return usageError(parser, QStringLiteral("--bench-ui and --screenshot do not go together"),
                      exitCode),
           o;
  return o;
}
