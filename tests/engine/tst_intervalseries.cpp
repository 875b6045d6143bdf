// The series sampled every sample_interval say what the run's own counters, histograms and
// integrals say: rates add up to counts, the percentiles of each interval bracket the run's,
// utilization and lag average to the report's figures, answers by status add up to the API's, and
// the request-reply means weighted by their jobs give the report's means. Bundled scenarios with
// their own seeds; each ends on a sample boundary (the default step divides the duration).

#include "EngineFixtures.h"
#include "metrics/Report.h"
#include "scenario/ScenarioFile.h"

#include <algorithm>
#include <cmath>

using namespace brokerlab;
using namespace brokerlab::fixtures;

namespace {

bool near(double a, double b, double relative) {
  return std::abs(a - b) <= relative * std::max({1.0, std::abs(a), std::abs(b)});
}

QByteArray text(const std::string& what, double got, double want) {
  return QByteArray::fromStdString(what + ": " + std::to_string(got) + " vs " +
                                   std::to_string(want));
}

// The sum over the run of a per-second rate: the count it was taken from.
double total(const TimeSeries& perS) {
  double sum = 0;
  for (const double v : perS.points()) sum += v * toSeconds(perS.step());
  return sum;
}

void addScenarios(std::initializer_list<const char*> files) {
  QTest::addColumn<QString>("file");
  for (const char* f : files) QTest::newRow(f) << QString(f);
}

// The percentile series of one latency, checked against the run's histogram: p50 <= p95 <= p99 in
// every interval, a gap exactly where nothing was recorded, and each of the run's percentiles
// between the lowest and highest of the intervals' (within a bucket's width, 1/64).
void checkPercentiles(const PercentileSeries& s, const LatencyHistogram& run,
                      const std::vector<bool>& recorded, const std::string& what) {
  const std::vector<double>&p50 = s.p50.points(), &p95 = s.p95.points(), &p99 = s.p99.points();
  QCOMPARE(p50.size(), recorded.size());
  const std::pair<double, const std::vector<double>*> percentiles[] = {
      {50, &p50}, {95, &p95}, {99, &p99}};
  for (std::size_t i = 0; i < p50.size(); ++i) {
    QVERIFY2(isSeriesGap(p50[i]) == !recorded[i], (what + " gap " + std::to_string(i)).c_str());
    if (!recorded[i]) continue;
    QVERIFY2(p50[i] <= p95[i] && p95[i] <= p99[i], (what + " order").c_str());
  }
  if (run.count() == 0) return;
  for (const auto& [p, points] : percentiles) {
    double low = INFINITY, high = -INFINITY;
    for (const double v : *points)
      if (!isSeriesGap(v)) low = std::min(low, v), high = std::max(high, v);
    const double overall = toSeconds(run.percentile(p));
    QVERIFY2(low * (1 - 1.0 / 32) - 1e-9 <= overall && overall <= high * (1 + 1.0 / 32) + 1e-9,
             text(what + " p" + std::to_string(int(p)) + " in [" + std::to_string(low) + ", " +
                      std::to_string(high) + "]",
                  overall, overall)
                 .constData());
  }
}

}  // namespace

class tst_IntervalSeries : public QObject {
  Q_OBJECT

