#pragma once

// A component's figures as the inspector lists them: the numbers of the CLI's report (built by the
// engine's buildReport at this moment), each with a plain label. Only presentation happens here.

#include "metrics/Report.h"

#include <QString>

#include <utility>
#include <vector>

namespace brokerlab::ui {

using Figures = std::vector<std::pair<QString, QString>>;

// The figures of scenario component `component` (its index in scenario order) in `report`.
Figures componentFigures(const RunReport& report, std::uint32_t component);

}  // namespace brokerlab::ui
