#include "compare/KeyFigures.h"

#include "canvas/Text.h"
#include "metrics/Report.h"

#include <cmath>
#include <map>

namespace brokerlab::ui {

std::optional<double> KeyFigure::difference() const {
  if (!a || !b) return std::nullopt;
  return *b - *a;
}

std::optional<double> KeyFigure::relative() const {
  if (!a || !b || *a == 0) return std::nullopt;
  return (*b - *a) / std::abs(*a);
}

namespace {

// Collects the figures of one run, then of the other, into rows matched by name (A's order first,
// then what only B has).
class Table {
 public:
  void setSide(bool b) { b_ = b; }
  void add(const QString& name, FigureUnit unit, int better, std::optional<double> v,
           bool onlyWhenAny = false) {
    auto [at, fresh] = index_.try_emplace(name, rows_.size());
    if (fresh) {
      rows_.push_back({{name, unit, better, {}, {}}, onlyWhenAny});
    }
    (b_ ? rows_[at->second].figure.b : rows_[at->second].figure.a) = v;
  }
  std::vector<KeyFigure> take() {
    std::vector<KeyFigure> out;
    for (Row& r : rows_) {
      const auto nonzero = [](const std::optional<double>& v) { return v && *v != 0; };
      if (r.onlyWhenAny && !nonzero(r.figure.a) && !nonzero(r.figure.b)) continue;
      out.push_back(std::move(r.figure));
    }
    return out;
  }

