// The table and the JSON report say the same thing in the same words: a table column is the JSON
// key with spaces for underscores, holding the same figure; nothing measured is "-" in the table
// and null in the JSON; a zero duration carries its unit; mean wait and Little's law with
// redeliveries; consumer instances at the end beside the configured count.

#include "CliRunner.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace {

using brokerlab::testing::cli;
using brokerlab::testing::scenario;
using Result = brokerlab::testing::CliResult;

QJsonObject components(const QString& file) {
  const Result r = cli({"run", scenario(file), "--json"});
  if (r.exitCode != 0) qFatal("run failed: %s", qPrintable(r.err));
  return QJsonDocument::fromJson(r.out.toUtf8()).object()["components"].toObject();
}

QStringList tableLines(const QString& file) {
  const Result r = cli({"run", scenario(file)});
  if (r.exitCode != 0) qFatal("run failed: %s", qPrintable(r.err));
  return r.out.split('\n');
}

// The cell of `row` under the right-aligned column `name` of the table whose header starts with
// `table` (e.g. "queue "), in the row that starts with `row` followed by a space.
QString cell(const QStringList& lines, const QString& table, const QString& row,
             const QString& name) {
  qsizetype header = -1;
  for (qsizetype i = 0; i < lines.size() && header < 0; ++i)
    if (lines[i].startsWith(table)) header = i;
  if (header < 0) return QStringLiteral("(no table %1)").arg(table);
  const QRegularExpression column("  " + QRegularExpression::escape(name) + "(  |$)");
  const QRegularExpressionMatch m = column.match(lines[header]);
  if (!m.hasMatch()) return QStringLiteral("(no column %1)").arg(name);
  const qsizetype end = m.capturedStart() + 2 + name.size();
  for (qsizetype i = header + 1; i < lines.size() && !lines[i].isEmpty(); ++i) {
    if (!lines[i].startsWith(row + ' ')) continue;
    const QString upToEnd = lines[i].left(end);
    return upToEnd.mid(upToEnd.lastIndexOf(' ') + 1);
  }
  return QStringLiteral("(no row %1)").arg(row);
}

}  // namespace

class tst_ReportNames : public QObject {
  Q_OBJECT

 private slots:
  void queueColumnsAreTheJsonKeys_data() {
    QTest::addColumn<QString>("key");
    for (const char* key :
         {"published", "rejected", "enqueued", "delivered", "acked", "nacked", "redelivered",
          "expired", "dead_lettered", "dropped", "depth_now", "depth_max"})
      QTest::newRow(key) << QString(key);
  }
  void queueColumnsAreTheJsonKeys() {
    QFETCH(QString, key);
    const QStringList lines = tableLines("poison-dead-letter.json");
    const QJsonObject json = components("poison-dead-letter.json");
    for (const QString queue : {"payments", "payments.dlq"}) {
      const QString column = QString(key).replace('_', ' ');
      QCOMPARE(cell(lines, "queue ", queue, column),
               QString::number(json[queue].toObject()[key].toInteger()));
    }
  }

  // Nothing was delivered from the dead-letter queue: no wait was measured, which the JSON says
  // with null as the table does with "-" (a 0 would read as no waiting).
  void anEmptyStatisticIsTheSameInBoth() {
    const QJsonObject dlq = components("poison-dead-letter.json")["payments.dlq"].toObject();
    for (const char* key : {"wait_mean_s", "wait_p50_s", "wait_p95_s", "wait_p99_s", "wait_max_s"})
      QVERIFY2(dlq[key].isNull(), key);
    QCOMPARE(cell(tableLines("poison-dead-letter.json"), "queue ", "payments.dlq", "wait mean"),
             QString("-"));
  }

  void aZeroDurationCarriesItsUnit() {
    const QJsonObject payments = components("poison-dead-letter.json")["payments"].toObject();
    QCOMPARE(payments["wait_p50_s"].toDouble(), 0.0);
    QCOMPARE(cell(tableLines("poison-dead-letter.json"), "queue ", "payments", "p50"),
             QString("0s"));
  }

  // Redelivered messages wait again, so the mean wait is per delivery: Little's law holds with
  // the delivery rate, which the report gives and explains.
  void meanWaitIsPerDelivery() {
    const QJsonObject q = components("poison-dead-letter.json")["payments"].toObject();
    const double rate = q["delivery_rate_per_s"].toDouble();
    QCOMPARE(rate, q["delivered"].toDouble() / 120.0);
    const double little = rate * q["wait_mean_s"].toDouble();
    QVERIFY2(qAbs(little - q["depth_mean"].toDouble()) < 0.05 * q["depth_mean"].toDouble(),
             qPrintable(QString("%1 x wait = %2, depth mean %3")
                            .arg(rate)
                            .arg(little)
                            .arg(q["depth_mean"].toDouble())));
    QVERIFY(q["arrival_rate_per_s"].toDouble() * q["wait_mean_s"].toDouble() <
            0.8 * q["depth_mean"].toDouble());  // the arrival rate would not do
    const QString table = tableLines("poison-dead-letter.json").join('\n');
    QVERIFY2(table.contains("wait is per delivery"), qPrintable(table));
  }

  // scale-out takes its resizers from 1 to 4 instances, then to 2.
  void instancesAtTheEndBesideTheConfiguredCount() {
    const QJsonObject resizers = components("scale-out.json")["resizers"].toObject();
    QCOMPARE(resizers["instances"].toInt(), 2);
    QCOMPARE(resizers["instances_configured"].toInt(), 1);
    const QStringList lines = tableLines("scale-out.json");
    QCOMPARE(cell(lines, "consumer ", "resizers", "instances"), QString("2"));
    QCOMPARE(cell(lines, "consumer ", "resizers", "configured"), QString("1"));
  }
};

QTEST_GUILESS_MAIN(tst_ReportNames)
#include "tst_reportnames.moc"
