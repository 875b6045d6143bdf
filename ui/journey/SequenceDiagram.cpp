#include "journey/SequenceDiagram.h"

#include <QRegularExpression>

namespace brokerlab::ui {

namespace {
// Mermaid's entity codes the engine writes for '#' and ';'.
QString decoded(QString s) {
  s.replace(QStringLiteral("#35;"), QStringLiteral("#"));
  s.replace(QStringLiteral("#59;"), QStringLiteral(";"));
  return s;
}
}  // namespace

SequenceDiagram SequenceDiagram::fromMermaid(const QString& mermaid) {
  SequenceDiagram d;
  static const QRegularExpression participant(QStringLiteral(R"(^participant (\S+) as (.+)$)"));
  static const QRegularExpression arrow(QStringLiteral(R"(^(\S+?)(-->>|->>)(\S+?): (.*)$)"));
  static const QRegularExpression note(QStringLiteral(R"(^Note over (\S+): (.*)$)"));
  static const QRegularExpression loop(QStringLiteral(R"(^loop (.*)$)"));
  const auto index = [&](const QString& alias) {
    for (std::size_t i = 0; i < d.participants.size(); ++i)
      if (d.participants[i].alias == alias) return static_cast<int>(i);
    return -1;
  };
  const auto lines = [](const QString& text) {
    return decoded(text).split(QStringLiteral("<br>"));
  };
  for (QString line : mermaid.split(QLatin1Char('\n'))) {
    line = line.trimmed();
    if (line.startsWith(QStringLiteral("%% "))) {
      d.title = line.mid(3);
      continue;
    }
    if (const auto m = participant.match(line); m.hasMatch()) {
      d.participants.push_back({m.captured(1), decoded(m.captured(2))});
    } else if (const auto a = arrow.match(line); a.hasMatch()) {
      d.rows.push_back({Row::Kind::Arrow, index(a.captured(1)), index(a.captured(3)),
                        a.captured(2) == QStringLiteral("-->>"), lines(a.captured(4))});
    } else if (const auto n = note.match(line); n.hasMatch()) {
      d.rows.push_back({Row::Kind::Note, index(n.captured(1)), -1, false, lines(n.captured(2))});
    } else if (const auto l = loop.match(line); l.hasMatch()) {
      d.rows.push_back({Row::Kind::LoopStart, -1, -1, false, {l.captured(1)}});
    } else if (line == QStringLiteral("end")) {
      d.rows.push_back({Row::Kind::LoopEnd, -1, -1, false, {}});
    }
  }
  return d;
}

int SequenceDiagram::arrows() const {
  int n = 0;
  for (const Row& r : rows) n += r.kind == Row::Kind::Arrow;
  return n;
}

}  // namespace brokerlab::ui
