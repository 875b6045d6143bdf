// What is valid but probably not meant is said, with its place, without refusing the file: a
// normal distribution whose truncation at 0 moves its mean says the mean it really has.

#include "ScenarioText.h"
#include "scenario/ScenarioReader.h"
#include "scenario/ScenarioValidation.h"

#include <QTest>

#include <string>

using namespace brokerlab;
using test::j;

namespace {

// Producer -> queue -> consumer whose service is `service`.
std::string withService(const std::string& service) {
  return j("{'format': 'brokerlab-scenario', 'version': 1, 'name': 't', 'duration': '10s',\n"
           "'components': [{'id': 'p', 'kind': 'producer', 'target': 'q', 'rate': 1},\n"
           "{'id': 'q', 'kind': 'queue'},\n{'id': 'c', 'kind': 'consumer', 'source': 'q', "
           "'service': ") +
         service + "}]}";
}

}  // namespace

class tst_ScenarioWarnings : public QObject {
  Q_OBJECT

 private slots:
  // 10ms +- 10ms: a normal truncated at 0 averages 10ms + 10ms x phi(1) / Phi(1) = 12.9ms.
  void aTruncatedNormalSaysItsEffectiveMean() {
    const ScenarioLoadResult r =
        parseScenario(withService(j("{'dist': 'normal', 'mean': '10ms', 'stddev': '10ms'}")));
    QVERIFY(r.scenario);
    QCOMPARE(r.warnings.size(), std::size_t(1));
    QCOMPARE(r.warnings[0].path, std::string("components[2].service"));
    QCOMPARE(r.warnings[0].line, 4);
    QVERIFY2(r.warnings[0].message.find("effective mean of 12.88ms, 29% above its mean of 10ms") !=
                 std::string::npos,
             r.warnings[0].message.c_str());
  }

  void aNarrowNormalSaysNothing() {
    const ScenarioLoadResult r =
        parseScenario(withService(j("{'dist': 'normal', 'mean': '10ms', 'stddev': '4ms'}")));
    QVERIFY(r.scenario);
    QVERIFY(r.warnings.empty());  // 10ms +- 4ms: truncation moves the mean by 0.2%
  }

  void anInvalidScenarioHasErrorsNotWarnings() {
    const ScenarioLoadResult r = parseScenario(
        withService(j("{'dist': 'normal', 'mean': '10ms', 'stddev': '10ms'}, 'x': 1")));
    QVERIFY(!r.scenario);
    QVERIFY(r.warnings.empty());
  }

  void warningsOfAScenarioInMemory() {
    const ScenarioLoadResult r =
        parseScenario(withService(j("{'dist': 'normal', 'mean': '0s', 'stddev': '1ms'}")));
    QVERIFY(r.scenario);
    const std::vector<ScenarioIssue> w = scenarioWarnings(*r.scenario);
    QCOMPARE(w.size(), std::size_t(1));
    QVERIFY2(w[0].message.find("above its mean of 0s") != std::string::npos, w[0].message.c_str());
  }
};

QTEST_GUILESS_MAIN(tst_ScenarioWarnings)
#include "tst_scenariowarnings.moc"
