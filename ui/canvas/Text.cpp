#include "canvas/Text.h"

#include <QLocale>

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

QString formatClock(SimTime t) {
  const std::int64_t ms = t / kMillisecond;
  const std::int64_t h = ms / 3'600'000;
  const std::int64_t m = (ms / 60'000) % 60;
  const std::int64_t s = (ms / 1000) % 60;
  const std::int64_t frac = ms % 1000;
  if (h > 0) {
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

}  // namespace brokerlab::ui