 private slots:
  void ratesAddUpToTheCounts_data() {
    addScenarios({"work-queue.json", "traffic-spike.json", "poison-dead-letter.json",
                  "overflow-policies.json", "fanout-notifications.json",
                  "consumer-crash-manual-ack.json", "broker-restart-durability.json",
                  "async-request-reply.json", "failed-and-unknown-jobs.json"});
  }
  void ratesAddUpToTheCounts() {
    QFETCH(QString, file);
    Simulator sim = bundled(file);
    RUN(sim);
    for (std::size_t i = 0; i < sim.queues().size(); ++i) {
      const QueueCounters& c = sim.queues()[i].counters;
      const QueueSeries& s = sim.queueMetrics()[i].series;
      QVERIFY(near(total(s.publishedPerS), c.published, 1e-9));
      QVERIFY(near(total(s.deliveredPerS), c.delivered, 1e-9));
      QVERIFY(near(total(s.ackedPerS), c.acked, 1e-9));
    }
    for (std::size_t i = 0; i < sim.producers().size(); ++i)
      QVERIFY(near(total(sim.producerMetrics()[i].sentPerS), sim.producers()[i].sent, 1e-9));
    // Answers by status add up to each status's count, and together to all the API's answers.
    const RunReport report = buildReport(sim);
    for (std::size_t a = 0; a < sim.apis().size(); ++a) {
      const ApiState& as = sim.apis()[a];
      double all = 0;
      for (std::size_t k = 0; k < as.responses.size(); ++k) {
        const double sent = total(as.series.responsesPerS[k]);
        QVERIFY2(near(sent, as.responses[k], 1e-9),
                 text(std::to_string(kHttpStatuses[k]), sent, as.responses[k]).constData());
        all += sent;
      }
      std::uint64_t reported = 0;
      for (const auto& [status, count] : report.apis[a].responses) reported += count;
      QVERIFY(reported > 0);
      QVERIFY2(near(all, reported, 1e-9), text("all answers", all, reported).constData());
    }
  }

  void waitPercentilesBracketTheRun_data() {
    addScenarios({"work-queue.json", "traffic-spike.json", "spike-and-drain.json",
                  "poison-dead-letter.json", "fanout-notifications.json", "mmc.json"});
  }
  void waitPercentilesBracketTheRun() {
    QFETCH(QString, file);
    Simulator sim = bundled(file);
    RUN(sim);
    for (std::size_t i = 0; i < sim.queues().size(); ++i) {
      const QueueSeries& s = sim.queueMetrics()[i].series;
      std::vector<bool> delivered;  // every delivery records its wait
      for (const double v : s.deliveredPerS.points()) delivered.push_back(v > 0);
      checkPercentiles(s.wait, sim.queueMetrics()[i].wait, delivered,
                       "queue " + std::to_string(i) + " wait");
    }
    for (std::size_t p = 0; p < sim.producers().size(); ++p) {
      const ProducerMetrics& pm = sim.producerMetrics()[p];
      std::vector<bool> recorded;
      for (const double v : pm.endToEndSeries.p50.points()) recorded.push_back(!isSeriesGap(v));
      checkPercentiles(pm.endToEndSeries, pm.endToEnd, recorded,
                       "producer " + std::to_string(p) + " end to end");
    }
  }

  void utilizationAveragesToTheReport_data() {
    addScenarios({"work-queue.json", "scale-out.json", "consumer-crash-manual-ack.json",
                  "traffic-spike.json", "polling-vs-webhook.json"});
  }
  void utilizationAveragesToTheReport() {
    QFETCH(QString, file);
    Simulator sim = bundled(file);
    RUN(sim);
    const RunReport report = buildReport(sim);
    for (std::size_t c = 0; c < sim.consumers().size(); ++c) {
      const ConsumerMetrics& m = sim.consumerMetrics()[c];
      const std::vector<double>&u = m.utilization.points(), &a = m.activeInstances.points();
      // Each interval weighs by its instance-time: scaling changes the capacity.
      double busy = 0, capacity = 0;
      bool constant = true;
      for (std::size_t i = 0; i < u.size(); ++i) {
        QCOMPARE(isSeriesGap(u[i]), a[i] == 0);
        if (a[i] == 0) continue;
        busy += u[i] * a[i];
        capacity += a[i];
        constant = constant && a[i] == a[0];
      }
      const double reported = report.consumers[c].utilization;
      QVERIFY2(near(capacity > 0 ? busy / capacity : 0, reported, 1e-9),
               text(report.consumers[c].id, busy / capacity, reported).constData());
      if (!constant) continue;
      // With the same instances throughout, the plain time average is the report's figure.
      double mean = 0;
      for (const double v : u) mean += v / static_cast<double>(u.size());
      QVERIFY2(near(mean, reported, 1e-9),
               text(report.consumers[c].id, mean, reported).constData());
    }
  }

