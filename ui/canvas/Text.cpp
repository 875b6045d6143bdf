#include "canvas/Text.h"

#include <QLocale>
#include <QRegularExpression>

#include <cmath>

namespace brokerlab::ui {

QString formatCount(std::uint64_t n) {
  // Always the English grouping: figures on a shared slide should read the same everywhere.
  return QLocale(QLocale::English).toString(static_cast<qulonglong>(n));
}

QString formatRate(double perSecond) {
  if (perSecond >= 1e6) return QStringLiteral("%1M/s").arg(perSecond / 1e6, 0, 'f', 1);
  if (perSecond >= 1e4) return QStringLiteral("%1k/s").arg(perSecond / 1e3, 0, 'f', 0);
  if (perSecond >= 1e3) return QStringLiteral("%1k/s").arg(perSecond / 1e3, 0, 'f', 1);
  if (perSecond >= 10) return QStringLiteral("%1/s").arg(perSecond, 0, 'f', 0);
  if (perSecond >= 1) return QStringLiteral("%1/s").arg(perSecond, 0, 'g', 3);
  return QStringLiteral("%1/s").arg(perSecond, 0, 'g', 2);
}

QString formatPercent(double fraction) {
  return QStringLiteral("%1%").arg(fraction * 100, 0, 'f', 1);
}

QString formatClock(SimTime t) {
  return formatClock(t, t);
}

QString formatClock(SimTime t, SimTime span) {
  const std::int64_t ms = t / kMillisecond;
  const std::int64_t h = ms / 3'600'000;
  const std::int64_t m = (ms / 60'000) % 60;
  const std::int64_t s = (ms / 1000) % 60;
  const std::int64_t frac = ms % 1000;
  if (h > 0 || span >= kHour) {
    return QStringLiteral("%1:%2:%3.%4")
        .arg(h)
        .arg(m, 2, 10, QLatin1Char('0'))
        .arg(s, 2, 10, QLatin1Char('0'))
        .arg(frac, 3, 10, QLatin1Char('0'));
  }
  return QStringLiteral("%1:%2.%3")
      .arg(m)
      .arg(s, 2, 10, QLatin1Char('0'))
      .arg(frac, 3, 10, QLatin1Char('0'));
}

QString formatSeconds(SimTime t) {
  const double s = toSeconds(t);
  if (t == 0) return QStringLiteral("0 s");
  if (s >= 1) return QStringLiteral("%1 s").arg(s, 0, 'g', 4);
  if (s >= 1e-3) return QStringLiteral("%1 ms").arg(s * 1e3, 0, 'g', 3);
  if (s >= 1e-6) return QStringLiteral("%1 µs").arg(s * 1e6, 0, 'g', 3);
  return QStringLiteral("%1 ns").arg(t);
}

QString keptTogether(const QString& text) {
  static const QRegularExpression method(
      QStringLiteral("\\b(GET|POST|PUT|PATCH|DELETE|HEAD) (?=/)"));
  // A unit after a figure: time, rates, sizes, percentages; not a word that starts like one
  // ("3 seconds", "2 shards").
  static const QRegularExpression unit(QStringLiteral(
      "(\\d) (?=(ns|µs|us|ms|s|min|h|%|/s|B|KiB|MiB|GiB|KB|MB|GB|msg/s|jobs/s)(?![\\w/]))"));
  QString glued = text;
  glued.replace(method, QStringLiteral("\\1\u00a0"));
  glued.replace(unit, QStringLiteral("\\1\u00a0"));
  glued.replace(QStringLiteral(" / "), QStringLiteral("\u00a0/\u00a0"));  // "370 / (40 − 15)"
  // An operator starts a line rather than ends one: "(40 − 15)" then "≈ 15 s", not "≈" then "15".
  static const QRegularExpression operatorSpace(QStringLiteral(" ([=≈≤≥<>×−+]) "));
  glued.replace(operatorSpace, QStringLiteral(" \\1\u00a0"));
  QString out;
  out.reserve(glued.size() + glued.size() / 8);
  for (qsizetype i = 0; i < glued.size(); ++i) {
    out += glued[i];
    if (glued[i] != QLatin1Char('/') || i + 1 >= glued.size()) continue;
    const QChar next = glued[i + 1];
    if (next.isLetterOrNumber() || next == QLatin1Char('{') || next == QLatin1Char('('))
      out += QChar(0x2060);
  }
  return out;
}

}  // namespace brokerlab::ui