 private:
  struct Row {
    KeyFigure figure;
    bool onlyWhenAny;
  };
  std::vector<Row> rows_;
  std::map<QString, std::size_t> index_;
  bool b_ = false;
};

double count(std::uint64_t n) {
  return static_cast<double>(n);
}
std::optional<double> percentile(const LatencySummary& l, double v) {
  if (l.count == 0) return std::nullopt;
  return v;
}
std::uint64_t outcome(const Ledger& l, Outcome o) {
  return l.outcomes[static_cast<std::size_t>(o)];
}
QString id(const std::string& s) {
  return QString::fromStdString(s);
}

void addQueue(Table& t, const QString& name, const QueueReport& q, double simS) {
  const QueueCounters& c = q.counters;
  t.add(name + QStringLiteral(": delivered"), FigureUnit::Count, 0, count(c.delivered));
  // Auto acks: none to count, and a comparison with a run that acks would call this one worse.
  t.add(name + QStringLiteral(": acked/s"), FigureUnit::PerSecond, +1,
        q.autoAckOnly ? std::nullopt : std::optional<double>(simS > 0 ? count(c.acked) / simS : 0));
  t.add(name + QStringLiteral(": wait p50"), FigureUnit::Seconds, -1,
        percentile(q.wait, q.wait.p50S));
  t.add(name + QStringLiteral(": wait p99"), FigureUnit::Seconds, -1,
        percentile(q.wait, q.wait.p99S));
  t.add(name + QStringLiteral(": mean backlog"), FigureUnit::Messages, -1, q.depthMean);
  t.add(name + QStringLiteral(": dead-lettered"), FigureUnit::Count, -1, count(c.deadLettered),
        true);
  t.add(name + QStringLiteral(": dropped"), FigureUnit::Count, -1, count(c.dropped), true);
  t.add(name + QStringLiteral(": rejected"), FigureUnit::Count, -1, count(c.rejected), true);
}

void addRun(Table& t, const RunReport& r) {
  const Ledger& l = r.ledger;
  std::uint64_t deadLettered = 0;
  for (const QueueReport& q : r.queues) deadLettered += q.counters.deadLettered;
  for (const TopicReport& topic : r.topics)
    for (const SubscriptionReport& s : topic.subscriptions)
      deadLettered += s.queue.counters.deadLettered;
  const std::uint64_t processed = outcome(l, Outcome::Acked) + outcome(l, Outcome::Consumed) +
                                  outcome(l, Outcome::ReadProcessed);
  const std::uint64_t lost =
      outcome(l, Outcome::LostAutoAckFailure) + outcome(l, Outcome::LostConsumerCrash) +
      outcome(l, Outcome::LostBrokerRestart) + outcome(l, Outcome::LostPartition);
  const std::uint64_t dropped =
      outcome(l, Outcome::DroppedOverflow) + outcome(l, Outcome::DroppedDeliveryLimit);
  t.add(QStringLiteral("published"), FigureUnit::Count, 0, count(l.published));
  t.add(QStringLiteral("processed (acked or consumed)"), FigureUnit::Count, +1, count(processed));
  t.add(QStringLiteral("still in the system"), FigureUnit::Count, -1, count(l.live()));
  t.add(QStringLiteral("dead-lettered"), FigureUnit::Count, -1, count(deadLettered));
  t.add(QStringLiteral("lost"), FigureUnit::Count, -1, count(lost));
  t.add(QStringLiteral("rejected"), FigureUnit::Count, -1,
        count(outcome(l, Outcome::Rejected) + outcome(l, Outcome::RejectedByConsumer)), true);
  t.add(QStringLiteral("expired"), FigureUnit::Count, -1, count(outcome(l, Outcome::Expired)),
        true);
  t.add(QStringLiteral("dropped"), FigureUnit::Count, -1, count(dropped), true);

  for (const ProducerReport& p : r.producers) {
    if (streamOf(r, p) != nullptr) continue;  // no end to end of its own: its groups' (below)
    const QString name = id(p.id);
    t.add(name + QStringLiteral(": end-to-end p50"), FigureUnit::Seconds, -1,
          percentile(p.endToEnd, p.endToEnd.p50S));
    t.add(name + QStringLiteral(": end-to-end p99"), FigureUnit::Seconds, -1,
          percentile(p.endToEnd, p.endToEnd.p99S));
  }
  for (const QueueReport& q : r.queues) addQueue(t, id(q.id), q, r.simTimeS);
  for (const TopicReport& topic : r.topics)
    for (const SubscriptionReport& s : topic.subscriptions)
      addQueue(t, id(topic.id) + QLatin1Char('/') + id(s.consumer), s.queue, r.simTimeS);
  for (const ConsumerReport& c : r.consumers) {
    const QString name = id(c.id);
    t.add(name + QStringLiteral(": processed"), FigureUnit::Count, 0, count(c.processed));
    t.add(name + QStringLiteral(": utilization"), FigureUnit::Fraction, 0, c.utilization);
  }
  for (const StreamReport& s : r.streams)
    for (const GroupReport& g : s.groups) {
      const QString name = id(s.id) + QLatin1Char('/') + id(g.name);
      t.add(name + QStringLiteral(": end-to-end p99"), FigureUnit::Seconds, -1,
            percentile(g.endToEnd, g.endToEnd.p99S));
      t.add(name + QStringLiteral(": mean lag"), FigureUnit::Messages, -1, g.lagMean);
    }
  for (const ClientReport& c : r.clients) {
    const QString name = id(c.id);
    t.add(name + QStringLiteral(": results"), FigureUnit::Count, +1,
          count(c.outcomes[static_cast<std::size_t>(ClientOutcome::Result)]));
    t.add(name + QStringLiteral(": time to result p50"), FigureUnit::Seconds, -1,
          percentile(c.timeToResult, c.timeToResult.p50S));
    t.add(name + QStringLiteral(": time to result p99"), FigureUnit::Seconds, -1,
          percentile(c.timeToResult, c.timeToResult.p99S));
  }
}

}  // namespace

std::vector<KeyFigure> keyFigures(const RunReport& a, const RunReport& b) {
  Table t;
  addRun(t, a);
  t.setSide(true);
  addRun(t, b);
  return t.take();
}

QString formatFigure(double v, FigureUnit unit, bool signedValue) {
  const QString sign = signedValue && v > 0 ? QStringLiteral("+") : QString();
  const QString minus = QStringLiteral("−");
  const double magnitude = std::abs(v);
  QString text;
  switch (unit) {
    case FigureUnit::Count:
      text = formatCount(static_cast<std::uint64_t>(std::llround(magnitude)));
      break;
    case FigureUnit::PerSecond:
      text = QStringLiteral("%1/s").arg(QString::number(magnitude, 'f', magnitude < 10 ? 2 : 1));
      break;
    case FigureUnit::Seconds:
      text = formatSeconds(static_cast<SimTime>(std::llround(magnitude * 1e9)));
      break;
    case FigureUnit::Fraction:
      text = formatPercent(magnitude);
      break;
    case FigureUnit::Messages:
      text = QString::number(magnitude, 'f', magnitude < 10 ? 2 : 1);
      break;
  }
  return (v < 0 ? minus : sign) + text;
}

QString formatRelative(double fraction) {
  const QString sign = fraction > 0   ? QStringLiteral("+")
                       : fraction < 0 ? QStringLiteral("−")
                                      : QString();
  return QStringLiteral("%1%2%").arg(sign).arg(std::abs(fraction) * 100, 0, 'f', 1);
}

namespace {
std::string csvField(const QString& text) {
  std::string s = text.toStdString();
  if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
  std::string quoted = "\"";
  for (char c : s) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  return quoted + '"';
}
std::string csvNumber(const std::optional<double>& v) {
  // QString::number is the C locale's whatever the user's: a point, never a comma.
  return v ? QString::number(*v, 'g', 9).toStdString() : std::string();
}
const char* unitName(FigureUnit unit) {
  switch (unit) {
    case FigureUnit::Count:
      return "count";
    case FigureUnit::PerSecond:
      return "per_s";
    case FigureUnit::Seconds:
      return "s";
    case FigureUnit::Fraction:
      return "fraction";
    case FigureUnit::Messages:
      return "messages";
  }
  return "";
}
}  // namespace

std::string keyFiguresCsv(const std::vector<KeyFigure>& figures) {
  std::string out = "figure,unit,better,a,b,b_minus_a,b_vs_a\n";
  for (const KeyFigure& f : figures) {
    out += csvField(f.name) + ',' + unitName(f.unit) + ',' +
           (f.better > 0   ? "higher"
            : f.better < 0 ? "lower"
                           : "") +
           ',' + csvNumber(f.a) + ',' + csvNumber(f.b) + ',' + csvNumber(f.difference()) + ',' +
           csvNumber(f.relative()) + '\n';
  }
  return out;
}

}  // namespace brokerlab::ui