  void partitionLagsAddUpToTheGroupsLag_data() {
    addScenarios({"order-events-stream.json", "stream-replay.json", "stream-consumer-crash.json",
                  "queue-vs-topic-vs-stream.json"});
  }
  void partitionLagsAddUpToTheGroupsLag() {
    QFETCH(QString, file);
    Simulator sim = bundled(file);
    RUN(sim);
    checkPartitionLags(sim);
  }

  // Before its first assignment a group counts its lag from the log's start, which retention moves
  // without a word to the group; after it, a partition's lag moves only with its own appends and
  // commits. Both kinds of change reach the partitions' series as they reach the total.
  void partitionLagsFollowRetentionBeforeTheFirstAssignment() {
    Scenario s = scenario(20 * kSecond);
    s.sampleInterval = 500 * kMillisecond;
    ComponentSpec p = producer("p", "log", 10 * kMillisecond, 0);
    p.sizeBytes = 100;
    ComponentSpec log = stream("log", 3);
    log.retention = 2 * kSecond;
    log.segmentBytes = 1000;
    ComponentSpec late = member("g", "log", "analytics", 15 * kMillisecond);
    late.join = 8 * kSecond;
    s.components = {p, log, late};
    Simulator sim = simulator(s);
    RUN(sim);
    QVERIFY(sim.streams()[0].deletedByRetention > 0);
    checkPartitionLags(sim);
  }

 private:
  void checkPartitionLags(const Simulator& sim) {
    QVERIFY(!sim.groups().empty());
    for (const GroupState& g : sim.groups()) {
      QCOMPARE(g.partitionLag.size(), g.partitions.size());
      const std::vector<double>& lag = g.lagSeries.points();
      double mean = 0;
      for (std::size_t i = 0; i < lag.size(); ++i) {
        double sum = 0;
        for (const PartitionLagSeries& p : g.partitionLag) sum += p.series.points()[i];
        QVERIFY2(near(sum, lag[i], 1e-9),
                 text("interval " + std::to_string(i), sum, lag[i]).constData());
        mean += lag[i] / static_cast<double>(lag.size());
      }
      const double reported = g.lag.areaAt(sim.now()) / static_cast<double>(sim.now());
      QVERIFY2(near(mean, reported, 1e-9), text("mean lag", mean, reported).constData());
    }
  }

 private slots:

  // Stepped one sample at a time, the run shows how many jobs each interval's means stand for;
  // weighted by those, the means are the report's. The stepped run is the whole run, bit for bit.
  void requestReplyMeansWeighToTheReport_data() {
    addScenarios({"async-request-reply.json", "polling-vs-webhook.json", "poll-storm.json",
                  "failed-and-unknown-jobs.json"});
  }
  void requestReplyMeansWeighToTheReport() {
    QFETCH(QString, file);
    Simulator whole = bundled(file), stepped = whole;
    RUN(whole);
    const std::size_t clients = stepped.clients().size();
    std::vector<std::vector<std::uint64_t>> ended(clients), results(clients);
    std::vector<std::uint64_t> endedBefore(clients, 0), resultsBefore(clients, 0);
    const SimTime step = stepped.model().sampleInterval;
    for (SimTime t = step; t <= stepped.model().duration; t += step) {
      RUN_UNTIL(stepped, t);
      for (std::size_t c = 0; c < clients; ++c) {
        const ClientState& cs = stepped.clients()[c];
        std::uint64_t jobs = 0;
        for (const std::uint64_t n : cs.pollsPerJob) jobs += n;
        ended[c].push_back(jobs - endedBefore[c]);
        results[c].push_back(cs.timeToResult.count() - resultsBefore[c]);
        endedBefore[c] = jobs;
        resultsBefore[c] = cs.timeToResult.count();
      }
    }
    QVERIFY(stepped == whole);
    const RunReport report = buildReport(whole);
    bool anyJobs = false;
    for (std::size_t c = 0; c < clients; ++c) {
      const ClientSeries& s = whole.clients()[c].series;
      const ClientReport& r = report.clients[c];
      QCOMPARE(s.pollsPerJob.points().size(), ended[c].size());
      double polls = 0, jobs = 0, seconds = 0, got = 0;
      for (std::size_t i = 0; i < ended[c].size(); ++i) {
        const double p = s.pollsPerJob.points()[i], t = s.timeToResult.points()[i];
        QCOMPARE(isSeriesGap(p), ended[c][i] == 0);
        QCOMPARE(isSeriesGap(t), results[c][i] == 0);
        if (ended[c][i] > 0) polls += p * ended[c][i], jobs += ended[c][i];
        if (results[c][i] > 0) seconds += t * results[c][i], got += results[c][i];
      }
      anyJobs = anyJobs || jobs > 0;
      QVERIFY2(near(jobs > 0 ? polls / jobs : 0, r.pollsPerJobMean, 1e-9),
               text(r.id + " polls per job", polls / jobs, r.pollsPerJobMean).constData());
      QCOMPARE(got, static_cast<double>(r.timeToResult.count));
      if (got > 0)
        QVERIFY2(near(seconds / got, r.timeToResult.meanS, 1e-9),
                 text(r.id + " time to result", seconds / got, r.timeToResult.meanS).constData());
    }
    QVERIFY(anyJobs);
  }

