// Limits at their edges: what multiplies memory across components is bounded in all (a valid file
// must not pass validation and then abort the run), a limit is inclusive, and a file with more
// problems than are listed says how many more there are.

#include "ScenarioText.h"
#include "scenario/ScenarioReader.h"
#include "scenario/ScenarioRules.h"

#include <QTest>

#include <string>

using namespace brokerlab;
using test::j;

namespace {

std::string doc(const std::string& top, const std::string& list) {
  return j("{'format': 'brokerlab-scenario', 'version': 1, 'name': 't', 'duration': '10s', ") +
         top + (top.empty() ? "" : ", ") + j("'components': [") + list + "]}";
}

// One producer into queue "q" and `consumers` consumers of it with `instances` each.
std::string consumersOfOneQueue(int consumers, int instances) {
  std::string list =
      j("{'id': 'p', 'kind': 'producer', 'target': 'q', 'rate': 1}, "
        "{'id': 'q', 'kind': 'queue'}");
  for (int i = 0; i < consumers; ++i)
    list += j(", {'id': 'c") + std::to_string(i) + j("', 'kind': 'consumer', 'source': 'q', ") +
            j("'service': '1s', 'instances': ") + std::to_string(instances) + "}";
  return doc("", list);
}

// `streams` streams of `partitions` partitions, each read by one consumer group.
std::string streams(int count, int partitions) {
  std::string list;
  for (int i = 0; i < count; ++i) {
    const std::string n = std::to_string(i);
    list += (i ? ", " : "") + j("{'id': 's") + n + j("', 'kind': 'stream', 'partitions': ") +
            std::to_string(partitions) + j("}, {'id': 'r") + n +
            j("', 'kind': 'consumer', 'source': 's") + n + j("', 'group': 'g', 'service': '1ms'}");
  }
  return doc("", list);
}

bool mentions(const ScenarioLoadResult& r, const std::string& text) {
  for (const ScenarioIssue& i : r.issues)
    if (i.message.find(text) != std::string::npos) return true;
  return false;
}

std::string allMessages(const ScenarioLoadResult& r) {
  std::string out;
  for (const ScenarioIssue& i : r.issues) out += i.path + ": " + i.message + "\n";
  return out;
}

}  // namespace

class tst_ScenarioLimits : public QObject {
  Q_OBJECT

 private slots:
  // 100,000 consumers of 10,000 instances each are a billion instances: each is valid on its
  // own, the whole used to pass validation and end in std::bad_alloc.
  void instancesAreBoundedInAll() {
    const ScenarioLoadResult r = parseScenario(consumersOfOneQueue(1000, 10'000));
    QVERIFY(!r.scenario);
    QVERIFY2(mentions(r, "instances (scale faults included) in all; the limit is 1000000"),
             allMessages(r).c_str());
    QCOMPARE(r.issues.size(), std::size_t(1));
    QCOMPARE(r.issues[0].path, std::string("components[102].instances"));  // where it crosses
    QVERIFY(parseScenario(consumersOfOneQueue(100, 10'000)).scenario);     // the limit itself
  }

  void scaleFaultsCountTowardsTheInstances() {
    std::string text = consumersOfOneQueue(100, 10'000);
    text.insert(text.rfind('}'), j(", 'faults': [{'at': '1s', 'kind': 'scale', 'target': 'c0', "
                                   "'instances': 10000}, {'at': '2s', 'kind': 'scale', "
                                   "'target': 'c1', 'instances': 1}]"));
    QVERIFY(parseScenario(text).scenario);  // scaling within the configured count adds nothing
    std::string more = consumersOfOneQueue(100, 9'999);
    more.insert(more.rfind('}'), j(", 'faults': [{'at': '1s', 'kind': 'scale', 'target': 'c99', "
                                   "'instances': 10000}]"));
    QVERIFY(parseScenario(more).scenario);  // 99 x 9999 + 10000 is under the limit
    std::string over = consumersOfOneQueue(100, 10'000);
    over.insert(over.rfind('}'), j(", 'faults': [{'at': '1s', 'kind': 'scale', 'target': 'x', "
                                   "'instances': 1}]"));
    QVERIFY(!parseScenario(over).scenario);  // a wrong target is still reported
  }

  void streamPartitionsAreBoundedInAll() {
    const ScenarioLoadResult r = parseScenario(streams(200, 1024));
    QVERIFY(!r.scenario);
    QVERIFY2(mentions(r, "partitions in all") && mentions(r, "the limit is 100000"),
             allMessages(r).c_str());
    QVERIFY(parseScenario(streams(97, 1024)).scenario);
  }

  // The limit on samples is inclusive: 10 s at 10 us is exactly 10^6 samples.
  void exactlyAMillionSamplesAreAllowed() {
    const std::string list =
        j("{'id': 'p', 'kind': 'producer', 'target': 'q', 'rate': 1}, "
          "{'id': 'q', 'kind': 'queue'}");
    QVERIFY(parseScenario(doc(j("'sample_interval': '10us'"), list)).scenario);
    const ScenarioLoadResult r = parseScenario(doc(j("'sample_interval': '9999ns'"), list));
    QVERIFY(!r.scenario);
    QVERIFY2(mentions(r, "gives more than 1000000 samples over the duration; use at least 10us"),
             allMessages(r).c_str());
  }

  // 200 problems: the first ones are listed, and the last line says how many more there are.
  void aCappedListSaysHowManyMore() {
    std::string list = j("{'id': 'q', 'kind': 'queue'}");
    for (int i = 0; i < 200; ++i)
      list += j(", {'id': 'q") + std::to_string(i) + j("', 'kind': 'queue', 'max_length': -1}");
    const ScenarioLoadResult r = parseScenario(doc("", list));
    QCOMPARE(r.issues.size(), limits::kMaxIssues);
    QCOMPARE(r.issues.back().message,
             std::string("too many problems: the first 99 are listed, 101 more are not"));
    QCOMPARE(r.problemCount(), std::size_t(200));
  }

  void exactlyAsManyProblemsAsListedNeedNoNote() {
    std::string list = j("{'id': 'q', 'kind': 'queue'}");
    for (int i = 0; i < int(limits::kMaxIssues); ++i)
      list += j(", {'id': 'q") + std::to_string(i) + j("', 'kind': 'queue', 'max_length': -1}");
    const ScenarioLoadResult r = parseScenario(doc("", list));
    QCOMPARE(r.issues.size(), limits::kMaxIssues);
    QVERIFY(r.issues.back().message.find("too many") == std::string::npos);
    QCOMPARE(r.problemCount(), limits::kMaxIssues);
  }
};

QTEST_GUILESS_MAIN(tst_ScenarioLimits)
#include "tst_scenariolimits.moc"
