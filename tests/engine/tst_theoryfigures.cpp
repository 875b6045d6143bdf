// The closed forms the window shows beside the measured figures (metrics/QueueingTheory): each
// system is recognised only where the model makes it one (and says why not elsewhere), its
// formulas agree with the textbook's independent forms, and a long run lands on them.

#include "EngineFixtures.h"
#include "metrics/QueueingTheory.h"
#include "metrics/Report.h"

#include <cmath>

using namespace brokerlab;
using namespace brokerlab::fixtures;

namespace {

Scenario textbook(double lambda, Distribution service, std::uint32_t servers) {
  Scenario s = scenario(3600 * kSecond);
  ComponentSpec p = producer("arrivals", "q", 0, 0);
  p.interarrival.reset();
  p.rate = lambda;
  ComponentSpec c = consumer("servers", "q", 0, servers);
  c.service = service;
  s.components = {p, queue("q"), c};
  return s;
}

QueueTheory theoryOf(const Scenario& s) {
  const ModelBuildResult built = buildModel(s, std::nullopt);
  if (!built.model) qFatal("%s", built.error.c_str());
  return queueTheory(*built.model, 0);
}

}  // namespace

class tst_TheoryFigures : public QObject {
  Q_OBJECT

 private slots:
  void erlangCKnownValues() {
    QVERIFY(std::abs(erlangC(1, 0.8) - 0.8) < 1e-12);      // one server: rho
    QVERIFY(std::abs(erlangC(2, 1.0) - 1.0 / 3) < 1e-12);  // c = 2, a = 1
    QVERIFY(std::abs(erlangC(3, 2.4) - 0.647191) < 1e-6);  // mmc.json's description
  }

  void mm1AndMd1AndMmc() {
    QueueTheory t = theoryOf(textbook(8, Distribution::exponential(100 * kMillisecond), 1));
    QCOMPARE(QString::fromStdString(t.system), QStringLiteral("M/M/1"));
    QVERIFY(std::abs(t.rho - 0.8) < 1e-12);
    QVERIFY(std::abs(t.waitS - 0.4) < 1e-12);      // rho / (mu - lambda)
    QVERIFY(std::abs(t.depthMean - 3.2) < 1e-12);  // rho^2 / (1 - rho)

    t = theoryOf(textbook(0.5, Distribution::constant(kSecond), 1));
    QCOMPARE(QString::fromStdString(t.system), QStringLiteral("M/D/1"));
    QVERIFY(std::abs(t.waitS - 0.5) < 1e-12);  // rho / (2 mu (1 - rho))

    t = theoryOf(textbook(24, Distribution::exponential(100 * kMillisecond), 3));
    QCOMPARE(QString::fromStdString(t.system), QStringLiteral("M/M/3"));
    QVERIFY(std::abs(t.waitS - 0.647191 / 6) < 1e-6);  // C / (c mu - lambda)

    // Past saturation: recognised, unstable, no wait to promise.
    t = theoryOf(textbook(12, Distribution::exponential(100 * kMillisecond), 1));
    QVERIFY(t.applies());
    QVERIFY(!t.stable);
  }

  void mm1kAgreesWithItsClosedForm() {
    Scenario s = textbook(8, Distribution::exponential(100 * kMillisecond), 1);
    s.components[1].maxLength = 4;
    s.components[1].overflow = Overflow::RejectPublish;
    const QueueTheory t = theoryOf(s);
    QCOMPARE(QString::fromStdString(t.system), QStringLiteral("M/M/1/5"));
    // K = 5 in the system; the textbook's forms for rho != 1.
    const double r = 0.8;
    const int k = 5;
    const double pk = (1 - r) * std::pow(r, k) / (1 - std::pow(r, k + 1));
    const double p0 = (1 - r) / (1 - std::pow(r, k + 1));
    const double l = r / (1 - r) - (k + 1) * std::pow(r, k + 1) / (1 - std::pow(r, k + 1));
    const double lq = l - (1 - p0);
    QVERIFY(std::abs(t.blocking - pk) < 1e-12);
    QVERIFY(std::abs(t.depthMean - lq) < 1e-12);
    QVERIFY(std::abs(t.waitS - lq / (8 * (1 - pk))) < 1e-12);  // Little on accepted arrivals
  }

  void saysWhyNot() {
    Scenario s = textbook(8, Distribution::exponential(100 * kMillisecond), 1);
    s.components[2].prefetch = 10;
    QVERIFY(theoryOf(s).whyNot.find("prefetch") != std::string::npos);
    s = textbook(8, Distribution::exponential(100 * kMillisecond), 2);
    s.components[2].service = Distribution::constant(100 * kMillisecond);
    QVERIFY(theoryOf(s).whyNot.find("M/M/c") != std::string::npos);
    s = textbook(8, Distribution::exponential(100 * kMillisecond), 1);
    s.components[0].interarrival = Distribution::constant(125 * kMillisecond);
    s.components[0].rate.reset();
    QVERIFY(theoryOf(s).whyNot.find("Poisson") != std::string::npos);
    const QueueTheory none = theoryOf(bundledScenario("work-queue.json"));
    QVERIFY(!none.applies());
    QVERIFY(!none.whyNot.empty());
  }

  // Measured beside theory, as the window shows them: the bundled textbook scenarios land within
  // a few percent (their descriptions say how close their lengths allow).
  void bundledTextbookScenariosLandOnTheory_data() {
    QTest::addColumn<QString>("name");
    QTest::addColumn<double>("tolerance");
    QTest::newRow("mm1") << "mm1" << 0.08;
    QTest::newRow("mmc") << "mmc" << 0.06;
  }
  void bundledTextbookScenariosLandOnTheory() {
    QFETCH(QString, name);
    QFETCH(double, tolerance);
    const Scenario s = bundledScenario(name + ".json");
    Simulator sim = simulator(s);
    RUN(sim);
    const QueueTheory t = queueTheory(sim.model(), 0);
    QVERIFY(t.applies() && t.stable);
    const QueueReport q = buildReport(sim).queues[0];
    QVERIFY2(std::abs(q.wait.meanS / t.waitS - 1) < tolerance,
             qPrintable(QStringLiteral("wait %1 s, theory %2 s").arg(q.wait.meanS).arg(t.waitS)));
    QVERIFY2(std::abs(q.depthMean / t.depthMean - 1) < tolerance,
             qPrintable(QStringLiteral("depth %1, theory %2").arg(q.depthMean).arg(t.depthMean)));
  }
};

QTEST_MAIN(tst_TheoryFigures)
#include "tst_theoryfigures.moc"