  void intervalsWithNothingToMeasureAreGaps() {
    // Nobody consumes q: no wait to take a percentile of, no end-to-end time. The consumer of q2
    // is scaled to no instances at 2 s: nothing to be utilized from then on.
    Scenario s = scenario(5 * kSecond);
    s.sampleInterval = kSecond;
    s.components = {producer("p", "q", 100 * kMillisecond, 0), queue("q"), queue("q2"),
                    consumer("c", "q2", 100 * kMillisecond)};
    FaultSpec scale;
    scale.at = 2 * kSecond;
    scale.kind = FaultKind::Scale;
    scale.target = "c";
    scale.instances = 0;
    s.faults = {scale};
    Simulator sim = simulator(s);
    RUN(sim);
    for (const TimeSeries* t :
         {&sim.queueMetrics()[0].series.wait.p99, &sim.producerMetrics()[0].endToEndSeries.p50})
      for (const double v : t->points()) QVERIFY(isSeriesGap(v));
    QCOMPARE(sim.consumerMetrics()[0].activeInstances.points(),
             (std::vector<double>{1, 1, 0, 0, 0}));
    const std::vector<double>& u = sim.consumerMetrics()[0].utilization.points();
    QVERIFY(u[0] == 0 && u[1] == 0 && isSeriesGap(u[2]) && isSeriesGap(u[4]));
    // A copy holding gaps (NaN, equal to nothing) is still equal: checkpoints compare bit for bit.
    const Simulator copy = sim;
    QVERIFY(copy == sim);
  }

  void aGroupWithManyPartitionsKeepsItsTotalOnly_data() {
    QTest::addColumn<int>("partitions");
    QTest::addColumn<int>("series");
    QTest::newRow("64") << 64 << 64;
    QTest::newRow("65") << 65 << 0;
  }
  void aGroupWithManyPartitionsKeepsItsTotalOnly() {
    QFETCH(int, partitions);
    QFETCH(int, series);
    Scenario s = scenario(kSecond);
    s.components = {producer("p", "s", 10 * kMillisecond, 0),
                    stream("s", static_cast<std::uint32_t>(partitions)),
                    member("m", "s", "g", kMillisecond)};
    Simulator sim = simulator(s);
    RUN(sim);
    QCOMPARE(sim.groups()[0].partitionLag.size(), static_cast<std::size_t>(series));
    QCOMPARE(sim.groups()[0].lagSeries.points().size(), std::size_t{10});
  }
};

QTEST_APPLESS_MAIN(tst_IntervalSeries)
#include "tst_intervalseries.moc"
