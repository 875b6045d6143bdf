#pragma once

// A sequence diagram as the journey dock draws it, read from the Mermaid text the engine writes
// for a job (metrics/JobJourney): so the picture and `brokerlab-cli trace --job N --mermaid`
// tell the same steps. Only what the engine writes is read: participants, arrows (->> and -->>),
// notes over a participant, and loop boxes.

#include <QString>
#include <QStringList>

#include <vector>

namespace brokerlab::ui {

struct SequenceDiagram {
  struct Participant {
    QString alias;
    QString label;  // "Backend API (jobs-api)"
  };
  struct Row {
    enum class Kind { Arrow, Note, LoopStart, LoopEnd } kind = Kind::Arrow;
    int from = -1;        // participant index (Arrow, Note)
    int to = -1;          // participant index (Arrow)
    bool dashed = false;  // a reply (-->>)
    QStringList text;     // lines (Mermaid's <br>)
  };
  QString title;
  std::vector<Participant> participants;
  std::vector<Row> rows;

  // Parses the engine's Mermaid text; unknown lines are skipped.
  static SequenceDiagram fromMermaid(const QString& mermaid);
  int arrows() const;
};

}  // namespace brokerlab::ui
