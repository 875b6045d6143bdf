#include "sweep/SweepModel.h"

#include "model/ModelBuilder.h"
#include "scenario/DurationText.h"
#include "scenario/ScenarioWriter.h"

#include <algorithm>

namespace brokerlab::ui {

namespace {

constexpr std::size_t kMaxSeeds = 1000;  // as brokerlab-cli sweep --seeds

json::Value documentOf(const Scenario& scenario) {
  return *json::parse(writeScenario(scenario)).root;  // the writer's text always parses
}

QString q(const std::string& s) {
  return QString::fromStdString(s);
}

}  // namespace

SweepModel::SweepModel(const Scenario& scenario)
    : scenario_(scenario), assignments_(documentOf(scenario)) {
  for (const ComponentSpec& c : scenario.components) {
    const QString id = q(c.id);
    if (c.kind == ComponentKind::Consumer) {
      parameters_ << id + QStringLiteral(".instances") << id + QStringLiteral(".prefetch");
      if (c.service && c.service->kind != DistKind::Constant &&
          c.service->kind != DistKind::Uniform)
        parameters_ << id + QStringLiteral(".service.mean");
    }
    if (c.kind == ComponentKind::Producer && c.rate) parameters_ << id + QStringLiteral(".rate");
    if (c.kind == ComponentKind::Queue && c.maxLength)
      parameters_ << id + QStringLiteral(".max_length");
  }
}

QString SweepModel::suggestedValues(const QString& parameter) const {
  for (const ComponentSpec& c : scenario_.components) {
    const QString id = q(c.id);
    if (parameter == id + QStringLiteral(".instances")) {
      const std::uint32_t n = c.instances.value_or(1);
      return QStringLiteral("%1..%2").arg(std::max<std::uint32_t>(1, n - 1)).arg(n + 3);
    }
    if (parameter == id + QStringLiteral(".prefetch")) return QStringLiteral("1,2,5,10,50");
    if (parameter == id + QStringLiteral(".rate") && c.rate) {
      const double r = *c.rate;
      return QStringLiteral("%1,%2,%3,%4")
          .arg(r * 0.5, 0, 'g', 6)
          .arg(r * 0.75, 0, 'g', 6)
          .arg(r, 0, 'g', 6)
          .arg(r * 1.25, 0, 'g', 6);
    }
    if (parameter == id + QStringLiteral(".service.mean") && c.service) {
      const SimTime m = c.service->mean;
      return q(formatDuration(m / 2)) + QLatin1Char(',') + q(formatDuration(m * 3 / 4)) +
             QLatin1Char(',') + q(formatDuration(m));
    }
    if (parameter == id + QStringLiteral(".max_length") && c.maxLength)
      return QStringLiteral("%1,%2,%3")
          .arg(*c.maxLength / 2)
          .arg(*c.maxLength)
          .arg(*c.maxLength * 2);
  }
  return QStringLiteral("1..4");
}

std::optional<PreparedSweep> SweepModel::prepare(const SweepRequest& request,
                                                 QString* error) const {
  PreparedSweep sweep;
  for (const QString& text : request.axes) {
    std::string why;
    std::optional<SweepAxis> axis = parseAxis(text.toStdString(), &why);
    if (!axis) {
      *error = text + QStringLiteral(": ") + q(why);
      return std::nullopt;
    }
    for (const SweepAxis& a : sweep.axes) {
      if (a.key == axis->key) {
        *error = q(a.key) + QStringLiteral(" is given twice");
        return std::nullopt;
      }
    }
    sweep.axes.push_back(std::move(*axis));
  }
  if (request.seeds < 1 || request.seeds > kMaxSeeds) {
    *error = QStringLiteral("seeds: from 1 to %1").arg(kMaxSeeds);
    return std::nullopt;
  }
  if (gridSize(sweep.axes) * request.seeds > kMaxSweepRuns) {
    *error = QStringLiteral("the grid has more than %1 runs (points x seeds); split it")
                 .arg(kMaxSweepRuns);
    return std::nullopt;
  }
  const std::vector<std::vector<std::string>> points = expandGrid(sweep.axes);
  for (std::size_t p = 0; p < points.size(); ++p) {
    std::string why;
    std::optional<Scenario> s = assignments_.with(points[p], &why);
    if (!s) {
      *error = q(why);
      return std::nullopt;
    }
    if (const ModelBuildResult built = buildModel(*s); !built.model) {
      *error = QStringLiteral("point %1: %2").arg(p + 1).arg(q(built.error));
      return std::nullopt;
    }
    sweep.points.push_back(std::move(*s));
  }
  sweep.seeds = sweepSeeds(scenario_, request.seeds);
  sweep.jobs = std::max(1u, request.jobs);
  return sweep;
}

bool SweepModel::setOutcome(const PreparedSweep& sweep, const SweepOutcome& outcome,
                            QString* error) {
  table_.reset();
  if (!outcome.error.empty()) {
    *error = q(outcome.error);
    return false;
  }
  std::string why;
  table_ = sweepTable(sweep.axes, outcome.runs, sweep.seeds.size(), &why);
  if (!table_) *error = q(why);
  return table_.has_value();
}

std::vector<std::string> SweepModel::figures() const {
  return table_ ? table_->names : std::vector<std::string>();
}

SweepPlot SweepModel::plot(const std::string& figure) const {
  return table_ ? sweepPlot(*table_, figure) : SweepPlot();
}

}  // namespace brokerlab::ui
